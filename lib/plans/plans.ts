import 'server-only';
import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { clientGoals, clientGoalSkills, clientSkills, planSteps, plans, programs, programSkills, type Client, type Plan, type PlanStep, type Program } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { advanceClientStage } from '@/lib/clients/client-stage';
import { findOrgClient, recordClientEvent } from '@/lib/clients/clients';
import { AppError, notFound, parseInput, validationError, type FieldErrors } from '@/lib/errors';
import { planStepStatusLabels } from './plan-vocabulary';
import { planCreateSchema, planStepAddSchema, planStepReorderSchema, planStepUpdateSchema, planUpdateSchema, planVersionSchema } from './plan-schema';
import { isUuid, uuidArray } from '@/lib/ids';

/**
 * A plan of a client the actor may see; anything else is "not found". Access is the client's
 * (`findOrgClient`), so whoever may open the client may open its plans. `lock` takes the plan
 * row `for update`, which serialises every change to one plan.
 */
export async function findOrgPlan(db: Db, actor: Actor, planId: string, lock = false, opts: { allowSelf?: boolean | 'self_managed' } = {}): Promise<{ plan: Plan; client: Client }> {
  if (!isUuid(planId)) throw notFound('Plan');
  const query = db.select().from(plans).where(eq(plans.id, planId));
  const [plan] = lock ? await query.for('update') : await query;
  if (!plan) throw notFound('Plan');
  const client = await findOrgClient(db, actor, plan.clientId, false, opts).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') throw notFound('Plan');
    throw error;
  });
  return { plan, client };
}

/** The plan holding a step, locked, and the step read after the lock (so it cannot change under us). */
async function findOrgStep(db: Db, actor: Actor, stepId: string, planId?: string, opts: { allowSelf?: boolean } = {}): Promise<{ plan: Plan; client: Client; step: PlanStep }> {
  if (!isUuid(stepId) || (planId !== undefined && !isUuid(planId))) throw notFound('Plan step');
  const [owner] = await db.select({ planId: planSteps.planId }).from(planSteps).where(eq(planSteps.id, stepId));
  if (!owner || (planId !== undefined && owner.planId !== planId)) throw notFound('Plan step');
  const { plan, client } = await findOrgPlan(db, actor, owner.planId, true, opts).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') throw notFound('Plan step');
    throw error;
  });
  const [step] = await db.select().from(planSteps).where(and(eq(planSteps.id, stepId), eq(planSteps.planId, plan.id)));
  if (!step) throw notFound('Plan step');
  return { plan, client, step };
}

function staleVersion(plan: Plan, expectedVersion: number): AppError {
  return new AppError(
    'conflict',
    `This plan changed since you opened it (you had version ${expectedVersion}, it is now at version ${plan.version}). Reload to see the latest version; your change was not saved.`,
    { details: { currentVersion: plan.version } },
  );
}

/** Optimistic concurrency: the caller must have seen the plan's current version. */
function assertVersion(plan: Plan, expectedVersion: number): void {
  if (plan.version !== expectedVersion) throw staleVersion(plan, expectedVersion);
}

function assertActive(plan: Plan): void {
  if (plan.status === 'archived') throw new AppError('conflict', 'This plan is archived: restore it before changing its steps.', { details: { currentVersion: plan.version } });
}

async function bumpVersion(db: Db, plan: Plan): Promise<Plan> {
  const [row] = await db.update(plans).set({ version: sql`${plans.version} + 1`, updatedAt: new Date() }).where(eq(plans.id, plan.id)).returning();
  return row!;
}

/** Programs that can go into a plan: published ones; others get a field error naming why not. */
async function publishedPrograms(db: Db, programIds: string[], fieldOf: (index: number) => string): Promise<Program[]> {
  if (programIds.length === 0) return [];
  const rows = await db.select().from(programs).where(sql`${programs.id} = any(${uuidArray(programIds)})`);
  const byId = new Map(rows.map((p) => [p.id, p]));
  const errors: FieldErrors = {};
  programIds.forEach((id, index) => {
    const program = byId.get(id);
    if (!program) errors[fieldOf(index)] = ['No program has this id: it may have been deleted.'];
    else if (program.status === 'draft') errors[fieldOf(index)] = [`“${program.title}” is a draft: only published programs can go into a plan.`];
    else if (program.status === 'archived') errors[fieldOf(index)] = [`“${program.title}” is archived: only published programs can go into a plan.`];
    else if (programIds.indexOf(id) !== index) errors[fieldOf(index)] = [`“${program.title}” is already in the plan.`];
  });
  if (Object.keys(errors).length) throw validationError(errors);
  return programIds.map((id) => byId.get(id)!);
}

