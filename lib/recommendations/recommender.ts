/*
 * The recommender: which programs, in which order, close a client's skill gap under their
 * constraints. Pure (no database): `recommendations.ts` gathers the inputs.
 *
 * It is weighted set cover with budgets. Each missing skill weighs its importance (1–5),
 * ×1.5 when in demand in the client's region. A program "costs" its price in euros plus
 * `hourValueEur` per hour of study plus `stepOverheadEur` (so fewer, shorter programs win
 * ties of price), and it must fit the remaining money and weeks.
 *
 * 1. Greedy: repeatedly take the program (with any prerequisite programs it needs, as one
 *    bundle) that covers the most uncovered weight per unit of cost; a program stacking into
 *    a larger credential counts its weight ×1.1, ×1.2 when it stacks with one already chosen.
 * 2. Improvement: drop programs whose skills the others already cover (dearest first), then
 *    swap a chosen program for a cheaper one that keeps the same coverage, until none helps.
 * 3. With a budget, the best single affordable bundle replaces the greedy set if it covers more.
 *
 * Guarantees: without limits, the greedy cover costs at most H(k) ≈ ln k + 1 times the
 * cheapest cover (k = most gap skills one program teaches; Chvátal 1979), and step 2 only
 * lowers it. With a money or time budget, the better of greedy and the best single bundle
 * covers at least ½(1 − 1/e) ≈ 32% of the best reachable weight (Khuller, Moss & Naor 1999);
 * in practice it is near-optimal. Every tie is broken by id, so the same inputs always give
 * the same answer.
 */

export const hourValueEur = 5;
export const stepOverheadEur = 25;
export const inDemandBoost = 1.5;

export type GapSkillWeight = { skillId: string; importance: number; isInDemand: boolean };

export type CandidateProgram = {
  id: string;
  costEur: number | null;
  hours: number | null;
  /** Weeks this client needs for it (program length, or hours at their weekly availability). */
  weeks: number;
  /** Gap skills it teaches. */
  skillIds: string[];
  /** Ids of chosen-able programs it stacks into, and whether it stacks into anything at all. */
  stacksIntoIds: string[];
  isStackable: boolean;
  /** Programs that must come first (resolved prerequisites). */
  requiresIds: string[];
  /** Next start date (ISO), or null when it can start any time. */
  nextStart: string | null;
};

export type RecommenderLimits = { budgetEur: number | null; weeksAvailable: number | null };

export type RecommendedStep = {
  programId: string;
  /** Gap skills this step is chosen for (those it covers first, in plan order). */
  coveredSkillIds: string[];
  /** Taken because a later step requires it. */
  isPrerequisite: boolean;
};

export type UncoveredReason = 'no_program' | 'over_budget' | 'over_time';

export type Recommendation = {
  steps: RecommendedStep[];
  coveredSkillIds: string[];
  uncovered: Array<{ skillId: string; reason: UncoveredReason }>;
  costEur: number;
  hours: number;
  weeks: number;
  /** Share of the gap's weight covered, 0–1. */
  coverage: number;
  /** When limits cut the cover short: what covering every teachable skill would take. */
  fullCover: { costEur: number; weeks: number; coverage: number } | null;
};

type Picked = { ids: string[]; covered: Set<string> };

const weightOf = (gap: GapSkillWeight) => gap.importance * (gap.isInDemand ? inDemandBoost : 1);
const stepCost = (p: CandidateProgram) => (p.costEur ?? 0) + hourValueEur * (p.hours ?? 0) + stepOverheadEur;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** How many programs the search keeps: the cheapest per gap skill, and the best weight per cost overall. */
export const shortlistLimits = { perSkill: 8, byRatio: 200 } as const;

/**
 * Programs worth searching: for each gap skill the cheapest few that teach it, the best by
 * weight per cost, and every prerequisite of those. A program left out costs more than eight
 * others teaching each of its skills and covers less per euro than 200 others, so neither the
 * greedy nor the improvement step would pick it in practice; this keeps the search fast when
 * tens of thousands of programs teach some gap skill.
 */
