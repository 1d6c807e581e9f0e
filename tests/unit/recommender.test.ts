import { describe, expect, it } from 'vitest';
import { recommendPrograms, type CandidateProgram, type GapSkillWeight } from '@/lib/recommendations/recommender';

const program = (id: string, skillIds: string[], costEur: number, extra: Partial<CandidateProgram> = {}): CandidateProgram => ({
  id, skillIds, costEur, hours: 0, weeks: 4, stacksIntoIds: [], isStackable: false, requiresIds: [], nextStart: null, ...extra,
});
const gap: GapSkillWeight[] = [
  { skillId: 'A', importance: 5, isInDemand: false },
  { skillId: 'B', importance: 5, isInDemand: false },
  { skillId: 'C', importance: 3, isInDemand: false },
];
const noLimits = { budgetEur: null, weeksAvailable: null };
const ids = (r: ReturnType<typeof recommendPrograms>) => r.steps.map((s) => s.programId);

describe('recommendPrograms', () => {
  const catalogue = [program('p1-bundle', ['A', 'B'], 100, { hours: 10 }), program('p2-a', ['A'], 20, { hours: 2 }), program('p3-b', ['B'], 20, { hours: 2 }), program('p4-c', ['C'], 50)];

  it('covers the whole gap at the least cost per unit of weight, most important skills first', () => {
    const r = recommendPrograms(gap, catalogue, noLimits);
    // Effective costs: bundle 100 + 10 h × 5 + 25 = 175 for weight 10; A and B alone 20 + 10 + 25 = 55 for weight 5 each.
    expect(ids(r)).toEqual(['p2-a', 'p3-b', 'p4-c']);
    expect(r.steps.map((s) => s.coveredSkillIds)).toEqual([['A'], ['B'], ['C']]);
    expect(r).toMatchObject({ costEur: 90, hours: 4, weeks: 12, coverage: 1, uncovered: [], fullCover: null });
  });

  it('with a budget too low, returns the best partial cover and what the full cover would cost', () => {
    const r = recommendPrograms(gap, catalogue, { budgetEur: 60, weeksAvailable: null });
    expect(ids(r)).toEqual(['p2-a', 'p3-b']);
    expect(r.costEur).toBe(40);
    expect(r.coverage).toBeCloseTo(10 / 13);
    expect(r.uncovered).toEqual([{ skillId: 'C', reason: 'over_budget' }]);
    expect(r.fullCover).toEqual({ costEur: 90, weeks: 12, coverage: 1 });
  });

  it('with too few weeks before the target date, says time is what ran out', () => {
    const r = recommendPrograms(gap, catalogue, { budgetEur: null, weeksAvailable: 8 });
    expect(ids(r)).toEqual(['p2-a', 'p3-b']);
    expect(r.uncovered).toEqual([{ skillId: 'C', reason: 'over_time' }]);
  });

  it('a skill no program teaches is reported as such', () => {
    const r = recommendPrograms([...gap, { skillId: 'Z', importance: 4, isInDemand: true }], catalogue, noLimits);
    expect(r.uncovered).toEqual([{ skillId: 'Z', reason: 'no_program' }]);
    expect(r.coverage).toBeCloseTo(13 / 19);
  });

  it('prefers the single program that covers more when the budget allows only one (best single bundle)', () => {
    const r = recommendPrograms(gap, [program('big', ['A', 'B', 'C'], 95, { hours: 40 }), program('small-a', ['A'], 0), program('small-c', ['C'], 0)], { budgetEur: 95, weeksAvailable: null });
    expect(ids(r)).toEqual(['big']);
    expect(r.coverage).toBe(1);
  });

  it('puts prerequisites first, even when they teach no gap skill', () => {
    const r = recommendPrograms(gap, [program('advanced', ['A', 'B', 'C'], 100, { requiresIds: ['intro'] }), program('intro', [], 10)], noLimits);
    expect(ids(r)).toEqual(['intro', 'advanced']);
    expect(r.steps[0]).toMatchObject({ isPrerequisite: true, coveredSkillIds: [] });
    expect(r.costEur).toBe(110);
  });

  it('skips a program whose prerequisite is not available to the client', () => {
    const r = recommendPrograms(gap, [program('advanced', ['A', 'B', 'C'], 10, { requiresIds: ['missing'] }), program('plain', ['A', 'B', 'C'], 500)], noLimits);
    expect(ids(r)).toEqual(['plain']);
  });

  it('prefers a program that stacks into a larger credential, and orders it before that credential', () => {
    const twins = [program('a-plain', ['A'], 20), program('z-stacks', ['A'], 20, { isStackable: true, stacksIntoIds: ['cert'] })];
    expect(ids(recommendPrograms([gap[0]!], twins, noLimits))).toEqual(['z-stacks']);
    const path = recommendPrograms(gap, [program('cert', ['B', 'C'], 30, { nextStart: '2027-01-01' }), program('badge', ['A'], 20, { isStackable: true, stacksIntoIds: ['cert'], nextStart: '2027-06-01' })], noLimits);
    expect(ids(path)).toEqual(['badge', 'cert']);
  });

  it('weighs skills in demand in the client’s region higher', () => {
    const demandGap: GapSkillWeight[] = [{ skillId: 'A', importance: 4, isInDemand: false }, { skillId: 'B', importance: 4, isInDemand: true }];
    const r = recommendPrograms(demandGap, [program('teaches-a', ['A'], 50), program('teaches-b', ['B'], 50)], { budgetEur: 50, weeksAvailable: null });
    expect(ids(r)).toEqual(['teaches-b']);
  });

  it('gives the same answer for the same inputs, whatever their order (ties go by id)', () => {
    const tied = [program('m', ['A'], 20), program('b', ['A'], 20), program('x', ['A'], 20), program('c', ['B'], 20)];
    const first = recommendPrograms(gap.slice(0, 2), tied, noLimits);
    expect(ids(first)).toEqual(['b', 'c']);
    for (const shuffled of [[...tied].reverse(), [tied[2]!, tied[0]!, tied[3]!, tied[1]!]]) expect(recommendPrograms(gap.slice(0, 2), shuffled, noLimits)).toEqual(first);
  });

  it('swaps a chosen program for a cheaper one with the same coverage (improvement step)', () => {
    // Greedy takes `ab` (best ratio: 10 / 125), then `c`; `abc` alone costs less than both.
    const r = recommendPrograms(gap, [program('ab', ['A', 'B'], 100), program('c', ['C'], 100), program('abc', ['A', 'B', 'C'], 150)], noLimits);
    expect(ids(r)).toEqual(['abc']);
    expect(r.costEur).toBe(150);
  });

});