/** The goal's required skills each program teaches: what a step was chosen for when the caller does not say. */
async function goalSkillsTaught(db: Db, goalId: string | null, programIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!goalId || programIds.length === 0) return map;
  const rows = await db
    .select({ programId: programSkills.programId, skillId: programSkills.skillId })
    .from(programSkills)
    .innerJoin(clientGoalSkills, and(eq(clientGoalSkills.skillId, programSkills.skillId), eq(clientGoalSkills.goalId, goalId)))
    .where(and(sql`${programSkills.programId} = any(${uuidArray(programIds)})`, eq(programSkills.status, 'accepted')));
  for (const row of rows) map.set(row.programId, [...(map.get(row.programId) ?? []), row.skillId]);
  return map;
}

/** The step columns copied from the program, so the plan still shows what was planned if it changes or goes. */
const programSnapshot = (p: Program) => ({
  programId: p.id,
  programTitle: p.title,
  providerName: p.providerName,
  cost: p.cost,
  currency: p.currency,
  hours: p.hours,
  weeks: p.weeks,
});

/**
 * Creates a plan for a client, optionally towards one of their goals, with published programs
 * as steps in the order given (empty to build it by hand). Accepting a recommendation calls this.
 */
export async function createPlan(actor: Actor, clientId: string, raw: unknown): Promise<Plan> {
  const input = parseInput(planCreateSchema, raw);
  return getDb().transaction(async (tx) => {
    const client = await findOrgClient(tx, actor, clientId, true);
    let goalTitle: string | null = null;
    if (input.goalId) {
      const [goal] = await tx.select().from(clientGoals).where(and(eq(clientGoals.id, input.goalId), eq(clientGoals.clientId, client.id)));
      if (!goal) throw validationError({ goalId: ['Choose one of this client’s goals.'] });
      goalTitle = goal.title;
    }
    const chosen = await publishedPrograms(tx, input.steps.map((s) => s.programId), (i) => `steps.${i}.programId`);
    const taught = await goalSkillsTaught(tx, input.goalId ?? null, chosen.map((p) => p.id));
    const title = input.title ?? (goalTitle ? `Towards ${goalTitle}` : `Plan for ${client.fullName}`);
    const [plan] = await tx.insert(plans).values({ clientId: client.id, goalId: input.goalId ?? null, title, createdBy: actor.userId }).returning();
    if (chosen.length) {
      await tx.insert(planSteps).values(
        chosen.map((program, position) => ({ planId: plan!.id, position, ...programSnapshot(program), gapSkillIds: input.steps[position]!.gapSkillIds ?? taught.get(program.id) ?? [] })),
      );
    }
    await advanceClientStage(tx, client.id, 'plan_active');
    await recordClientEvent(tx, client.id, actor, 'plan', `Plan created: ${title} (${chosen.length} ${chosen.length === 1 ? 'program' : 'programs'}).`);
    return plan!;
  });
}

export type PlanListItem = Plan & { goalTitle: string | null; steps: number; completedSteps: number };

export async function listClientPlans(actor: Actor, clientId: string): Promise<PlanListItem[]> {
  const db = getDb();
  const client = await findOrgClient(db, actor, clientId, false, { allowSelf: true });
  const rows = await db
    .select({
      plan: plans,
      goalTitle: clientGoals.title,
      steps: sql<number>`count(${planSteps.id}) filter (where ${planSteps.status} <> 'dropped')`.mapWith(Number),
      completedSteps: sql<number>`count(${planSteps.id}) filter (where ${planSteps.status} = 'completed')`.mapWith(Number),
    })
    .from(plans)
    .leftJoin(clientGoals, eq(clientGoals.id, plans.goalId))
    .leftJoin(planSteps, eq(planSteps.planId, plans.id))
    .where(eq(plans.clientId, client.id))
    .groupBy(plans.id, clientGoals.id)
    .orderBy(asc(plans.status), desc(plans.updatedAt));
  return rows.map((r) => ({ ...r.plan, goalTitle: r.goalTitle, steps: r.steps, completedSteps: r.completedSteps }));
}

