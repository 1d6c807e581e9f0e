import * as inviteRoute from '@/app/api/v1/invites/[id]/route';
import * as memberRoute from '@/app/api/v1/members/[id]/route';
import * as programRoute from '@/app/api/v1/programs/[id]/route';
import * as programSkillsReviewRoute from '@/app/api/v1/programs/[id]/skills/review/route';
import * as programSkillsRoute from '@/app/api/v1/programs/[id]/skills/route';
import * as gapCoverageRoute from '@/app/api/v1/skill-gaps/[id]/coverage/route';
import * as gapRoute from '@/app/api/v1/skill-gaps/[id]/route';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db';
import { organisations, skills } from '@/db/schema';
import * as clientRoute from '@/app/api/v1/clients/[id]/route';
import * as clientInviteRoute from '@/app/api/v1/clients/[id]/invite/route';
import * as clientSkillsRoute from '@/app/api/v1/clients/[id]/skills/route';
import * as clientExportRoute from '@/app/api/v1/clients/[id]/export/route';
import * as clientOutcomeRoute from '@/app/api/v1/clients/[id]/outcomes/[outcomeId]/route';
import * as clientOutcomesRoute from '@/app/api/v1/clients/[id]/outcomes/route';
import * as goalRoute from '@/app/api/v1/goals/[id]/route';
import * as goalExclusionsRoute from '@/app/api/v1/goals/[id]/exclusions/route';
import * as goalRecommendationsRoute from '@/app/api/v1/goals/[id]/recommendations/route';
import * as clientPlansRoute from '@/app/api/v1/clients/[id]/plans/route';
import * as planPdfRoute from '@/app/api/v1/plans/[id]/pdf/route';
import * as planRoute from '@/app/api/v1/plans/[id]/route';
import * as planShareLinkRoute from '@/app/api/v1/plans/[id]/share-links/[linkId]/route';
import * as planShareLinksRoute from '@/app/api/v1/plans/[id]/share-links/route';
import * as planStepRoute from '@/app/api/v1/plans/[id]/steps/[stepId]/route';
import * as planStepsRoute from '@/app/api/v1/plans/[id]/steps/route';
import { createPlan } from '@/lib/plans/plans';
import { createPlanShareLink } from '@/lib/plans/plan-share';
import { getPlan } from '@/lib/plans/plan-details';
import { createClient } from '@/lib/clients/clients';
import { createGoal } from '@/lib/clients/goals';
import { recordOutcome } from '@/lib/clients/outcomes';
import { createGap } from '@/lib/employers/gaps';
import type { OrgKind } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { createProgram } from '@/lib/catalog/programs';
import { createInvite } from '@/lib/orgs/invites';
import { programFixture } from './programs';
import type { createTestOrg } from './factories';

type TestOrg = Awaited<ReturnType<typeof createTestOrg>>;
type Handler = Parameters<typeof import('./routes').callRoute>[0];

/**
 * Every tenant resource, with a way to create one in an organisation and the API
 * requests that touch it. Later features add their resources here; the isolation
 * test then proves another organisation cannot read or change them.
 */
export type IsolationCase = {
  resource: string;
  /** The kind of organisation that owns such resources (both organisations in the test are of it). */
  orgKind: OrgKind;
  /** The resource's id, or the route params naming it (a nested resource needs its parent's id too). */
  create(owner: TestOrg): Promise<string | Record<string, string>>;
  requests: Array<{ method: string; handler: Handler; body?: unknown }>;
};

/** Outcome routes are nested under their client: the case's id is the outcome's, mapped back to both here. */
const clientOfOutcome = new Map<string, string>();
const withOutcomeParams = (handler: Handler, params: (outcomeId: string) => Record<string, string>): Handler => (request, context) =>
  context.params.then(({ id }) => handler(request, { params: Promise.resolve(params(id!)) }));

/** A gap with its own skill, so the case does not depend on the taxonomy being loaded. */
async function createIsolationGap(owner: TestOrg): Promise<string> {
  const [skill] = await getDb().insert(skills).values({ source: 'custom', sourceUri: `custom:${randomUUID()}`, preferredLabel: `Isolation skill ${randomUUID()}`, kind: 'skill' }).returning();
  return (await createGap(await owner.adminActor(), { roleTitle: 'Confidential role', region: 'US-NY', headcount: 2, skills: [{ skill: skill!.id }] })).gap.id;
}

