/*
 * The recommender: which programs, in which order, close a client's skill gap under their
 * constraints. Pure (no database): `recommendations.ts` gathers the inputs, and `candidates.ts`
 * hands over a shortlist (the cheapest programs per gap skill and the best per cost, with their
 * prerequisites) when thousands of programs qualify.
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
 * in practice it is near-optimal. Both bounds hold over the shortlist. Every tie is broken by
 * id, so the same inputs always give the same answer.
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

export const weightOf = (gap: GapSkillWeight) => gap.importance * (gap.isInDemand ? inDemandBoost : 1);
export const stepCost = (p: Pick<CandidateProgram, 'costEur' | 'hours'>) => (p.costEur ?? 0) + hourValueEur * (p.hours ?? 0) + stepOverheadEur;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A candidate with its gap skills as positions (in the gap's order) and a bit mask, and its costs worked out once. */
type Node = CandidateProgram & { positions: number[]; mask: Uint32Array; cost: number; money: number };

/**
 * What the search reads, built once per recommendation. Coverage sums run over skill positions
 * with a stamp array instead of sets of ids: the improvement step asks for thousands of them.
 * Each sum adds the same weights in the same order as summing a set of the skills would.
 */
class Search {
  readonly byId = new Map<string, Node>();
  readonly weights: Float64Array;
  readonly words: number;
  private readonly stamps: Int32Array;
  private stamp = 0;

  constructor(gap: GapSkillWeight[], candidates: CandidateProgram[], readonly limits: RecommenderLimits) {
    const positionOf = new Map(gap.map((g, position) => [g.skillId, position]));
    this.weights = Float64Array.from(gap, weightOf);
    this.words = Math.max(1, Math.ceil(gap.length / 32));
    this.stamps = new Int32Array(gap.length);
    const nodes = candidates.map((c): Node => {
      const skillIds = c.skillIds.filter((s) => positionOf.has(s));
      const positions = skillIds.map((s) => positionOf.get(s)!);
      const mask = new Uint32Array(this.words);
      for (const position of positions) mask[position >>> 5]! |= 1 << (position & 31);
      return { ...c, skillIds, positions, mask, cost: stepCost(c), money: c.costEur ?? 0 };
    });
    // Sorted by id first so every later scan meets candidates in the same order.
    for (const node of nodes.sort((a, b) => (a.id < b.id ? -1 : 1))) this.byId.set(node.id, node);
  }

  node(id: string): Node {
    return this.byId.get(id)!;
  }

  /** Starts a new set of marked positions. */
  unmarkAll() {
    this.stamp++;
  }

  /** Marks a position; true when it was not marked yet. */
  mark(position: number): boolean {
    if (this.stamps[position] === this.stamp) return false;
    this.stamps[position] = this.stamp;
    return true;
  }

  isMarked(position: number): boolean {
    return this.stamps[position] === this.stamp;
  }

  /** The weight of the skills the programs cover together, leaving out `left`. */
  weightOfCover(ids: string[], left: string | null = null): number {
    this.unmarkAll();
    let weight = 0;
    for (const id of ids) {
      if (id === left) continue;
      for (const position of this.node(id).positions) if (this.mark(position)) weight += this.weights[position]!;
    }
    return weight;
  }

  coverOf(ids: string[]): Set<string> {
    return new Set(ids.flatMap((id) => this.node(id).skillIds));
  }

  costOf(ids: string[]): number {
    let cost = 0;
    for (const id of ids) cost += this.node(id).cost;
    return cost;
  }

  fits(ids: string[]): boolean {
    const { budgetEur, weeksAvailable } = this.limits;
    if (budgetEur !== null && moneyOf(ids, this.byId) > budgetEur + 1e-9) return false;
    if (weeksAvailable !== null && weeksOf(ids, this.byId) > weeksAvailable + 1e-9) return false;
    return true;
  }

  isRequiredBy(id: string, ids: string[]): boolean {
    return ids.some((other) => other !== id && this.node(other).requiresIds.includes(id));
  }