/** Renames, archives or restores a plan. */
export async function updatePlan(actor: Actor, planId: string, raw: unknown): Promise<Plan> {
  const input = parseInput(planUpdateSchema, raw);
  return getDb().transaction(async (tx) => {
    const { plan, client } = await findOrgPlan(tx, actor, planId, true);
    assertVersion(plan, input.expectedVersion);
    const [row] = await tx
      .update(plans)
      .set({ title: input.title ?? plan.title, status: input.status ?? plan.status, version: sql`${plans.version} + 1`, updatedAt: new Date() })
      .where(eq(plans.id, plan.id))
      .returning();
    if (input.title && input.title !== plan.title) await recordClientEvent(tx, client.id, actor, 'plan', `Plan renamed: ${plan.title} → ${input.title}.`);
    if (input.status && input.status !== plan.status) await recordClientEvent(tx, client.id, actor, 'plan', `Plan ${input.status === 'archived' ? 'archived' : 'restored'}: ${row!.title}.`);
    return row!;
  });
}

export async function deletePlan(actor: Actor, planId: string, raw: unknown): Promise<void> {
  const input = parseInput(planVersionSchema, raw);
  await getDb().transaction(async (tx) => {
    const { plan, client } = await findOrgPlan(tx, actor, planId, true);
    assertVersion(plan, input.expectedVersion);
    await tx.delete(plans).where(eq(plans.id, plan.id));
    await recordClientEvent(tx, client.id, actor, 'plan', `Plan deleted: ${plan.title}.`);
  });
}

/** Appends a published program to the plan. */
export async function addPlanStep(actor: Actor, planId: string, raw: unknown): Promise<Plan> {
  const input = parseInput(planStepAddSchema, raw);
  return getDb().transaction(async (tx) => {
    const { plan, client } = await findOrgPlan(tx, actor, planId, true);
    assertVersion(plan, input.expectedVersion);
    assertActive(plan);
    const [program] = await publishedPrograms(tx, [input.programId], () => 'programId');
    const [existing] = await tx
      .select({ last: max(planSteps.position), isPresent: sql<boolean>`bool_or(${planSteps.programId} = ${program!.id})` })
      .from(planSteps)
      .where(eq(planSteps.planId, plan.id));
    if (existing?.isPresent) throw validationError({ programId: [`“${program!.title}” is already in this plan.`] });
    const taught = await goalSkillsTaught(tx, plan.goalId, [program!.id]);
    await tx.insert(planSteps).values({ planId: plan.id, position: (existing?.last ?? -1) + 1, ...programSnapshot(program!), gapSkillIds: input.gapSkillIds ?? taught.get(program!.id) ?? [] });
    await recordClientEvent(tx, client.id, actor, 'plan', `“${program!.title}” added to the plan ${plan.title}.`);
    return bumpVersion(tx, plan);
  });
}

/** Removes a step; the others close up. `planId`, when given (the API path), must be the step's plan. */
export async function removePlanStep(actor: Actor, stepId: string, raw: unknown, scope: { planId?: string } = {}): Promise<Plan> {
  const input = parseInput(planVersionSchema, raw);
  return getDb().transaction(async (tx) => {
    const { plan, client, step } = await findOrgStep(tx, actor, stepId, scope.planId);
    assertVersion(plan, input.expectedVersion);
    assertActive(plan);
    await tx.delete(planSteps).where(eq(planSteps.id, step.id));
    await tx.execute(sql`
      update plan_steps s set position = r.position - 1
      from (select id, row_number() over (order by position, created_at) as position from plan_steps where plan_id = ${plan.id}) r
      where s.id = r.id`);
    await recordClientEvent(tx, client.id, actor, 'plan', `“${step.programTitle}” removed from the plan ${plan.title}.`);
    return bumpVersion(tx, plan);
  });
}

