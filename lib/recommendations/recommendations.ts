import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { goalExcludedPrograms, programs, type Client, type ClientGoal } from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { toEur } from '@/lib/catalog/currency';
import { findOrgGoal, goalGaps, type GoalGap, type GoalSkill } from '@/lib/clients/goals';
import { recordClientEvent } from '@/lib/clients/clients';
import { parseInput, validationError } from '@/lib/errors';
import { currentCandidateIndex } from './candidate-index';
import { alternativesForSteps, buildCandidatePool, loadProgramCards, type ProgramCard } from './candidates';
import { exclusionInputSchema } from './exclusion-schema';
import { type ClientConstraints, exclusionReasons, type ExclusionReason, weeksBetween } from './constraints';
import { recommendPrograms, type UncoveredReason } from './recommender';

export type RecommendedProgramStep = {
  program: ProgramCard;
  /** Gap skills this step closes (most weight first). */
  covers: GoalSkill[];
  isPrerequisite: boolean;
  alternatives: Array<{ program: ProgramCard; covers: GoalSkill[] }>;
};

export type GoalRecommendation = {
  client: { id: string; fullName: string };
  gap: GoalGap;
  constraints: ClientConstraints & { weeksAvailable: number | null };
  steps: RecommendedProgramStep[];
  uncovered: Array<{ skill: GoalSkill; reason: UncoveredReason | ExclusionReason; explanation: string }>;
  totals: { costEur: number; hours: number; weeks: number; finishBy: string | null; gapCoverage: number; goalCoverageAfter: number; inDemandGained: number };
  fullCover: { costEur: number; weeks: number; gapCoverage: number } | null;
  /** Plain-language notes: budget or time too short, target date passed, nothing to cover. */
  messages: string[];
  excluded: Array<{ id: string; slug: string; title: string }>;
  considered: { teaching: number; ruledOut: Array<{ reason: ExclusionReason; label: string; count: number }> };
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addWeeks = (iso: string, weeks: number) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + Math.ceil(weeks * 7) * 86_400_000));
const eur = (n: number) => `€${Math.round(n).toLocaleString('en')}`;

export function constraintsOf(client: Client, goal: ClientGoal, today: Date): ClientConstraints & { weeksAvailable: number | null } {
  const todayIso = isoDay(today);
  const startFrom = client.earliestStart && client.earliestStart > todayIso ? client.earliestStart : todayIso;
  return {
    country: client.country,
    region: client.region,
    travelRadiusKm: client.travelRadiusKm,
    deliveryModes: client.deliveryModes,
    languages: client.languages,
    maxBudgetEur: client.maxBudget === null ? null : toEur(client.maxBudget, client.budgetCurrency),
    hoursPerWeek: client.hoursPerWeek,
    startFrom,
    targetDate: goal.targetDate,
    weeksAvailable: goal.targetDate ? Math.max(0, weeksBetween(startFrom, goal.targetDate)) : null,
  };
}

const uncoveredText: Record<UncoveredReason, string> = {
  no_program: 'No program the client can take teaches it.',
  over_budget: 'Programs teach it, but not within the budget.',
  over_time: 'Programs teach it, but not before the target date.',
};

/**
 * The recommended programs for a goal: an ordered set covering the client's missing skills
 * under their constraints (see `recommender.ts` for the algorithm), each with why, its
 * alternatives, and what could not be covered and why. Same inputs, same answer.
 */