function shortlist(candidates: CandidateProgram[], weights: Map<string, number>): CandidateProgram[] {
  if (candidates.length <= shortlistLimits.byRatio) return candidates;
  // Costs and ratios once per candidate, not once per comparison: tens of thousands are ranked here.
  const costs = candidates.map(stepCost);
  const ratios = candidates.map((c, i) => weightOfSkills(c.skillIds, weights) / costs[i]!);
  const byId = (a: number, b: number) => (candidates[a]!.id < candidates[b]!.id ? -1 : 1);
  const teachingBySkill = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    for (const s of c.skillIds) {
      const teaching = teachingBySkill.get(s);
      if (teaching) teaching.push(i);
      else teachingBySkill.set(s, [i]);
    }
  });
  const keep = new Set<string>();
  for (const teaching of teachingBySkill.values()) for (const i of firstInOrder(teaching, shortlistLimits.perSkill, (a, b) => costs[a]! - costs[b]! || byId(a, b))) keep.add(candidates[i]!.id);
  const indices = candidates.map((_, i) => i);
  for (const i of firstInOrder(indices, shortlistLimits.byRatio, (a, b) => ratios[b]! - ratios[a]! || byId(a, b))) keep.add(candidates[i]!.id);
  const candidateById = new Map(candidates.map((c) => [c.id, c]));
  const pending = [...keep];
  while (pending.length) {
    for (const required of candidateById.get(pending.pop()!)?.requiresIds ?? []) {
      if (keep.has(required) || !candidateById.has(required)) continue;
      keep.add(required);
      pending.push(required);
    }
  }
  return candidates.filter((c) => keep.has(c.id));
}

/** The first `limit` items in `compare` order (what sorting all of them and slicing gives), in one pass. */
function firstInOrder<T>(items: T[], limit: number, compare: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  for (const item of items) insertInOrder(first, item, limit, compare);
  return first;
}

/** Adds `item` to `first` (the first `limit` seen so far, in `compare` order) when it belongs there. */
function insertInOrder<T>(first: T[], item: T, limit: number, compare: (a: T, b: T) => number) {
  if (first.length === limit && compare(item, first[limit - 1]!) >= 0) return;
  let at = first.length;
  while (at > 0 && compare(item, first[at - 1]!) < 0) at--;
  first.splice(at, 0, item);
  if (first.length > limit) first.pop();
}

export function recommendPrograms(gap: GapSkillWeight[], candidates: CandidateProgram[], limits: RecommenderLimits): Recommendation {
  const weights = new Map(gap.map((g) => [g.skillId, weightOf(g)]));
  const byId = new Map<string, CandidateProgram>();
  const relevant = candidates.map((c) => (c.skillIds.every((s) => weights.has(s)) ? c : { ...c, skillIds: c.skillIds.filter((s) => weights.has(s)) }));
  // Sorted by id first so every later scan meets candidates in the same order.
  for (const c of shortlist(relevant, weights).sort((a, b) => (a.id < b.id ? -1 : 1))) byId.set(c.id, c);
  const totalWeight = sum([...weights.values()]);
  const teachable = new Set([...byId.values()].flatMap((c) => c.skillIds));

  const limited = limits.budgetEur !== null || limits.weeksAvailable !== null;
  let picked = improve(greedy(byId, weights, limits), byId, weights, limits);
  if (limits.budgetEur !== null || limits.weeksAvailable !== null) {
    const single = bestSingleBundle(byId, weights, limits);
    if (single && coveredWeight(single.covered, weights) > coveredWeight(picked.covered, weights) + 1e-9) picked = single;
  }
  const unlimited = limited ? improve(greedy(byId, weights, { budgetEur: null, weeksAvailable: null }), byId, weights, { budgetEur: null, weeksAvailable: null }) : picked;

  const chosen = picked.ids.map((id) => byId.get(id)!);
  const ordered = orderSteps(chosen, weights);
  const requiredByChosen = new Set(chosen.flatMap((c) => c.requiresIds));
  const seen = new Set<string>();
  const steps = ordered.map((p) => {
    const coveredSkillIds = p.skillIds.filter((s) => !seen.has(s)).sort((a, b) => weights.get(b)! - weights.get(a)! || (a < b ? -1 : 1));
    for (const s of coveredSkillIds) seen.add(s);
    return { programId: p.id, coveredSkillIds, isPrerequisite: requiredByChosen.has(p.id) && coveredSkillIds.length === 0 };
  });

  const uncovered = gap
    .filter((g) => !picked.covered.has(g.skillId))
    .sort((a, b) => weightOf(b) - weightOf(a) || (a.skillId < b.skillId ? -1 : 1))
    .map((g) => ({ skillId: g.skillId, reason: uncoveredReason(g.skillId, teachable, unlimited, limits) }));
  const fullCover =
    limited && coveredWeight(unlimited.covered, weights) > coveredWeight(picked.covered, weights) + 1e-9
      ? { costEur: round2(moneyOf(unlimited.ids, byId)), weeks: round2(weeksOf(unlimited.ids, byId)), coverage: totalWeight ? coveredWeight(unlimited.covered, weights) / totalWeight : 0 }
      : null;

  return {
    steps,
    coveredSkillIds: gap.map((g) => g.skillId).filter((s) => picked.covered.has(s)),
    uncovered,
    costEur: round2(moneyOf(picked.ids, byId)),
    hours: sum(chosen.map((c) => c.hours ?? 0)),
    weeks: round2(weeksOf(picked.ids, byId)),
    coverage: totalWeight ? coveredWeight(picked.covered, weights) / totalWeight : 0,
    fullCover,
  };

  function uncoveredReason(skillId: string, taught: Set<string>, full: Picked, l: RecommenderLimits): UncoveredReason {
    if (!taught.has(skillId) || !full.covered.has(skillId)) return 'no_program';
    // Reachable without limits: the money budget is the first suspect, then time.
    if (l.budgetEur !== null && moneyOf(full.ids, byId) > l.budgetEur) return 'over_budget';
    return l.weeksAvailable !== null ? 'over_time' : 'over_budget';
  }
}

