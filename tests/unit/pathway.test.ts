import { describe, expect, it } from 'vitest';
import { leastCostPathway, type PathwayCandidate } from '@/lib/employers/pathway';

const program = (id: string, costEur: number, skillIds: string[], hours: number | null = 10): PathwayCandidate => ({ id, costEur, hours, skillIds });

describe('least-cost pathway (weighted set cover)', () => {
  it('finds the cheapest cover, not the greedy one', () => {
    // Greedy takes the 3-skill bundle first (cost/skill 300) and then needs D: 900 + 350 = 1,250.
    // The optimum is two pairs: 400 + 450 = 850.
    const result = leastCostPathway(['A', 'B', 'C', 'D'], [
      program('bundle', 900, ['A', 'B', 'C']),
      program('ab', 400, ['A', 'B']),
      program('cd', 450, ['C', 'D']),
      program('d', 350, ['D']),
    ]);
    expect(result.programIds.sort()).toEqual(['ab', 'cd']);
    expect(result.costEur).toBe(850);
    expect(result.uncoveredSkillIds).toEqual([]);
    expect(result.isExact).toBe(true);
  });

  it('breaks cost ties by fewer hours, then fewer programs', () => {
    const byHours = leastCostPathway(['A'], [program('long', 100, ['A'], 40), program('short', 100, ['A'], 12)]);
    expect(byHours.programIds).toEqual(['short']);
    const byCount = leastCostPathway(['A', 'B'], [program('a', 0, ['A'], 0), program('b', 0, ['B'], 0), program('ab', 0, ['A', 'B'], 0)]);
    expect(byCount.programIds).toEqual(['ab']);
  });

  it('covers what can be covered and names the must-haves no program teaches', () => {
    const result = leastCostPathway(['A', 'B', 'Z'], [program('a', 100, ['A', 'X']), program('b', 50, ['B'])]);
    expect(result.programIds.sort()).toEqual(['a', 'b']);
    expect(result.coveredSkillIds).toEqual(['A', 'B']);
    expect(result.uncoveredSkillIds).toEqual(['Z']);
    expect(result.hours).toBe(20);
  });

  it('prefers free programs and handles no candidates', () => {
    expect(leastCostPathway(['A'], [program('paid', 10, ['A']), program('free', 0, ['A'])]).programIds).toEqual(['free']);
    const none = leastCostPathway(['A'], []);
    expect(none.programIds).toEqual([]);
    expect(none.uncoveredSkillIds).toEqual(['A']);
  });

  it('falls back to a greedy cover for very long skill lists, still covering everything reachable', () => {
    const skills = Array.from({ length: 30 }, (_, i) => `S${i}`);
    const candidates = skills.map((s, i) => program(`p${i}`, 100 + i, [s, skills[(i + 1) % 30]!]));
    const result = leastCostPathway(skills, candidates);
    expect(result.isExact).toBe(false);
    expect(result.uncoveredSkillIds).toEqual([]);
    expect(new Set(result.programIds.flatMap((id) => candidates.find((c) => c.id === id)!.skillIds))).toEqual(new Set(skills));
  });
});