export const isolationMatrix: IsolationCase[] = [
  {
    resource: 'invite',
    orgKind: 'career_service',
    create: async (owner) => (await createInvite(systemActor, { role: 'practitioner' }, owner.org.id)).invite.id,
    requests: [
      { method: 'GET', handler: inviteRoute.GET as Handler },
      { method: 'DELETE', handler: inviteRoute.DELETE as Handler },
    ],
  },
  {
    resource: 'member',
    orgKind: 'career_service',
    create: async (owner) => {
      const { user } = await owner.addMember('practitioner');
      const { listMembers } = await import('@/lib/orgs/organisations');
      return (await listMembers(systemActor, owner.org.id)).find((m) => m.userId === user.id)!.id;
    },
    requests: [
      { method: 'GET', handler: memberRoute.GET as Handler },
      { method: 'PATCH', handler: memberRoute.PATCH as Handler, body: { role: 'admin' } },
      { method: 'DELETE', handler: memberRoute.DELETE as Handler },
    ],
  },
  {
    resource: 'program (draft)',
    orgKind: 'training_provider',
    create: async (owner) => (await createProgram(systemActor, programFixture({ status: 'draft' }), { orgId: owner.org.id })).id,
    requests: [
      { method: 'GET', handler: programRoute.GET as Handler },
      { method: 'PATCH', handler: programRoute.PATCH as Handler, body: { title: 'Taken over' } },
      { method: 'DELETE', handler: programRoute.DELETE as Handler },
    ],
  },
  {
    resource: 'program skills (draft)',
    orgKind: 'training_provider',
    create: async (owner) => (await createProgram(systemActor, programFixture({ status: 'draft' }), { orgId: owner.org.id })).id,
    requests: [
      { method: 'GET', handler: programSkillsRoute.GET as Handler },
      { method: 'POST', handler: programSkillsReviewRoute.POST as Handler, body: { decision: 'accept', skillIds: [randomUUID()] } },
    ],
  },
  {
    resource: 'skill gap',
    orgKind: 'employer',
    create: createIsolationGap,
    requests: [
      { method: 'GET', handler: gapRoute.GET as Handler },
      { method: 'PATCH', handler: gapRoute.PATCH as Handler, body: { status: 'closed' } },
      { method: 'DELETE', handler: gapRoute.DELETE as Handler },
    ],
  },
  {
    resource: 'skill gap coverage',
    orgKind: 'employer',
    create: createIsolationGap,
    requests: [{ method: 'GET', handler: gapCoverageRoute.GET as Handler }],
  },
  {
    resource: 'client',
    orgKind: 'career_service',
    create: async (owner) => (await createClient(await owner.adminActor(), { fullName: 'Isolated Client', region: 'US-NY' })).id,
    requests: [
      { method: 'GET', handler: clientRoute.GET as Handler },
      { method: 'PATCH', handler: clientRoute.PATCH as Handler, body: { fullName: 'Taken over' } },
      { method: 'POST', handler: clientInviteRoute.POST as Handler, body: { email: 'intruder@example.org' } },
      { method: 'DELETE', handler: clientRoute.DELETE as Handler, body: { confirmName: 'Isolated Client' } },
    ],
  },
  {
    resource: 'client data export',
    orgKind: 'career_service',
    create: async (owner) => (await createClient(await owner.adminActor(), { fullName: 'Isolated Client', region: 'US-NY' })).id,
    requests: [{ method: 'GET', handler: clientExportRoute.GET as Handler }],
  },
  {
    resource: 'client outcomes',
    orgKind: 'career_service',
    create: async (owner) => (await createClient(await owner.adminActor(), { fullName: 'Isolated Client', region: 'US-NY' })).id,
    requests: [
      { method: 'GET', handler: clientOutcomesRoute.GET as Handler },
      { method: 'POST', handler: clientOutcomesRoute.POST as Handler, body: { kind: 'job_obtained', title: 'Taken over', occurredOn: '2026-01-05' } },
    ],
  },
  {
    resource: 'client outcome',
    orgKind: 'career_service',
    create: async (owner) => {
      const actor = await owner.adminActor();
      const client = await createClient(actor, { fullName: 'Isolated Client', region: 'US-NY' });
      const outcome = await recordOutcome(actor, client.id, { kind: 'credential_earned', title: 'Private badge', occurredOn: '2026-01-05' });
      clientOfOutcome.set(outcome.id, client.id);
      return outcome.id;
    },
    requests: [
      // The isolation test's owner check reads the outcome's client's list.
      { method: 'GET', handler: withOutcomeParams(clientOutcomesRoute.GET as Handler, (outcomeId) => ({ id: clientOfOutcome.get(outcomeId)! })) },
      { method: 'DELETE', handler: withOutcomeParams(clientOutcomeRoute.DELETE as Handler, (outcomeId) => ({ id: clientOfOutcome.get(outcomeId)!, outcomeId })) },
    ],
  },
  {
    resource: 'client skills',
    orgKind: 'career_service',
    create: async (owner) => (await createClient(await owner.adminActor(), { fullName: 'Isolated Client', region: 'US-NY' })).id,
    requests: [
      { method: 'GET', handler: clientSkillsRoute.GET as Handler },
      { method: 'POST', handler: clientSkillsRoute.POST as Handler, body: { skill: 'SQL' } },
    ],
  },
  {
    resource: 'client goal',
    orgKind: 'career_service',
    create: async (owner) => {
      const actor = await owner.adminActor();
      const client = await createClient(actor, { fullName: 'Isolated Client', region: 'US-NY' });
      const [skill] = await getDb().insert(skills).values({ source: 'custom', sourceUri: `custom:${randomUUID()}`, preferredLabel: `Isolation goal skill ${randomUUID()}`, kind: 'skill' }).returning();
      return (await createGoal(actor, client.id, { kind: 'custom', title: 'Private goal', skills: [skill!.id] })).id;
    },
    requests: [
      { method: 'GET', handler: goalRoute.GET as Handler },
      { method: 'GET', handler: goalRecommendationsRoute.GET as Handler },
      { method: 'POST', handler: goalExclusionsRoute.POST as Handler, body: { programId: '00000000-0000-4000-8000-000000000000' } },
      { method: 'DELETE', handler: goalRoute.DELETE as Handler },
    ],
  },
  {
    resource: 'client plans',
    orgKind: 'career_service',
    create: async (owner) => (await createClient(await owner.adminActor(), { fullName: 'Isolated Client', region: 'US-NY' })).id,
    requests: [
      { method: 'GET', handler: clientPlansRoute.GET as Handler },
      { method: 'POST', handler: clientPlansRoute.POST as Handler, body: { title: 'Taken over', steps: [] } },
    ],
  },
  {
    resource: 'plan',
    orgKind: 'career_service',
    create: createIsolationPlan,
    requests: [
      { method: 'GET', handler: planRoute.GET as Handler },
      { method: 'PATCH', handler: planRoute.PATCH as Handler, body: { title: 'Taken over', expectedVersion: 1 } },
      { method: 'DELETE', handler: planRoute.DELETE as Handler, body: { expectedVersion: 1 } },
      { method: 'POST', handler: planStepsRoute.POST as Handler, body: { programId: randomUUID(), expectedVersion: 1 } },
      { method: 'PUT', handler: planStepsRoute.PUT as Handler, body: { stepIds: [], expectedVersion: 1 } },
      { method: 'GET', handler: planPdfRoute.GET as Handler },
      { method: 'GET', handler: planShareLinksRoute.GET as Handler },
      { method: 'POST', handler: planShareLinksRoute.POST as Handler, body: { expiresInDays: 7 } },
    ],
  },
  {
    resource: 'plan share link',
    orgKind: 'career_service',
    create: async (owner) => {
      const { id } = await createIsolationPlan(owner);
      return { id, linkId: (await createPlanShareLink(await owner.adminActor(), id, {})).id };
    },
    requests: [
      { method: 'GET', handler: planShareLinksRoute.GET as Handler },
      { method: 'DELETE', handler: planShareLinkRoute.DELETE as Handler },
    ],
  },
  {
    resource: 'plan step',
    orgKind: 'career_service',
    create: createIsolationPlan,
    requests: [
      { method: 'GET', handler: planRoute.GET as Handler },
      { method: 'PATCH', handler: planStepRoute.PATCH as Handler, body: { status: 'completed', expectedVersion: 1 } },
      { method: 'DELETE', handler: planStepRoute.DELETE as Handler, body: { expectedVersion: 1 } },
    ],
  },
];

/** A plan of a client of the owner, with one step (a program of a fresh provider). */
async function createIsolationPlan(owner: TestOrg): Promise<{ id: string; stepId: string }> {
  const actor = await owner.adminActor();
  const client = await createClient(actor, { fullName: 'Isolated Client', region: 'US-NY' });
  const [provider] = await getDb().insert(organisations).values({ name: 'Isolation provider', slug: `isolation-${randomUUID()}`, kind: 'training_provider' }).returning();
  const program = await createProgram(systemActor, programFixture(), { orgId: provider!.id });
  const plan = await createPlan(actor, client.id, { steps: [{ programId: program.id }] });
  return { id: plan.id, stepId: (await getPlan(actor, plan.id)).steps[0]!.id };
}

/** The member role of each kind of organisation (besides admin). */
export const memberRoleOf = { career_service: 'practitioner', employer: 'employer', training_provider: 'provider' } as const;
