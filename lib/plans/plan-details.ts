import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { clientGoals, clientSkills, organisations, planComments, planSteps, programs, type Client, type Plan, type PlanStep } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { unresolvedRefs } from '@/lib/catalog/programs';
import { goalGaps, type GoalGap } from '@/lib/clients/goals';
import { inDemandAmong } from '@/lib/demand/demand-scores';
import { acceptedSkillsByProgram } from '@/lib/skills/program-skills';
import { layOutTimeline, planCost, planCoverage, stackPaths, sumOf, type PlanCost, type PlanCoverage, type PlanTimeline, type StackLinkRow, type StackNode } from './plan-calculations';
import { findOrgPlan } from './plans';
import { uuidArray } from '@/lib/ids';

/** What became of a step's program since it was planned: only a published one can be opened. */
export type StepProgramState = 'published' | 'archived' | 'unavailable';
export type SkillRef = { skillId: string; label: string };

export type PlanStepDetails = PlanStep & {
  programState: StepProgramState;
  programSlug: string | null;
  credentialType: string | null;
  /** The goal's required skills this step teaches. */
  goalSkills: Array<SkillRef & { isHeld: boolean }>;
  /** Chains of programs this one stacks into (up to 3 levels), one per furthest target. */
  stackPaths: StackNode[][];
  /** Stackability the provider named that no program in the catalogue answers. */
  unresolvedStacksInto: string[];
};

export type PlanDetails = {
  plan: Plan;
  client: { id: string; fullName: string; region: string | null; country: string | null; stage: string };
  goal: GoalGap | null;
  steps: PlanStepDetails[];
  totals: {
    /** Non-dropped steps; the totals below count only them. */
    steps: number;
    completedSteps: number;
    cost: PlanCost;
    hours: number;
    weeks: number;
    coverage: PlanCoverage | null;
    inDemandSkillsGained: SkillRef[];
  };
  timeline: PlanTimeline;
  /** The career service that made the plan (printed on the PDF), if any. */
  orgName: string | null;
  comments: PlanComment[];
};

export type PlanComment = { id: string; stepId: string | null; authorName: string; isByClient: boolean; body: string; createdAt: Date };

const stackDepth = 3;