export async function recommendProgramsForGoal(actor: Actor, goalId: string, opts: { today?: Date } = {}): Promise<GoalRecommendation> {
  const db = getDb();
  const { goal, client } = await findOrgGoal(db, actor, goalId, { allowSelf: true });
  // Independent reads at once: the index's version check (a count over the catalogue) costs as much as the other two.
  const [[gap], excluded, index] = await Promise.all([
    goalGaps(db, client, [goal]),
    db
      .select({ id: programs.id, slug: programs.slug, title: programs.title })
      .from(goalExcludedPrograms)
      .innerJoin(programs, eq(programs.id, goalExcludedPrograms.programId))
      .where(eq(goalExcludedPrograms.goalId, goal.id))
      .orderBy(asc(programs.title)),
    currentCandidateIndex(),
  ]);
  const constraints = constraintsOf(client, goal, opts.today ?? new Date());
  const missing = gap!.missing;
  const gapWeights = missing.map((s) => ({ skillId: s.skillId, importance: s.importance, isInDemand: s.isInDemand }));
  const pool = buildCandidatePool(index, gapWeights, constraints, excluded.map((e) => e.id));
  const result = recommendPrograms(gapWeights, pool.candidates, { budgetEur: constraints.maxBudgetEur, weeksAvailable: constraints.weeksAvailable });

  const skillById = new Map(gap!.skills.map((s) => [s.skillId, s]));
  const alternatives = alternativesForSteps(index, pool, result.steps);
  const cards = await loadProgramCards(db, index, pool, [...result.steps.map((s) => s.programId), ...alternatives.flat().map((a) => a.programId)]);
  const steps = result.steps.map((step, i) => ({
    program: cards.get(step.programId)!,
    covers: step.coveredSkillIds.map((id) => skillById.get(id)!),
    isPrerequisite: step.isPrerequisite,
    alternatives: alternatives[i]!.map((a) => ({ program: cards.get(a.programId)!, covers: a.sharedSkillIds.map((id) => skillById.get(id)!) })),
  }));
  const uncovered = result.uncovered.map(({ skillId, reason }) => {
    const ruledOut = reason === 'no_program' ? pool.ruledOutSkills.get(skillId) : undefined;
    return {
      skill: skillById.get(skillId)!,
      reason: ruledOut ?? reason,
      explanation: ruledOut ? `Programs teach it, but each is ${exclusionReasons[ruledOut]}.` : uncoveredText[reason],
    };
  });

  const totalImportance = gap!.skills.reduce((sum, s) => sum + s.importance, 0);
  const coveredImportance = gap!.skills.filter((s) => s.isHeld || result.coveredSkillIds.includes(s.skillId)).reduce((sum, s) => sum + s.importance, 0);
  const finishBy = result.steps.length ? addWeeks(constraints.startFrom, result.weeks) : null;
  const messages: string[] = [];
  if (missing.length === 0) messages.push('The client already has every skill this goal requires.');
  if (goal.targetDate && goal.targetDate < constraints.startFrom) messages.push(`The goal’s target date (${goal.targetDate}) has passed: move it to plan the time.`);
  if (result.fullCover && constraints.maxBudgetEur !== null && result.fullCover.costEur > constraints.maxBudgetEur) {
    messages.push(`The budget (${eur(constraints.maxBudgetEur)}) covers ${Math.round(result.coverage * 100)}% of the gap; covering all that programs here teach costs about ${eur(result.fullCover.costEur)}.`);
  }
  if (result.fullCover && constraints.weeksAvailable !== null && result.fullCover.weeks > constraints.weeksAvailable) {
    messages.push(`There are ${Math.floor(constraints.weeksAvailable)} weeks until the target date; covering everything takes about ${Math.ceil(result.fullCover.weeks)}.`);
  }
  if (missing.length > 0 && result.steps.length === 0 && !messages.length) messages.push('No program the client can take teaches any of the missing skills. Widen the constraints (delivery, travel radius, budget) or the goal.');

  return {
    client: { id: client.id, fullName: client.fullName },
    gap: gap!,
    constraints,
    steps,
    uncovered,
    totals: {
      costEur: result.costEur,
      hours: result.hours,
      weeks: result.weeks,
      finishBy,
      gapCoverage: result.coverage,
      goalCoverageAfter: totalImportance ? coveredImportance / totalImportance : 0,
      inDemandGained: steps.flatMap((s) => s.covers).filter((s) => s.isInDemand).length,
    },
    fullCover: result.fullCover ? { costEur: result.fullCover.costEur, weeks: result.fullCover.weeks, gapCoverage: result.fullCover.coverage } : null,
    messages,
    excluded,
    considered: {
      teaching: pool.teachingCount,
      ruledOut: (Object.entries(pool.ruledOut) as Array<[ExclusionReason, number]>).map(([reason, count]) => ({ reason, label: exclusionReasons[reason], count })).sort((a, b) => b.count - a.count),
    },
  };
}

/** Leaves a program out of a goal's recommendations (or lets it back in). */
export async function setProgramExcluded(actor: Actor, goalId: string, raw: unknown): Promise<void> {
  const { programId, isExcluded } = parseInput(exclusionInputSchema, raw);
  await getDb().transaction(async (tx) => {
    const { goal, client } = await findOrgGoal(tx, actor, goalId, { allowSelf: 'self_managed' });
    const [program] = await tx.select({ id: programs.id, title: programs.title }).from(programs).where(eq(programs.id, programId));
    if (!program) throw validationError({ programId: ['That program does not exist.'] });
    if (isExcluded) {
      const inserted = await tx.insert(goalExcludedPrograms).values({ goalId: goal.id, programId, createdBy: actor.userId }).onConflictDoNothing().returning();
      if (inserted.length) await recordClientEvent(tx, client.id, actor, 'recommendation', `Excluded “${program.title}” from the recommendations for ${goal.title}.`);
    } else {
      const removed = await tx.delete(goalExcludedPrograms).where(and(eq(goalExcludedPrograms.goalId, goal.id), eq(goalExcludedPrograms.programId, programId))).returning();
      if (removed.length) await recordClientEvent(tx, client.id, actor, 'recommendation', `Allowed “${program.title}” back into the recommendations for ${goal.title}.`);
    }
  });
}
