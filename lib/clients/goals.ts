import 'server-only';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { clientGoals, clientGoalSkills, clients, clientSkills, skillGaps, skillGapSkills, skills, type Client, type ClientGoal } from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { inDemandAmong } from '@/lib/demand/demand-scores';
import { AppError, notFound, parseInput, validationError } from '@/lib/errors';
import { resolveSkillRefsStrictly } from '@/lib/skills/program-skills';
import { goalInputSchema } from './client-schema';
import { coreSkillsOfOccupation } from './client-skills';
import { findOrgClient, recordClientEvent } from './clients';

/** Importance (1–5) given to a gap's must-have and nice-to-have skills, and to hand-picked ones. */
const gapImportance = { mustHave: 5, niceToHave: 3 } as const;
const customImportance = 4;

/**
 * Sets a goal: the required skills are a snapshot (of the occupation's core skills, the
 * employer gap's skills, or the skills given), so a later taxonomy or gap change never
 * rewrites a goal a client is working towards.
 */
export async function createGoal(actor: Actor, clientId: string, raw: unknown): Promise<ClientGoal> {
  const input = parseInput(goalInputSchema, raw);
  return getDb().transaction(async (tx) => {
    const client = await findOrgClient(tx, actor, clientId, true, { allowSelf: 'self_managed' });
    let title = input.title;
    let required: Array<{ skillId: string; importance: number }>;
    let occupationId: string | null = null;
    let gapId: string | null = null;
    if (input.kind === 'occupation') {
      const core = await coreSkillsOfOccupation(tx, input.occupation!).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'not_found') throw validationError({ occupation: [`“${input.occupation}” is not an occupation in the taxonomy.`] });
        throw error;
      });
      occupationId = core.occupation.id;
      title ??= core.occupation.title;
      required = core.skills;
    } else if (input.kind === 'gap') {
      const [gap] = await tx.select().from(skillGaps).where(and(eq(skillGaps.id, input.gapId!), eq(skillGaps.status, 'open')));
      if (!gap) throw validationError({ gapId: ['That employer gap is closed or does not exist.'] });
      gapId = gap.id;
      title ??= `${gap.roleTitle} (employer gap)`;
      const gapSkills = await tx.select().from(skillGapSkills).where(eq(skillGapSkills.gapId, gap.id));
      required = gapSkills.map((s) => ({ skillId: s.skillId, importance: s.isMustHave ? gapImportance.mustHave : gapImportance.niceToHave }));
    } else {
      required = (await resolveSkillRefsStrictly(tx, input.skills)).map((skillId) => ({ skillId, importance: customImportance }));
    }
    if (required.length === 0) throw validationError({ [input.kind === 'occupation' ? 'occupation' : 'skills']: ['This goal names no skills to work towards.'] });
    const [goal] = await tx
      .insert(clientGoals)
      .values({ clientId: client.id, kind: input.kind, occupationId, gapId, title: title!, targetDate: input.targetDate ?? null, priority: input.priority })
      .returning();
    await tx.insert(clientGoalSkills).values(required.map((r) => ({ goalId: goal!.id, ...r })));
    // Self-service seekers (no career service yet) work towards one goal: a new one replaces it.
    if (client.orgId === null) await tx.delete(clientGoals).where(and(eq(clientGoals.clientId, client.id), ne(clientGoals.id, goal!.id)));
    if (client.stage === 'intake') await tx.update(clients).set({ stage: 'goal_set', updatedAt: new Date() }).where(eq(clients.id, client.id));
    await recordClientEvent(tx, client.id, actor, 'goal', `Goal set: ${goal!.title} (${required.length} skills).`);
    return goal!;
  });
}

export async function deleteGoal(actor: Actor, goalId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const { goal, client } = await findOrgGoal(tx, actor, goalId, { allowSelf: 'self_managed' });
    await tx.delete(clientGoals).where(eq(clientGoals.id, goal.id));
    await recordClientEvent(tx, client.id, actor, 'goal', `Goal removed: ${goal.title}.`);
  });
}

export async function findOrgGoal(db: Db, actor: Actor, goalId: string, opts: { allowSelf?: boolean | 'self_managed' } = {}): Promise<{ goal: ClientGoal; client: Client }> {
  if (!/^[0-9a-f-]{36}$/i.test(goalId)) throw notFound('Goal');
  const [goal] = await db.select().from(clientGoals).where(eq(clientGoals.id, goalId));
  if (!goal) throw notFound('Goal');
  // Another organisation's goal is "not found", like its client.
  const client = await findOrgClient(db, actor, goal.clientId, false, opts).catch(() => {
    throw notFound('Goal');
  });
  return { goal, client };
}

export type GoalSkill = { skillId: string; label: string; importance: number; isHeld: boolean; isInDemand: boolean };
export type GoalGap = {
  goal: ClientGoal;
  skills: GoalSkill[];
  /** Required skills the client lacks, most important first. */
  missing: GoalSkill[];
  /** Share of the goal's importance the client already covers, 0–1. */
  coverage: number;
  demandRegion: string | null;
};

/** Each goal's gap: required skills the client lacks, which are in demand in the client's region, and coverage. */
export async function goalGaps(db: Db, client: Client, goals: ClientGoal[]): Promise<GoalGap[]> {
  if (goals.length === 0) return [];
  const [required, held] = await Promise.all([
    db
      .select({ goalId: clientGoalSkills.goalId, skillId: skills.id, label: skills.preferredLabel, importance: clientGoalSkills.importance })
      .from(clientGoalSkills)
      .innerJoin(skills, eq(skills.id, clientGoalSkills.skillId))
      .where(inArray(clientGoalSkills.goalId, goals.map((g) => g.id)))
      .orderBy(desc(clientGoalSkills.importance), asc(skills.preferredLabel)),
    db.select({ skillId: clientSkills.skillId }).from(clientSkills).where(eq(clientSkills.clientId, client.id)),
  ]);
  const heldIds = new Set(held.map((h) => h.skillId));
  const demandRegion = client.region ?? client.country;
  const inDemand = await inDemandAmong(demandRegion, required.map((r) => r.skillId));
  return goals.map((goal) => {
    const mine = required.filter((r) => r.goalId === goal.id).map((r) => ({ skillId: r.skillId, label: r.label, importance: r.importance, isHeld: heldIds.has(r.skillId), isInDemand: inDemand.has(r.skillId) }));
    const total = mine.reduce((sum, s) => sum + s.importance, 0);
    const covered = mine.filter((s) => s.isHeld).reduce((sum, s) => sum + s.importance, 0);
    return { goal, skills: mine, missing: mine.filter((s) => !s.isHeld), coverage: total ? covered / total : 0, demandRegion };
  });
}

export async function listClientGoals(actor: Actor, clientId: string): Promise<GoalGap[]> {
  const db = getDb();
  const client = await findOrgClient(db, actor, clientId, false, { allowSelf: true });
  const goals = await db.select().from(clientGoals).where(eq(clientGoals.clientId, client.id)).orderBy(asc(clientGoals.priority), asc(clientGoals.createdAt));
  return goalGaps(db, client, goals);
}

export async function getGoalGap(actor: Actor, goalId: string): Promise<GoalGap> {
  const db = getDb();
  const { goal, client } = await findOrgGoal(db, actor, goalId, { allowSelf: true });
  return (await goalGaps(db, client, [goal]))[0]!;
}
