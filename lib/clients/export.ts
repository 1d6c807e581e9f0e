import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  clientEvents, clientGoals, clientGoalSkills, clientInvites, goalExcludedPrograms, organisations, planComments, plans, planShareLinks, planSteps, programs, skills, users,
} from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { slugify } from '@/lib/orgs/organisations';
import { listClientSkills } from './client-skills';
import { findOrgClient, recordClientEvent } from './clients';
import { listOutcomes } from './outcomes';

/** The kinds of timeline event that record consent given, changed or withdrawn. */
const consentEventKinds = new Set(['created', 'consent']);

/**
 * Everything Credpath holds about one client, as one JSON document (data-protection access and
 * portability requests). Read in one repeatable-read transaction so the sections agree; secrets
 * (share-link and invite token hashes) are left out. The export itself goes on the timeline.
 */
export async function exportClientData(actor: Actor, clientId: string) {
  return getDb().transaction(
    async (tx) => {
      const client = await findOrgClient(tx, actor, clientId);
      const [organisation] = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, client.orgId!));
      const [assigned] = client.assignedTo ? await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, client.assignedTo)) : [];
      const clientSkills = await listClientSkills(tx, client.id);

      const goals = await tx.select().from(clientGoals).where(eq(clientGoals.clientId, client.id)).orderBy(asc(clientGoals.createdAt));
      const goalIds = goals.map((g) => g.id);
      const goalSkills = goalIds.length
        ? await tx
            .select({ goalId: clientGoalSkills.goalId, skillId: skills.id, label: skills.preferredLabel, sourceUri: skills.sourceUri, importance: clientGoalSkills.importance })
            .from(clientGoalSkills)
            .innerJoin(skills, eq(skills.id, clientGoalSkills.skillId))
            .where(inArray(clientGoalSkills.goalId, goalIds))
            .orderBy(asc(skills.preferredLabel))
        : [];
      const exclusions = goalIds.length
        ? await tx
            .select({ goalId: goalExcludedPrograms.goalId, programId: goalExcludedPrograms.programId, title: programs.title, excludedAt: goalExcludedPrograms.createdAt })
            .from(goalExcludedPrograms)
            .innerJoin(programs, eq(programs.id, goalExcludedPrograms.programId))
            .where(inArray(goalExcludedPrograms.goalId, goalIds))
        : [];

      const clientPlans = await tx.select().from(plans).where(eq(plans.clientId, client.id)).orderBy(asc(plans.createdAt));
      const planIds = clientPlans.map((p) => p.id);
      const [steps, comments, shareLinks] = planIds.length
        ? await Promise.all([
            tx.select().from(planSteps).where(inArray(planSteps.planId, planIds)).orderBy(asc(planSteps.position)),
            tx.select().from(planComments).where(inArray(planComments.planId, planIds)).orderBy(asc(planComments.createdAt)),
            tx
              .select({ id: planShareLinks.id, planId: planShareLinks.planId, expiresAt: planShareLinks.expiresAt, revokedAt: planShareLinks.revokedAt, createdAt: planShareLinks.createdAt })
              .from(planShareLinks)
              .where(inArray(planShareLinks.planId, planIds)),
          ])
        : [[], [], []];

      const outcomes = await listOutcomes(tx, client.id);
      const timeline = await tx
        .select({ id: clientEvents.id, kind: clientEvents.kind, message: clientEvents.message, by: users.name, at: clientEvents.createdAt })
        .from(clientEvents)
        .leftJoin(users, eq(users.id, clientEvents.actorUserId))
        .where(eq(clientEvents.clientId, client.id))
        .orderBy(asc(clientEvents.createdAt), asc(clientEvents.id));
      const invites = await tx
        .select({
          id: clientInvites.id, kind: clientInvites.kind, email: clientInvites.email, expiresAt: clientInvites.expiresAt,
          acceptedAt: clientInvites.acceptedAt, revokedAt: clientInvites.revokedAt, createdAt: clientInvites.createdAt,
        })
        .from(clientInvites)
        .where(eq(clientInvites.clientId, client.id))
        .orderBy(asc(clientInvites.createdAt));

      const exportedAt = new Date();
      await recordClientEvent(tx, client.id, actor, 'exported', 'Client data exported (JSON).');
      return {
        format: 'credpath-client-export',
        formatVersion: 1,
        exportedAt: exportedAt.toISOString(),
        exportedBy: actor.name,
        organisation,
        client: { ...client, assignedPractitioner: assigned ?? null },
        skills: clientSkills,
        goals: goals.map((goal) => ({
          ...goal,
          requiredSkills: goalSkills.filter((s) => s.goalId === goal.id).map(({ goalId: _goalId, ...s }) => s),
          excludedPrograms: exclusions.filter((e) => e.goalId === goal.id).map(({ goalId: _goalId, ...e }) => e),
        })),
        plans: clientPlans.map((plan) => ({
          ...plan,
          steps: steps.filter((s) => s.planId === plan.id),
          comments: comments.filter((c) => c.planId === plan.id),
          shareLinks: shareLinks.filter((l) => l.planId === plan.id),
        })),
        outcomes,
        timeline,
        consentHistory: {
          current: { dataProcessing: client.consentDataProcessing, employerVisible: client.consentEmployerVisible, recordedAt: client.consentRecordedAt },
          changes: timeline.filter((e) => consentEventKinds.has(e.kind)),
        },
        invites,
      };
    },
    { isolationLevel: 'repeatable read' },
  );
}

export type ClientExport = Awaited<ReturnType<typeof exportClientData>>;

/** `client-<slug of the name>-<YYYY-MM-DD>.json` */
export const clientExportFileName = (data: ClientExport) => `client-${slugify(data.client.fullName)}-${data.exportedAt.slice(0, 10)}.json`;
