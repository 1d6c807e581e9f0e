import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as clientRoute from '@/app/api/v1/clients/[id]/route';
import * as exportRoute from '@/app/api/v1/clients/[id]/export/route';
import * as outcomeRoute from '@/app/api/v1/clients/[id]/outcomes/[outcomeId]/route';
import * as outcomesRoute from '@/app/api/v1/clients/[id]/outcomes/route';
import * as dashboardRoute from '@/app/api/v1/dashboard/route';
import { getDb } from '@/db';
import {
  clientEvents, clientGoals, clientGoalSkills, clientInvites, clientOutcomes, clients, clientSkills, goalExcludedPrograms, planComments, plans, planShareLinks, planSteps, skills,
  type PlanStepStatus,
} from '@/db/schema';
import { openApiDocument } from '@/lib/api/openapi';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { createProgram } from '@/lib/catalog/programs';
import { addClientSkill } from '@/lib/clients/client-skills';
import { createClient, getClient } from '@/lib/clients/clients';
import { caseloadDashboard } from '@/lib/clients/dashboard';
import { deleteClient } from '@/lib/clients/erasure';
import { createGoal } from '@/lib/clients/goals';
import { recordOutcome } from '@/lib/clients/outcomes';
import { createTestOrg } from '../support/factories';
import { programFixture } from '../support/programs';
import { callRoute } from '../support/routes';

type Handler = Parameters<typeof callRoute>[0];

async function careerService() {
  const team = await createTestOrg('career_service');
  const practitioner = await team.addMember('practitioner');
  return { team, practitioner, key: await team.apiKey('practitioner') };
}

async function customSkill() {
  const [skill] = await getDb().insert(skills).values({ source: 'custom', sourceUri: `custom:${randomUUID()}`, preferredLabel: `Lifecycle skill ${randomUUID()}`, kind: 'skill' }).returning();
  return skill!;
}

/** A client with something in every table that hangs off a client record. */
async function clientWithEverything(actor: Actor, fullName = 'Zoë Okafor-Lindqvist') {
  const db = getDb();
  const client = await createClient(actor, { fullName, email: 'zoe@example.org', region: 'US-NY', consentDataProcessing: true });
  const skill = await customSkill();
  await addClientSkill(actor, client.id, { skill: skill.id, evidence: 'practitioner_assessed' });
  const goal = await createGoal(actor, client.id, { kind: 'custom', title: 'Cloud engineer', skills: [(await customSkill()).id] });
  const provider = await createTestOrg('training_provider');
  const program = await createProgram(systemActor, programFixture({ status: 'draft' }), { orgId: provider.org.id });
  await db.insert(goalExcludedPrograms).values({ goalId: goal.id, programId: program.id, createdBy: actor.userId });
  const [plan] = await db.insert(plans).values({ clientId: client.id, goalId: goal.id, title: 'Plan towards cloud engineer', createdBy: actor.userId }).returning();
  const [step] = await db.insert(planSteps).values({ planId: plan!.id, programId: program.id, position: 1, programTitle: program.title, startDate: '2026-01-10' }).returning();
  await db.insert(planComments).values({ planId: plan!.id, stepId: step!.id, authorUserId: actor.userId, authorName: 'Coach', body: 'Enrol before the deadline.' });
  await db.insert(planShareLinks).values({ planId: plan!.id, tokenHash: `share-hash-${randomUUID()}`, expiresAt: new Date(Date.now() + 86_400_000) });
  await db.insert(clientInvites).values({ clientId: client.id, kind: 'seeker', email: 'zoe@example.org', tokenHash: `invite-hash-${randomUUID()}`, expiresAt: new Date(Date.now() + 86_400_000) });
  await recordOutcome(actor, client.id, { kind: 'credential_earned', title: 'AWS Cloud Practitioner', occurredOn: '2026-02-01' });
  return { client, goal, plan: plan!, step: step! };
}