/** Other programs that could take a step's place: they teach its skills, cheapest first. */
export function alternativesFor(step: RecommendedStep, candidates: CandidateProgram[], chosenIds: Set<string>, gap: GapSkillWeight[], limit = 3): Array<{ programId: string; sharedSkillIds: string[] }> {
  return alternativesForSteps([step], candidates, chosenIds, gap, limit)[0]!;
}

/** `alternativesFor` of every step, in one pass over the candidates (a step's skills belong to it alone). */
export function alternativesForSteps(steps: RecommendedStep[], candidates: CandidateProgram[], chosenIds: Set<string>, gap: GapSkillWeight[], limit = 3): Array<Array<{ programId: string; sharedSkillIds: string[] }>> {
  const weights = new Map(gap.map((g) => [g.skillId, weightOf(g)]));
  const stepOfSkill = new Map(steps.flatMap((step, i) => step.coveredSkillIds.map((s) => [s, i] as const)));
  type Sharing = { c: CandidateProgram; weight: number; cost: number };
  const byBestSubstitute = (a: Sharing, b: Sharing) => b.weight - a.weight || a.cost - b.cost || (a.c.id < b.c.id ? -1 : 1);
  // The best few per step so far, kept in order as candidates pass (tens of thousands do: no list of them all).
  const best: Sharing[][] = steps.map(() => []);
  const weightByStep = new Float64Array(steps.length);
  const touchedSteps: number[] = [];
  for (const c of candidates) {
    if (chosenIds.has(c.id)) continue;
    for (const s of c.skillIds) {
      const i = stepOfSkill.get(s);
      if (i === undefined) continue;
      if (!touchedSteps.includes(i)) touchedSteps.push(i);
      weightByStep[i]! += weights.get(s) ?? 0;
    }
    for (const i of touchedSteps) {
      const candidate = { c, weight: weightByStep[i]!, cost: stepCost(c) };
      weightByStep[i] = 0;
      insertInOrder(best[i]!, candidate, limit, byBestSubstitute);
    }
    touchedSteps.length = 0;
  }
  return best.map((first, i) => first.map((x) => ({ programId: x.c.id, sharedSkillIds: x.c.skillIds.filter((s) => stepOfSkill.get(s) === i) })));
}

