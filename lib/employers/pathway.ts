/*
 * Least-cost pathway: the cheapest set of programs that together teach every must-have
 * skill (weighted set cover). Exact by dynamic programming over subsets of the must-have
 * skills (2^k states), which is instant for the handful of must-haves a gap lists; above
 * `exactLimit` skills it falls back to the classic greedy cover (cost per new skill), which
 * is within a log factor of optimal. Ties go to fewer hours, then fewer programs.
 */

export type PathwayCandidate = { id: string; costEur: number; hours: number | null; skillIds: string[] };
export type PathwayResult = { programIds: string[]; costEur: number; hours: number; coveredSkillIds: string[]; uncoveredSkillIds: string[]; isExact: boolean };

const exactLimit = 16;

type Score = { cost: number; hours: number; count: number };
const better = (a: Score, b: Score | undefined) => !b || a.cost < b.cost - 1e-9 || (Math.abs(a.cost - b.cost) <= 1e-9 && (a.hours < b.hours || (a.hours === b.hours && a.count < b.count)));

export function leastCostPathway(mustHave: string[], candidates: PathwayCandidate[]): PathwayResult {
  const skills = [...new Set(mustHave)];
  const wanted = new Set(skills);
  const useful = candidates.map((c) => ({ ...c, skillIds: c.skillIds.filter((s) => wanted.has(s)) })).filter((c) => c.skillIds.length > 0);
  const reachable = new Set(useful.flatMap((c) => c.skillIds));
  const isExact = skills.length <= exactLimit;
  const picked = isExact ? exactCover(skills, useful) : greedyCover(reachable, useful);
  const chosen = picked.map((i) => useful[i]!);
  return {
    programIds: chosen.map((c) => c.id),
    costEur: Math.round(chosen.reduce((sum, c) => sum + c.costEur, 0) * 100) / 100,
    hours: chosen.reduce((sum, c) => sum + (c.hours ?? 0), 0),
    coveredSkillIds: skills.filter((s) => reachable.has(s)),
    uncoveredSkillIds: skills.filter((s) => !reachable.has(s)),
    isExact,
  };
}

/** Indices of the candidates in the cheapest cover of every reachable must-have skill (bit masks: k ≤ 16). */
function exactCover(skills: string[], candidates: PathwayCandidate[]): number[] {
  const bit = new Map(skills.map((s, i) => [s, 1 << i]));
  const masks = candidates.map((c) => c.skillIds.reduce((m, s) => m | (bit.get(s) ?? 0), 0));
  const target = masks.reduce((m, c) => m | c, 0);
  if (target === 0) return [];
  const best: Array<Score | undefined> = new Array(target + 1);
  const via: Array<{ from: number; candidate: number } | undefined> = new Array(target + 1);
  best[0] = { cost: 0, hours: 0, count: 0 };
  for (let mask = 0; mask <= target; mask++) {
    const here = best[mask];
    if (!here || (mask & ~target) !== 0) continue;
    candidates.forEach((c, i) => {
      const next = mask | masks[i]!;
      if (next === mask) return;
      const score = { cost: here.cost + c.costEur, hours: here.hours + (c.hours ?? 0), count: here.count + 1 };
      if (better(score, best[next])) {
        best[next] = score;
        via[next] = { from: mask, candidate: i };
      }
    });
  }
  const picked: number[] = [];
  for (let mask = target; mask !== 0; ) {
    const step = via[mask]!;
    picked.push(step.candidate);
    mask = step.from;
  }
  return picked.reverse();
}

function greedyCover(reachable: Set<string>, candidates: PathwayCandidate[]): number[] {
  const picked: number[] = [];
  const covered = new Set<string>();
  while (covered.size < reachable.size) {
    let bestIndex = -1;
    let bestRatio = Infinity;
    candidates.forEach((c, i) => {
      const gain = c.skillIds.filter((s) => !covered.has(s)).length;
      if (gain > 0 && c.costEur / gain < bestRatio) {
        bestRatio = c.costEur / gain;
        bestIndex = i;
      }
    });
    if (bestIndex < 0) break;
    picked.push(bestIndex);
    for (const s of candidates[bestIndex]!.skillIds) covered.add(s);
  }
  return picked;
}