  /** The program plus every prerequisite (transitively) not yet chosen, prerequisites first; null if one is not available. */
  bundleOf(id: string, chosen: Set<string>): string[] | null {
    const p = this.node(id);
    if (p.requiresIds.length === 0) return [id];
    const out: string[] = [];
    const visiting = new Set<string>();
    const visit = (pid: string): boolean => {
      if (chosen.has(pid) || out.includes(pid)) return true;
      const q = this.byId.get(pid);
      if (!q || visiting.has(pid)) return false;
      visiting.add(pid);
      for (const r of q.requiresIds) if (!visit(r)) return false;
      out.push(pid);
      return true;
    };
    return visit(id) ? out : null;
  }
}

export function recommendPrograms(gap: GapSkillWeight[], candidates: CandidateProgram[], limits: RecommenderLimits): Recommendation {
  const weights = new Map(gap.map((g) => [g.skillId, weightOf(g)]));
  const search = new Search(gap, candidates, limits);
  const { byId } = search;
  const totalWeight = sum([...weights.values()]);
  const teachable = new Set([...byId.values()].flatMap((c) => c.skillIds));

  const limited = limits.budgetEur !== null || limits.weeksAvailable !== null;
  let picked = improve(greedy(search), search, weights);
  if (limited) {
    const single = bestSingleBundle(search);
    if (single && coveredWeight(single.covered, weights) > coveredWeight(picked.covered, weights) + 1e-9) picked = single;
  }
  let unlimited = picked;
  if (limited) {
    const withoutLimits = new Search(gap, candidates, { budgetEur: null, weeksAvailable: null });
    unlimited = improve(greedy(withoutLimits), withoutLimits, weights);
  }

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

/** The better of two greedy choices: more weight per cost, then more weight, less money, fewer hours, lower id. */
const isBetterChoice = (ratio: number, gain: number, money: number, hours: number, id: string, b: Choice | null) =>
  !b ||
  ratio > b.ratio + 1e-12 ||
  (Math.abs(ratio - b.ratio) <= 1e-12 && (gain > b.gain + 1e-12 || (Math.abs(gain - b.gain) <= 1e-12 && (money < b.money || (money === b.money && (hours < b.hours || (hours === b.hours && id < b.id)))))));

type Choice = { bundle: string[]; gain: number; ratio: number; money: number; hours: number; id: string };

function greedy(search: Search): Picked {
  const { byId, weights, limits } = search;
  const chosen = new Set<string>();
  /** Where chosen programs stack into: a candidate stacking there too gets the larger bonus. */
  const chosenTargets = new Set<string>();
  const order: string[] = [];
  const covered = new Uint8Array(weights.length);
  // Money and weeks of `order`, summed in order: adding a bundle's gives what summing `[...order, ...bundle]` gives.
  let orderMoney = 0;
  let orderWeeks = 0;
  for (;;) {
    let best: Choice | null = null;
    for (const p of byId.values()) {
      if (chosen.has(p.id) || p.positions.every((position) => covered[position])) continue;
      const bundle = search.bundleOf(p.id, chosen);
      if (!bundle) continue;
      let money = orderMoney;
      let weeks = orderWeeks;
      let bundleMoney = 0;
      let cost = 0;
      let hours = 0;
      let weight = 0;
      search.unmarkAll();
      for (const id of bundle) {
        const q = search.node(id);
        money += q.money;
        weeks += q.weeks;
        bundleMoney += q.money;
        cost += q.cost;
        hours += q.hours ?? 0;
        for (const position of q.positions) if (!covered[position] && search.mark(position)) weight += weights[position]!;
      }
      if ((limits.budgetEur !== null && money > limits.budgetEur + 1e-9) || (limits.weeksAvailable !== null && weeks > limits.weeksAvailable + 1e-9)) continue;
      const stackFactor = !p.isStackable ? 1 : p.stacksIntoIds.some((t) => chosen.has(t) || chosenTargets.has(t)) ? 1.2 : 1.1;
      const gain = weight * stackFactor;
      const ratio = gain / cost;
      if (isBetterChoice(ratio, gain, bundleMoney, hours, p.id, best)) best = { bundle, gain, ratio, money: bundleMoney, hours, id: p.id };
    }
    if (!best) break;
    for (const id of best.bundle) {
      const q = search.node(id);
      chosen.add(id);
      order.push(id);
      orderMoney += q.money;
      orderWeeks += q.weeks;
      for (const t of q.stacksIntoIds) chosenTargets.add(t);
      for (const position of q.positions) covered[position] = 1;
    }
  }
  return { ids: order, covered: search.coverOf(order) };
}

/** Drops programs the others already cover, dearest first (never a prerequisite of another). */
function pruneRedundant(ids: string[], search: Search, target: number): string[] {
  let kept = [...ids];
  const byCost = [...ids].sort((a, b) => search.node(b).cost - search.node(a).cost || (a < b ? -1 : 1));
  for (const id of byCost) {
    if (!search.isRequiredBy(id, kept) && search.weightOfCover(kept, id) >= target - 1e-9) kept = kept.filter((x) => x !== id);
  }
  return kept;
}

/**
 * Local improvement: remove redundant programs, then swap one program for another that keeps
 * the coverage (pruning whatever the newcomer makes redundant) when that lowers the cost.
 */
function improve(start: Picked, search: Search, weights: Map<string, number>): Picked {
  const target = coveredWeight(start.covered, weights);
  let ids = pruneRedundant(start.ids, search, target);
  const needed = new Uint32Array(search.words);
  for (let round = 0; round < 50; round++) {
    const currentCost = search.costOf(ids);
    const inPlan = new Set(ids);
    let best: { ids: string[]; cost: number; key: string } | null = null;
    for (const out of ids) {
      if (search.isRequiredBy(out, ids)) continue;
      const rest = ids.filter((x) => x !== out);
      // The skills only `out` covers: a replacement must teach all of them.
      search.unmarkAll();
      for (const id of rest) for (const position of search.node(id).positions) search.mark(position);
      needed.fill(0);
      let neededCount = 0;
      for (const position of search.node(out).positions) {
        if (search.isMarked(position)) continue;
        needed[position >>> 5]! |= 1 << (position & 31);
        neededCount++;
      }
      for (const q of search.byId.values()) {
        if (inPlan.has(q.id) || !teachesAll(q.mask, needed) || q.requiresIds.some((r) => !rest.includes(r))) continue;
        // Only a newcomer teaching more than the skills it replaces can make others redundant.
        const next = q.skillIds.length > neededCount ? pruneRedundant([...rest, q.id], search, target) : [...rest, q.id];
        const cost = search.costOf(next);
        if (cost >= currentCost - 1e-9 || !search.fits(next)) continue;
        const key = `${out}>${q.id}`;
        if (!best || cost < best.cost - 1e-9 || (Math.abs(cost - best.cost) <= 1e-9 && key < best.key)) best = { ids: next, cost, key };
      }
    }
    if (!best) break;
    ids = best.ids;
  }
  return { ids, covered: search.coverOf(ids) };
}

function teachesAll(mask: Uint32Array, needed: Uint32Array): boolean {
  for (let word = 0; word < needed.length; word++) if ((needed[word]! & ~mask[word]!) !== 0) return false;
  return true;
}

function bestSingleBundle(search: Search): Picked | null {
  let best: { ids: string[]; weight: number; cost: number } | null = null;
  const none = new Set<string>();
  for (const p of search.byId.values()) {
    const bundle = search.bundleOf(p.id, none);
    if (!bundle || !search.fits(bundle)) continue;
    const weight = search.weightOfCover(bundle);
    const cost = search.costOf(bundle);
    if (!best || weight > best.weight + 1e-9 || (Math.abs(weight - best.weight) <= 1e-9 && cost < best.cost)) best = { ids: bundle, weight, cost };
  }
  return best && { ids: best.ids, covered: search.coverOf(best.ids) };
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