function weightOfSkills(skillIds: string[], weights: Map<string, number>): number {
  let total = 0;
  for (const s of skillIds) total += weights.get(s) ?? 0;
  return total;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function coveredWeight(covered: Set<string>, weights: Map<string, number>): number {
  return sum([...covered].map((s) => weights.get(s) ?? 0));
}

function moneyOf(ids: Iterable<string>, byId: Map<string, CandidateProgram>): number {
  return sum([...ids].map((id) => byId.get(id)!.costEur ?? 0));
}

function weeksOf(ids: Iterable<string>, byId: Map<string, CandidateProgram>): number {
  return sum([...ids].map((id) => byId.get(id)!.weeks));
}

function fits(ids: string[], byId: Map<string, CandidateProgram>, limits: RecommenderLimits): boolean {
  if (limits.budgetEur !== null && moneyOf(ids, byId) > limits.budgetEur + 1e-9) return false;
  if (limits.weeksAvailable !== null && weeksOf(ids, byId) > limits.weeksAvailable + 1e-9) return false;
  return true;
}

/** The program plus every prerequisite (transitively) not yet chosen, prerequisites first; null if one is not available. */
function bundleOf(id: string, byId: Map<string, CandidateProgram>, chosen: Set<string>): string[] | null {
  const out: string[] = [];
  const visiting = new Set<string>();
  const visit = (pid: string): boolean => {
    if (chosen.has(pid) || out.includes(pid)) return true;
    const p = byId.get(pid);
    if (!p || visiting.has(pid)) return false;
    visiting.add(pid);
    for (const r of p.requiresIds) if (!visit(r)) return false;
    out.push(pid);
    return true;
  };
  return visit(id) ? out : null;
}

function stackFactor(p: CandidateProgram, chosen: Set<string>, byId: Map<string, CandidateProgram>): number {
  if (!p.isStackable) return 1;
  const withChosen = p.stacksIntoIds.some((t) => chosen.has(t) || [...chosen].some((c) => byId.get(c)!.stacksIntoIds.includes(t)));
  return withChosen ? 1.2 : 1.1;
}

type Choice = { bundle: string[]; gain: number; ratio: number; money: number; hours: number; id: string };

const betterChoice = (a: Choice, b: Choice | null) =>
  !b ||
  a.ratio > b.ratio + 1e-12 ||
  (Math.abs(a.ratio - b.ratio) <= 1e-12 && (a.gain > b.gain + 1e-12 || (Math.abs(a.gain - b.gain) <= 1e-12 && (a.money < b.money || (a.money === b.money && (a.hours < b.hours || (a.hours === b.hours && a.id < b.id)))))));

function greedy(byId: Map<string, CandidateProgram>, weights: Map<string, number>, limits: RecommenderLimits): Picked {
  const chosen = new Set<string>();
  const order: string[] = [];
  const covered = new Set<string>();
  for (;;) {
    let best: Choice | null = null;
    for (const p of byId.values()) {
      if (chosen.has(p.id)) continue;
      const newSkills = p.skillIds.filter((s) => !covered.has(s));
      if (newSkills.length === 0) continue;
      const bundle = bundleOf(p.id, byId, chosen);
      if (!bundle || !fits([...order, ...bundle], byId, limits)) continue;
      const bundleSkills = new Set(bundle.flatMap((id) => byId.get(id)!.skillIds).filter((s) => !covered.has(s)));
      const gain = coveredWeight(bundleSkills, weights) * stackFactor(p, chosen, byId);
      const cost = sum(bundle.map((id) => stepCost(byId.get(id)!)));
      const choice = { bundle, gain, ratio: gain / cost, money: moneyOf(bundle, byId), hours: sum(bundle.map((id) => byId.get(id)!.hours ?? 0)), id: p.id };
      if (betterChoice(choice, best)) best = choice;
    }
    if (!best) break;
    for (const id of best.bundle) {
      chosen.add(id);
      order.push(id);
      for (const s of byId.get(id)!.skillIds) covered.add(s);
    }
  }
  return { ids: order, covered };
}

const coverOf = (ids: string[], byId: Map<string, CandidateProgram>) => new Set(ids.flatMap((id) => byId.get(id)!.skillIds));
const isRequiredBy = (id: string, ids: string[], byId: Map<string, CandidateProgram>) => ids.some((o) => o !== id && byId.get(o)!.requiresIds.includes(id));

/** Drops programs the others already cover, dearest first (never a prerequisite of another). */
function pruneRedundant(ids: string[], byId: Map<string, CandidateProgram>, weights: Map<string, number>, target: number): string[] {
  let kept = [...ids];
  const byCost = [...ids].sort((a, b) => stepCost(byId.get(b)!) - stepCost(byId.get(a)!) || (a < b ? -1 : 1));
  const seen = new Set<string>();
  for (const id of byCost) {
    if (!isRequiredBy(id, kept, byId) && weightWithout(kept, id, byId, weights, seen) >= target - 1e-9) kept = kept.filter((x) => x !== id);
  }
  return kept;
}

/**
 * `coveredWeight(coverOf(ids minus one))`, summed in the same order (so to the same bit),
 * without building the lists: the improvement step asks it thousands of times.
 */
function weightWithout(ids: string[], left: string, byId: Map<string, CandidateProgram>, weights: Map<string, number>, seen: Set<string>): number {
  seen.clear();
  let weight = 0;
  for (const id of ids) {
    if (id === left) continue;
    for (const s of byId.get(id)!.skillIds) {
      if (seen.has(s)) continue;
      seen.add(s);
      weight += weights.get(s) ?? 0;
    }
  }
  return weight;
}

const costOf = (ids: string[], byId: Map<string, CandidateProgram>) => sum(ids.map((id) => stepCost(byId.get(id)!)));

/**
 * Local improvement: remove redundant programs, then swap one program for another that keeps
 * the coverage (pruning whatever the newcomer makes redundant) when that lowers the cost.
 */
function improve(start: Picked, byId: Map<string, CandidateProgram>, weights: Map<string, number>, limits: RecommenderLimits): Picked {
  const target = coveredWeight(start.covered, weights);
  let ids = pruneRedundant(start.ids, byId, weights, target);
  for (let round = 0; round < 50; round++) {
    const currentCost = costOf(ids, byId);
    let best: { ids: string[]; cost: number; key: string } | null = null;
    for (const out of ids) {
      if (isRequiredBy(out, ids, byId)) continue;
      const rest = ids.filter((x) => x !== out);
      const restCover = coverOf(rest, byId);
      const needed = byId.get(out)!.skillIds.filter((s) => !restCover.has(s));
      for (const q of byId.values()) {
        if (ids.includes(q.id) || q.requiresIds.some((r) => !rest.includes(r))) continue;
        if (!needed.every((s) => q.skillIds.includes(s))) continue;
        // Only a newcomer teaching more than the skills it replaces can make others redundant.
        const next = q.skillIds.length > needed.length ? pruneRedundant([...rest, q.id], byId, weights, target) : [...rest, q.id];
        const cost = costOf(next, byId);
        if (cost >= currentCost - 1e-9 || !fits(next, byId, limits)) continue;
        const key = `${out}>${q.id}`;
        if (!best || cost < best.cost - 1e-9 || (Math.abs(cost - best.cost) <= 1e-9 && key < best.key)) best = { ids: next, cost, key };
      }
    }
    if (!best) break;
    ids = best.ids;
  }
  return { ids, covered: coverOf(ids, byId) };
}

function bestSingleBundle(byId: Map<string, CandidateProgram>, weights: Map<string, number>, limits: RecommenderLimits): Picked | null {
  let best: { picked: Picked; weight: number; cost: number } | null = null;
  for (const p of byId.values()) {
    const bundle = bundleOf(p.id, byId, new Set());
    if (!bundle || !fits(bundle, byId, limits)) continue;
    const covered = coverOf(bundle, byId);
    const weight = coveredWeight(covered, weights);
    const cost = sum(bundle.map((id) => stepCost(byId.get(id)!)));
    if (!best || weight > best.weight + 1e-9 || (Math.abs(weight - best.weight) <= 1e-9 && cost < best.cost)) best = { picked: { ids: bundle, covered }, weight, cost };
  }
  return best?.picked ?? null;
}

/**
 * Plan order: prerequisites first, then programs before the credential they stack into;
 * otherwise the earliest start, then the most gap weight, then id.
 */
function orderSteps(chosen: CandidateProgram[], weights: Map<string, number>): CandidateProgram[] {
  const ids = new Set(chosen.map((c) => c.id));
  const before = new Map<string, Set<string>>(chosen.map((c) => [c.id, new Set<string>()]));
  for (const c of chosen) {
    for (const r of c.requiresIds) if (ids.has(r)) before.get(c.id)!.add(r);
    for (const t of c.stacksIntoIds) if (ids.has(t) && t !== c.id) before.get(t)!.add(c.id);
  }
  const rank = (c: CandidateProgram) => [c.nextStart ?? '0000-00-00', -sum(c.skillIds.map((s) => weights.get(s) ?? 0)), c.id] as const;
  const cmp = (a: CandidateProgram, b: CandidateProgram) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] !== rb[0] ? (ra[0] < rb[0] ? -1 : 1) : ra[1] !== rb[1] ? ra[1] - rb[1] : ra[2] < rb[2] ? -1 : 1;
  };
  const out: CandidateProgram[] = [];
  const placed = new Set<string>();
  while (out.length < chosen.length) {
    const ready = chosen.filter((c) => !placed.has(c.id) && [...before.get(c.id)!].every((b) => placed.has(b))).sort(cmp);
    // A cycle in provider data (A requires B requires A) must not hang: fall back to plain order.
    const next = ready[0] ?? chosen.filter((c) => !placed.has(c.id)).sort(cmp)[0]!;
    out.push(next);
    placed.add(next.id);
  }
  return out;
}