/** `stacks_into` links from these programs to published programs, up to three levels, in one query. */
async function stackLinks(db: Db, programIds: string[]): Promise<StackLinkRow[]> {
  if (programIds.length === 0) return [];
  const rows = await db.execute<Omit<StackLinkRow, 'path'> & { path: string }>(sql`
    with recursive chain(root_id, program_id, depth, path) as (
      select l.program_id, l.target_program_id, 1, array[l.program_id, l.target_program_id]
      from program_links l join programs t on t.id = l.target_program_id and t.status = 'published'
      where l.kind = 'stacks_into' and l.program_id = any(${uuidArray(programIds)})
      union all
      select c.root_id, l.target_program_id, c.depth + 1, c.path || l.target_program_id
      from chain c
      join program_links l on l.program_id = c.program_id and l.kind = 'stacks_into'
      join programs t on t.id = l.target_program_id and t.status = 'published'
      where c.depth < ${stackDepth} and not (l.target_program_id = any(c.path))
    )
    select c.root_id as "rootProgramId", array_to_string(c.path, ',') as path, p.id as "programId", p.title, p.slug,
           p.credential_type as "credentialType", p.external_id as "externalId"
    from chain c join programs p on p.id = c.program_id`);
  return rows.map((r) => ({ ...r, path: r.path.split(',') }));
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A plan with its steps (and what became of their programs), the goal's gap, totals, a
 * timeline and stackability paths, for whoever may open the plan (its client's career
 * service, or the seeker linked to the client).
 */
export async function getPlan(actor: Actor, planId: string): Promise<PlanDetails> {
  const db = getDb();
  const { plan, client } = await findOrgPlan(db, actor, planId, false, { allowSelf: true });
  return loadPlanDetails(db, plan, client);
}

/**
 * The details of a plan already found, without any access check: callers establish access
 * first (`getPlan` through `findOrgPlan`, a shared plan through its link). A fixed number of
 * queries whatever the number of steps.
 */
export async function loadPlanDetails(db: Db, plan: Plan, client: Client): Promise<PlanDetails> {
  const [stepRows, goals, held, org, comments] = await Promise.all([
    db
      .select({ step: planSteps, status: programs.status, slug: programs.slug, credentialType: programs.credentialType, stacksInto: programs.stacksInto })
      .from(planSteps)
      .leftJoin(programs, eq(programs.id, planSteps.programId))
      .where(eq(planSteps.planId, plan.id))
      .orderBy(asc(planSteps.position), asc(planSteps.createdAt)),
    plan.goalId ? db.select().from(clientGoals).where(eq(clientGoals.id, plan.goalId)) : Promise.resolve([]),
    db.select({ skillId: clientSkills.skillId }).from(clientSkills).where(eq(clientSkills.clientId, client.id)),
    client.orgId ? db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, client.orgId)) : Promise.resolve([]),
    db
      .select({ id: planComments.id, stepId: planComments.stepId, authorName: planComments.authorName, authorUserId: planComments.authorUserId, body: planComments.body, createdAt: planComments.createdAt })
      .from(planComments)
      .where(eq(planComments.planId, plan.id))
      .orderBy(asc(planComments.createdAt), asc(planComments.id)),
  ]);
  const programIds = stepRows.flatMap((r) => (r.step.programId ? [r.step.programId] : []));
  const [[goal], skillsByProgram, links] = await Promise.all([goalGaps(db, client, goals), acceptedSkillsByProgram(db, programIds), stackLinks(db, programIds)]);

  const heldIds = new Set(held.map((h) => h.skillId));
  const goalSkillById = new Map((goal?.skills ?? []).map((s) => [s.skillId, s]));
  // A deleted program's skills are gone: what the step was chosen for stands in for them.
  const taughtBy = (step: PlanStep): SkillRef[] =>
    step.programId
      ? (skillsByProgram.get(step.programId) ?? []).map((s) => ({ skillId: s.id, label: s.label }))
      : step.gapSkillIds.flatMap((id) => (goalSkillById.has(id) ? [{ skillId: id, label: goalSkillById.get(id)!.label }] : []));
  const pathsByProgram = stackPaths(links);

  const steps: PlanStepDetails[] = stepRows.map(({ step, status, slug, credentialType, stacksInto }) => {
    const firstTargets = links.filter((l) => l.rootProgramId === step.programId && l.path.length === 2);
    return {
      ...step,
      programState: status === 'published' ? 'published' : status === 'archived' ? 'archived' : 'unavailable',
      programSlug: status === 'published' ? slug : null,
      credentialType,
      goalSkills: taughtBy(step).flatMap((s) => (goalSkillById.has(s.skillId) ? [{ ...s, isHeld: goalSkillById.get(s.skillId)!.isHeld }] : [])),
      stackPaths: step.programId ? (pathsByProgram.get(step.programId) ?? []) : [],
      unresolvedStacksInto: unresolvedRefs(stacksInto ?? [], firstTargets),
    };
  });

  const counted = steps.filter((s) => s.status !== 'dropped');
  const taught = new Map(counted.flatMap((s) => taughtBy(s)).map((s) => [s.skillId, s]));
  const newSkills = [...taught.values()].filter((s) => !heldIds.has(s.skillId));
  const inDemand = await inDemandAmong(client.region ?? client.country, newSkills.map((s) => s.skillId));
  const earliest = client.earliestStart && client.earliestStart > today() ? client.earliestStart : today();

  return {
    plan,
    client: { id: client.id, fullName: client.fullName, region: client.region, country: client.country, stage: client.stage },
    goal: goal ?? null,
    steps,
    totals: {
      steps: counted.length,
      completedSteps: counted.filter((s) => s.status === 'completed').length,
      cost: planCost(counted),
      hours: sumOf(counted.map((s) => s.hours)),
      weeks: sumOf(counted.map((s) => s.weeks)),
      coverage: goal ? planCoverage(goal.skills, new Set(taught.keys())) : null,
      inDemandSkillsGained: newSkills.filter((s) => inDemand.has(s.skillId)).sort((a, b) => a.label.localeCompare(b.label)),
    },
    timeline: layOutTimeline(steps, earliest),
    orgName: org[0]?.name ?? null,
    comments: comments.map(({ authorUserId, ...c }) => ({ ...c, isByClient: !!authorUserId && authorUserId === client.seekerUserId })),
  };
}