describe('client erasure', () => {
  it('refuses a wrong name, hides other organisations’ clients, then deletes the record and every row about the client', async () => {
    const { practitioner, key } = await careerService();
    const { client, goal, plan, step } = await clientWithEverything(practitioner.actor);

    await expect(deleteClient(practitioner.actor, client.id, { confirmName: 'Zoe Okafor' })).rejects.toMatchObject({ fieldErrors: { confirmName: [expect.stringContaining('full name')] } });
    const missing = await callRoute(clientRoute.DELETE as Handler, { method: 'DELETE', apiKey: key, params: { id: client.id }, body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.fields.confirmName).toBeDefined();

    const other = await careerService();
    const foreign = await callRoute(clientRoute.DELETE as Handler, { method: 'DELETE', apiKey: other.key, params: { id: client.id }, body: { confirmName: client.fullName } });
    expect(foreign.status).toBe(404);
    expect((await getClient(practitioner.actor, client.id)).client.id).toBe(client.id);

    // Case and spacing do not matter; the name itself does.
    const erased = await callRoute(clientRoute.DELETE as Handler, { method: 'DELETE', apiKey: key, params: { id: client.id }, path: `/api/v1/clients/${client.id}?confirmName=${encodeURIComponent('  zoë  okafor-lindqvist ')}` });
    expect(erased.status).toBe(200);
    expect(erased.body.removed).toEqual({ skills: 1, goals: 1, goalSkills: 1, goalExclusions: 1, events: expect.any(Number), plans: 1, planSteps: 1, planComments: 1, planShareLinks: 1, outcomes: 1, invites: 1 });
    expect(JSON.stringify(erased.body)).not.toContain('Zo');

    const db = getDb();
    const remaining = await Promise.all([
      db.select().from(clients).where(eq(clients.id, client.id)),
      db.select().from(clientSkills).where(eq(clientSkills.clientId, client.id)),
      db.select().from(clientGoals).where(eq(clientGoals.clientId, client.id)),
      db.select().from(clientGoalSkills).where(eq(clientGoalSkills.goalId, goal.id)),
      db.select().from(goalExcludedPrograms).where(eq(goalExcludedPrograms.goalId, goal.id)),
      db.select().from(clientEvents).where(eq(clientEvents.clientId, client.id)),
      db.select().from(plans).where(eq(plans.clientId, client.id)),
      db.select().from(planSteps).where(eq(planSteps.planId, plan.id)),
      db.select().from(planComments).where(inArray(planComments.stepId, [step.id])),
      db.select().from(planShareLinks).where(eq(planShareLinks.planId, plan.id)),
      db.select().from(clientOutcomes).where(eq(clientOutcomes.clientId, client.id)),
      db.select().from(clientInvites).where(eq(clientInvites.clientId, client.id)),
    ]);
    expect(remaining.map((rows) => rows.length)).toEqual(remaining.map(() => 0));
    expect((await callRoute(clientRoute.GET as Handler, { apiKey: key, params: { id: client.id } })).status).toBe(404);
  });
});

describe('client data export', () => {
  it('returns every section as a JSON attachment, without token hashes, and records the export on the timeline', async () => {
    const { practitioner, key } = await careerService();
    const { client } = await clientWithEverything(practitioner.actor);
    const today = new Date().toISOString().slice(0, 10);

    const exported = await callRoute(exportRoute.GET as Handler, { apiKey: key, params: { id: client.id } });
    expect(exported.status).toBe(200);
    const text = JSON.stringify(exported.body);
    expect(text).not.toMatch(/tokenHash|share-hash-|invite-hash-/);
    const data = exported.body;
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(['exportedAt', 'organisation', 'client', 'skills', 'goals', 'plans', 'outcomes', 'timeline', 'consentHistory', 'invites']),
    );
    expect(data.client).toMatchObject({ id: client.id, fullName: 'Zoë Okafor-Lindqvist', email: 'zoe@example.org' });
    expect(data.skills[0]).toMatchObject({ skillId: expect.any(String), label: expect.stringContaining('Lifecycle skill'), evidence: 'practitioner_assessed' });
    expect(data.goals[0]).toMatchObject({ title: 'Cloud engineer', requiredSkills: [expect.objectContaining({ label: expect.any(String), importance: 4 })], excludedPrograms: [expect.objectContaining({ title: expect.any(String) })] });
    expect(data.plans[0]).toMatchObject({ title: 'Plan towards cloud engineer', steps: [expect.objectContaining({ startDate: '2026-01-10' })], comments: [expect.objectContaining({ body: 'Enrol before the deadline.' })] });
    expect(data.plans[0].shareLinks).toHaveLength(1);
    expect(data.outcomes).toEqual([expect.objectContaining({ kind: 'credential_earned', title: 'AWS Cloud Practitioner' })]);
    expect(data.invites).toEqual([expect.objectContaining({ kind: 'seeker', email: 'zoe@example.org' })]);
    expect(data.consentHistory.current).toMatchObject({ dataProcessing: true, employerVisible: false });
    expect(data.consentHistory.changes[0].message).toContain('consent to data processing');
    expect(data.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['created', 'skill', 'goal', 'outcome']));

    // The route is also the UI's download link: a file named after the client and the day.
    const response = await exportRoute.GET(new Request(`http://localhost/api/v1/clients/${client.id}/export`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id: client.id }) });
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="client-zoe-okafor-lindqvist-${today}.json"`);
    expect((await getClient(practitioner.actor, client.id)).events.filter((e) => e.kind === 'exported')).toHaveLength(2);

    const other = await careerService();
    expect((await callRoute(exportRoute.GET as Handler, { apiKey: other.key, params: { id: client.id } })).status).toBe(404);
  });
});

describe('outcomes', () => {
  it('validates the date, moves the stage forward only, and records each change on the timeline', async () => {
    const { practitioner, key } = await careerService();
    const client = await createClient(practitioner.actor, { fullName: 'Marta Ruiz' });
    const tomorrowFarAhead = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

    const future = await callRoute(outcomesRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { kind: 'job_obtained', title: 'Data analyst', occurredOn: tomorrowFarAhead } });
    expect(future.status).toBe(422);
    expect(future.body.error.details.fields.occurredOn).toEqual(['The date cannot be in the future.']);
    const invalid = await callRoute(outcomesRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { kind: 'hired', title: 'x', occurredOn: '2026-02-30' } });
    expect(Object.keys(invalid.body.error.details.fields).sort()).toEqual(['kind', 'occurredOn', 'title']);

    const credential = await callRoute(outcomesRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { kind: 'credential_earned', title: 'Google Data Analytics', occurredOn: '2026-03-01' } });
    expect(credential.status).toBe(201);
    expect((await getClient(practitioner.actor, client.id)).client.stage).toBe('credential_earned');

    const job = await recordOutcome(practitioner.actor, client.id, { kind: 'job_obtained', title: 'Data analyst, Harbourview', occurredOn: '2026-04-01', note: 'Full time' });
    expect((await getClient(practitioner.actor, client.id)).client.stage).toBe('employed');
    // A later credential never moves an employed client back.
    await recordOutcome(practitioner.actor, client.id, { kind: 'credential_earned', title: 'SQL badge', occurredOn: '2026-05-01' });
    const { client: after, events } = await getClient(practitioner.actor, client.id);
    expect(after.stage).toBe('employed');
    expect(events.filter((e) => e.kind === 'stage').map((e) => e.message)).toEqual(['Stage moved to employed.', 'Stage moved to credential earned.']);

    // Another organisation reaches the outcome neither through its client nor through one of its own clients.
    const other = await careerService();
    const theirs = await createClient(other.practitioner.actor, { fullName: 'Their Client' });
    expect((await callRoute(outcomeRoute.DELETE as Handler, { method: 'DELETE', apiKey: other.key, params: { id: client.id, outcomeId: job.id } })).status).toBe(404);
    expect((await callRoute(outcomeRoute.DELETE as Handler, { method: 'DELETE', apiKey: other.key, params: { id: theirs.id, outcomeId: job.id } })).status).toBe(404);
    expect((await callRoute(outcomeRoute.DELETE as Handler, { method: 'DELETE', apiKey: key, params: { id: client.id, outcomeId: job.id } })).status).toBe(204);
    const listed = await callRoute(outcomesRoute.GET as Handler, { apiKey: key, params: { id: client.id } });
    expect(listed.body.outcomes.map((o: { title: string }) => o.title)).toEqual(['SQL badge', 'Google Data Analytics']);
    expect((await getClient(practitioner.actor, client.id)).client.stage).toBe('employed');
  });
});

describe('caseload dashboard', () => {
  const today = '2026-06-15';
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) - n * 86_400_000);
  const dayIn = (n: number) => daysAgo(-n).toISOString().slice(0, 10);

  it('counts the funnel, stalled plans, upcoming starts, completions and outcomes exactly, for the organisation or my clients', async () => {
    const db = getDb();
    const { team, practitioner, key } = await careerService();
    const colleague = await team.addMember('practitioner', 'colleague');
    const make = async (fullName: string, stage: (typeof clients.$inferSelect)['stage'], owner: Actor, status: 'active' | 'archived' = 'active') => {
      const client = await createClient(owner, { fullName });
      await db.update(clients).set({ stage, status }).where(eq(clients.id, client.id));
      return client;
    };
    const intake = await make('Ada Intake', 'intake', practitioner.actor);
    const goalSet = await make('Ben Goal', 'goal_set', practitioner.actor);
    const planned = await make('Cy Plan', 'plan_active', colleague.actor);
    const training = await make('Di Training', 'in_training', practitioner.actor);
    await make('Ed Training', 'in_training', colleague.actor);
    const employed = await make('Fay Employed', 'employed', practitioner.actor);
    const archived = await make('Gus Archived', 'plan_active', practitioner.actor, 'archived');

    const plan = async (clientId: string, updatedDaysAgo: number, steps: Array<{ status: PlanStepStatus; updatedDaysAgo: number; startDate?: string; completedAt?: Date }>, status: 'active' | 'archived' = 'active') => {
      const [row] = await db.insert(plans).values({ clientId, title: `Plan ${randomUUID().slice(0, 4)}`, status, updatedAt: daysAgo(updatedDaysAgo) }).returning();
      await db.insert(planSteps).values(
        steps.map((s, i) => ({ planId: row!.id, position: i + 1, programTitle: `Program ${i + 1}`, status: s.status, updatedAt: daysAgo(s.updatedDaysAgo), startDate: s.startDate ?? null, completedAt: s.completedAt ?? null })),
      );
      return row!;
    };
    // Stalled for 4 weeks (last touched 40 days ago), not for 6 weeks.
    const stalled = await plan(planned.id, 40, [{ status: 'in_progress', updatedDaysAgo: 41 }, { status: 'completed', updatedDaysAgo: 45 }]);
    // Stalled for 4 and 6 weeks, mine.
    const stalledMine = await plan(training.id, 70, [{ status: 'planned', updatedDaysAgo: 60 }]);
    // Plan touched yesterday, or one step touched recently: not stalled.
    await plan(goalSet.id, 1, [{ status: 'planned', updatedDaysAgo: 90 }]);
    await plan(goalSet.id, 90, [{ status: 'planned', updatedDaysAgo: 90 }, { status: 'enrolled', updatedDaysAgo: 3 }]);
    // Nothing left to do, an archived plan, an archived client: not stalled.
    await plan(employed.id, 90, [{ status: 'completed', updatedDaysAgo: 90, completedAt: daysAgo(90) }, { status: 'dropped', updatedDaysAgo: 90 }]);
    await plan(intake.id, 90, [{ status: 'planned', updatedDaysAgo: 90 }], 'archived');
    await plan(archived.id, 90, [{ status: 'planned', updatedDaysAgo: 90, startDate: dayIn(3) }]);

    // Upcoming starts: today and in 30 days count; day 31, dropped or completed steps do not.
    await plan(intake.id, 0, [
      { status: 'planned', updatedDaysAgo: 0, startDate: dayIn(0) },
      { status: 'enrolled', updatedDaysAgo: 0, startDate: dayIn(30) },
      { status: 'planned', updatedDaysAgo: 0, startDate: dayIn(31) },
      { status: 'dropped', updatedDaysAgo: 0, startDate: dayIn(5) },
      { status: 'planned', updatedDaysAgo: 0, startDate: dayIn(-1) },
    ]);
    await plan(planned.id, 0, [{ status: 'planned', updatedDaysAgo: 0, startDate: dayIn(10) }]);

    // Completions this calendar month (June 2026): two; May and a completed-then-reopened step do not count.
    await plan(employed.id, 0, [
      { status: 'completed', updatedDaysAgo: 0, completedAt: new Date('2026-06-01T00:00:00Z') },
      { status: 'completed', updatedDaysAgo: 0, completedAt: new Date('2026-05-31T23:59:59Z') },
      { status: 'in_progress', updatedDaysAgo: 0, completedAt: new Date('2026-06-10T00:00:00Z') },
    ]);
    await plan(planned.id, 0, [{ status: 'completed', updatedDaysAgo: 0, completedAt: new Date('2026-06-14T10:00:00Z') }]);

    await db.insert(clientOutcomes).values([
      { clientId: employed.id, kind: 'job_obtained', title: 'Analyst', occurredOn: '2026-06-02' },
      { clientId: training.id, kind: 'credential_earned', title: 'Badge', occurredOn: '2026-06-10' },
      { clientId: planned.id, kind: 'credential_earned', title: 'Certificate', occurredOn: '2026-02-01' },
      { clientId: archived.id, kind: 'job_obtained', title: 'Clerk', occurredOn: '2026-01-05' },
      { clientId: employed.id, kind: 'job_obtained', title: 'Last year', occurredOn: '2025-12-31' },
    ]);
    // Another organisation's caseload never shows.
    const other = await careerService();
    const foreign = await make('Hal Foreign', 'intake', other.practitioner.actor);
    await plan(foreign.id, 90, [{ status: 'planned', updatedDaysAgo: 90, startDate: dayIn(2), completedAt: new Date('2026-06-05T00:00:00Z') }]);

    const all = await caseloadDashboard(practitioner.actor, { today });
    expect(all.funnel.map((s) => [s.stage, s.count])).toEqual([['intake', 1], ['goal_set', 1], ['plan_active', 1], ['in_training', 2], ['credential_earned', 0], ['employed', 1]]);
    expect(all.activeClients).toBe(6);
    expect(all.stalledPlans.total).toBe(2);
    expect(all.stalledPlans.plans.map((p) => p.planId)).toEqual([stalledMine.id, stalled.id]);
    expect(all.stalledPlans.plans[1]).toMatchObject({ clientName: 'Cy Plan', unfinishedSteps: 1, lastActivityAt: daysAgo(40).toISOString().slice(0, 19) + 'Z' });
    expect(all.upcomingStarts.steps.map((s) => [s.clientName, s.startDate])).toEqual([['Ada Intake', today], ['Cy Plan', dayIn(10)], ['Ada Intake', dayIn(30)]]);
    expect(all.completionsThisMonth.total).toBe(2);
    expect(all.outcomes).toEqual({ month: { credentialEarned: 1, jobObtained: 1 }, year: { credentialEarned: 2, jobObtained: 2 } });

    const sixWeeks = await caseloadDashboard(practitioner.actor, { today, stalledWeeks: 6 });
    expect(sixWeeks.stalledPlans.plans.map((p) => p.planId)).toEqual([stalledMine.id]);

    const mine = await callRoute(dashboardRoute.GET as Handler, { apiKey: key, path: '/api/v1/dashboard?scope=mine' });
    expect(mine.status).toBe(200);
    expect(mine.body.activeClients).toBe(0); // an API key has no clients of its own
    const mineAsPractitioner = await caseloadDashboard(practitioner.actor, { today, scope: 'mine' });
    expect(mineAsPractitioner.funnel.map((s) => s.count)).toEqual([1, 1, 0, 1, 0, 1]);
    expect(mineAsPractitioner.stalledPlans.plans.map((p) => p.planId)).toEqual([stalledMine.id]);
    expect(mineAsPractitioner.upcomingStarts.total).toBe(2);
    expect(mineAsPractitioner.completionsThisMonth.total).toBe(1);
    expect(mineAsPractitioner.outcomes).toEqual({ month: { credentialEarned: 1, jobObtained: 1 }, year: { credentialEarned: 1, jobObtained: 2 } });

    const bad = await callRoute(dashboardRoute.GET as Handler, { apiKey: key, path: '/api/v1/dashboard?stalledWeeks=0&scope=everyone' });
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['scope', 'stalledWeeks']);
  });
});

describe('OpenAPI', () => {
  it('documents erasure, export, outcomes and the dashboard from their schemas', () => {
    const paths = openApiDocument('http://localhost').paths as Record<string, Record<string, { parameters?: Array<{ name: string }>; requestBody?: unknown }>>;
    expect(paths['/clients/{id}']!.delete!.requestBody).toBeDefined();
    expect(Object.keys(paths['/clients/{id}/outcomes']!)).toEqual(['get', 'post']);
    expect(paths['/clients/{id}/outcomes/{outcomeId}']!.delete).toBeDefined();
    expect(paths['/clients/{id}/export']!.get).toBeDefined();
    expect(paths['/dashboard']!.get!.parameters!.map((p) => p.name)).toEqual(['scope', 'stalledWeeks']);
  });
});
