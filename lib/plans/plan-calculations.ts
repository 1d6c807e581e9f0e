import type { PlanStepStatus } from '@/db/schema';
import { toEur } from '@/lib/catalog/currency';

/* Pure calculations behind a plan's totals, timeline and stackability paths (no database). */

export type PlanCost = {
  /** Sum of the steps priced in a currency with a known EUR rate, converted to EUR. */
  eur: number;
  /** Sums in each currency as the providers state them. */
  byCurrency: Array<{ currency: string; amount: number }>;
  isMixedCurrency: boolean;
  /** Steps without a price (or in a currency without a rate): the EUR sum leaves them out. */
  unpricedSteps: number;
};

type CostedStep = { cost: number | null; currency: string | null };

const round2 = (n: number) => Math.round(n * 100) / 100;

export function planCost(steps: CostedStep[]): PlanCost {
  const byCurrency = new Map<string, number>();
  let eur = 0;
  let unpricedSteps = 0;
  for (const step of steps) {
    const inEur = toEur(step.cost, step.currency);
    if (inEur === null) unpricedSteps++;
    else eur += inEur;
    if (step.cost !== null && step.currency) byCurrency.set(step.currency, (byCurrency.get(step.currency) ?? 0) + step.cost);
  }
  const currencies = [...byCurrency].map(([currency, amount]) => ({ currency, amount: round2(amount) })).sort((a, b) => a.currency.localeCompare(b.currency));
  return { eur: round2(eur), byCurrency: currencies, isMixedCurrency: currencies.length > 1, unpricedSteps };
}

export const sumOf = (values: Array<number | null>) => round2(values.reduce<number>((sum, v) => sum + (v ?? 0), 0));

export type GoalSkillState = { skillId: string; importance: number; isHeld: boolean };
export type PlanCoverage = {
  /** Share of the goal (by importance, 0–1) the client holds today. */
  before: number;
  /** Share held once every non-dropped step is completed. */
  after: number;
  requiredSkills: number;
  /** Required skills held or taught by the plan. */
  coveredSkills: number;
  /** Gap skills (required, not held) the plan teaches. */
  gapSkillsClosed: number;
  gapSkills: number;
};

/** Coverage of a goal by what the client holds plus what the plan's programs teach, weighted by importance like the goal's gap. */
export function planCoverage(required: GoalSkillState[], taughtSkillIds: Set<string>): PlanCoverage {
  const total = required.reduce((sum, s) => sum + s.importance, 0);
  const weight = (skills: GoalSkillState[]) => skills.reduce((sum, s) => sum + s.importance, 0);
  const held = required.filter((s) => s.isHeld);
  const covered = required.filter((s) => s.isHeld || taughtSkillIds.has(s.skillId));
  return {
    before: total ? weight(held) / total : 0,
    after: total ? weight(covered) / total : 0,
    requiredSkills: required.length,
    coveredSkills: covered.length,
    gapSkillsClosed: covered.length - held.length,
    gapSkills: required.length - held.length,
  };
}

export type TimelineStep = { id: string; status: PlanStepStatus; startDate: string | null; endDate: string | null; weeks: number | null };
export type TimelineEntry = { stepId: string; start: string; end: string | null; isStartEstimated: boolean; isEndEstimated: boolean };
export type PlanTimeline = { entries: TimelineEntry[]; start: string | null; end: string | null };

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Lays the non-dropped steps out in plan order: given dates win; a step without a start
 * begins when the previous one ends (the first at `anchor`), and one without an end lasts
 * the program's weeks.
 */
export function layOutTimeline(steps: TimelineStep[], anchor: string): PlanTimeline {
  const entries: TimelineEntry[] = [];
  let cursor = anchor;
  for (const step of steps) {
    if (step.status === 'dropped') continue;
    const days = step.weeks === null ? null : Math.round(step.weeks * 7);
    let start = step.startDate ?? (step.endDate && days !== null ? addDays(step.endDate, -days) : cursor);
    const end = step.endDate ?? (days === null ? null : addDays(start, days));
    if (end && start > end) start = end;
    entries.push({ stepId: step.id, start, end, isStartEstimated: !step.startDate, isEndEstimated: !step.endDate });
    cursor = end ?? start;
  }
  const ends = entries.map((e) => e.end ?? e.start);
  return { entries, start: entries[0]?.start ?? null, end: ends.length ? ends.reduce((a, b) => (a > b ? a : b)) : null };
}

export type StackNode = { programId: string; title: string; slug: string; credentialType: string };
export type StackLinkRow = StackNode & { rootProgramId: string; externalId: string | null; path: string[] };

const maxPathsPerProgram = 5;

/**
 * Turns the `stacks_into` links found from each root program (each row carries its path of
 * program ids from the root) into chains root → … → furthest target, one per leaf.
 */
export function stackPaths(rows: StackLinkRow[]): Map<string, StackNode[][]> {
  const byRoot = new Map<string, StackLinkRow[]>();
  for (const row of rows) byRoot.set(row.rootProgramId, [...(byRoot.get(row.rootProgramId) ?? []), row]);
  const out = new Map<string, StackNode[][]>();
  for (const [root, linked] of byRoot) {
    const nodes = new Map(linked.map((r) => [r.programId, { programId: r.programId, title: r.title, slug: r.slug, credentialType: r.credentialType }]));
    const key = (path: string[]) => path.join('>');
    const leaves = linked.filter((r) => !linked.some((other) => other.path.length > r.path.length && key(other.path.slice(0, r.path.length)) === key(r.path)));
    leaves.sort((a, b) => b.path.length - a.path.length || a.title.localeCompare(b.title));
    out.set(root, leaves.slice(0, maxPathsPerProgram).map((leaf) => leaf.path.slice(1).map((id) => nodes.get(id)!)));
  }
  return out;
}