/** Puts the steps in a new order; the list must name exactly the plan's current steps. */
export async function reorderPlanSteps(actor: Actor, planId: string, raw: unknown): Promise<Plan> {
  const input = parseInput(planStepReorderSchema, raw);
  return getDb().transaction(async (tx) => {
    const { plan } = await findOrgPlan(tx, actor, planId, true);
    assertVersion(plan, input.expectedVersion);
    assertActive(plan);
    const current = await tx.select({ id: planSteps.id }).from(planSteps).where(eq(planSteps.planId, plan.id));
    const currentIds = new Set(current.map((s) => s.id));
    const given = new Set(input.stepIds);
    if (given.size !== input.stepIds.length || given.size !== currentIds.size || input.stepIds.some((id) => !currentIds.has(id))) {
      throw new AppError('conflict', 'The new order must list each of the plan’s current steps exactly once. Reload to see the latest version; your change was not saved.', {
        details: { currentVersion: plan.version },
      });
    }
    if (input.stepIds.length) {
      const positions = input.stepIds.map((_, i) => i);
      await tx.execute(sql`
        update plan_steps s set position = o.position, updated_at = now()
        from unnest(${uuidArray(input.stepIds)}, ${sql`${`{${positions.join(',')}}`}::int[]`}) as o(id, position)
        where s.id = o.id and s.plan_id = ${plan.id}`);
    }
    return bumpVersion(tx, plan);
  });
}

/**
 * Changes a step's status, dates or notes. Completing it adds the program's accepted skills to
 * the client's profile as `completed_program` evidence (a verified badge or an assessment is
 * stronger evidence and stays; a self-report is upgraded); enrolling or starting moves the
 * client on to `in_training`.
 */
export async function updatePlanStep(actor: Actor, stepId: string, raw: unknown, scope: { planId?: string } = {}): Promise<Plan> {
  const input = parseInput(planStepUpdateSchema, raw);
  return getDb().transaction(async (tx) => {
    // The client (signed in as a seeker) marks their progress; dates and notes stay with the adviser.
    const { plan, client, step } = await findOrgStep(tx, actor, stepId, scope.planId, { allowSelf: true });
    if (actor.role === 'seeker' && client.orgId && (input.startDate !== undefined || input.endDate !== undefined || input.notes !== undefined)) {
      throw new AppError('forbidden', 'Your adviser sets dates and notes: mark your progress, or leave a comment for them.');
    }
    assertVersion(plan, input.expectedVersion);
    assertActive(plan);
    const startDate = input.startDate === undefined ? step.startDate : input.startDate;
    const endDate = input.endDate === undefined ? step.endDate : input.endDate;
    if (startDate && endDate && endDate < startDate) throw validationError({ endDate: [`The end date is before the start date (${startDate}).`] });
    const status = input.status ?? step.status;
    const isCompleting = status === 'completed' && step.status !== 'completed';
    await tx
      .update(planSteps)
      .set({
        status,
        startDate,
        endDate,
        notes: input.notes === undefined ? step.notes : input.notes,
        completedAt: status !== 'completed' ? null : isCompleting ? new Date() : step.completedAt,
        updatedAt: new Date(),
      })
      .where(eq(planSteps.id, step.id));
    if (status !== step.status) {
      await recordClientEvent(tx, client.id, actor, 'plan', `“${step.programTitle}”: ${planStepStatusLabels[step.status].toLowerCase()} → ${planStepStatusLabels[status].toLowerCase()}.`);
    }
    if (isCompleting) {
      const gained = await addCompletedProgramSkills(tx, client.id, step);
      if (gained) await recordClientEvent(tx, client.id, actor, 'skill', `${gained} ${gained === 1 ? 'skill' : 'skills'} recorded from the completed program “${step.programTitle}”.`);
    }
    if (status === 'enrolled' || status === 'in_progress' || isCompleting) await advanceClientStage(tx, client.id, 'in_training');
    return bumpVersion(tx, plan);
  });
}

/** Adds (or upgrades the evidence of) the skills a completed step taught; returns how many changed. */
async function addCompletedProgramSkills(db: Db, clientId: string, step: PlanStep): Promise<number> {
  const taught = step.programId
    ? (await db.select({ skillId: programSkills.skillId }).from(programSkills).where(and(eq(programSkills.programId, step.programId), eq(programSkills.status, 'accepted')))).map((r) => r.skillId)
    : // The program is gone: what it was chosen for is all we know it taught.
      step.gapSkillIds;
  if (taught.length === 0) return 0;
  const changed = await db
    .insert(clientSkills)
    .values(taught.map((skillId) => ({ clientId, skillId, evidence: 'completed_program' as const, note: `Completed “${step.programTitle}”.` })))
    .onConflictDoUpdate({
      target: [clientSkills.clientId, clientSkills.skillId],
      set: { evidence: 'completed_program', note: sql`excluded.note` },
      setWhere: eq(clientSkills.evidence, 'self_reported'),
    })
    .returning({ skillId: clientSkills.skillId });
  return changed.length;
}
