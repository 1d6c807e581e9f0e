import { describe, expect, it } from 'vitest';
import { candidateIndexOf, type IndexedProgram } from '@/lib/recommendations/candidate-index';
import { alternativesForSteps, buildCandidatePool, shortlistLimits } from '@/lib/recommendations/candidates';
import type { ClientConstraints } from '@/lib/recommendations/constraints';
import { recommendPrograms, type GapSkillWeight } from '@/lib/recommendations/recommender';

// Ids sort in the order written, as uuids would.
const program = (id: string, skillIds: string[], costEur: number, extra: Partial<IndexedProgram> = {}): IndexedProgram => ({
  id, isPublished: true, hasStacksIntoNames: false, skillIds, stacksIntoIds: [], requiresIds: [],
  deliveryMode: 'online_self_paced', pace: 'self_paced', country: 'CA', region: 'CA-ON', latitude: null, longitude: null, openWorldwide: true, openCountries: [],
  languages: ['en'], costEur, cost: costEur, hours: 0, weeks: 4, startDates: [], ...extra,
});
const anywhere: ClientConstraints = { country: null, region: null, travelRadiusKm: null, deliveryModes: [], languages: [], maxBudgetEur: null, hoursPerWeek: null, startFrom: '2026-12-01', targetDate: null };
const gapOf = (...skillIds: string[]): GapSkillWeight[] => skillIds.map((skillId) => ({ skillId, importance: 5, isInDemand: false }));
const noLimits = { budgetEur: null, weeksAvailable: null };

describe('buildCandidatePool', () => {
  it('keeps the four cheapest of programs teaching the same gap skills', () => {
    const index = candidateIndexOf([1, 2, 3, 4, 5, 6].map((n) => program(`p${n}`, ['A'], 700 - n * 100)));
    const pool = buildCandidatePool(index, gapOf('A'), anywhere, []);
    expect(pool.teachingCount).toBe(6);
    expect(pool.candidates.map((c) => c.id).sort()).toEqual(['p3', 'p4', 'p5', 'p6']);
  });

  it('leaves out what the constraints rule out, and says why per skill', () => {
    const index = candidateIndexOf([program('far', ['A'], 100, { openWorldwide: false, deliveryMode: 'in_person', region: 'CA-QC' }), program('near', ['B'], 100)]);
    const pool = buildCandidatePool(index, gapOf('A', 'B'), { ...anywhere, country: 'CA', region: 'CA-ON' }, []);
    expect(pool.candidates.map((c) => c.id)).toEqual(['near']);
    expect(pool.ruledOut).toEqual({ location: 1 });
    expect([...pool.ruledOutSkills]).toEqual([['A', 'location']]);
  });

  it('with many candidates, gives the recommender the cheapest per skill, the best per cost, and their prerequisites', () => {
    // 300 programs teach A; one teaches A and B, needs a course teaching nothing, and costs the most.
    const many = Array.from({ length: 300 }, (_, n) => program(`a${String(n).padStart(3, '0')}`, ['A'], 100 + n, { hours: n % 7 }));
    const index = candidateIndexOf([...many, program('b-dear', ['A', 'B'], 5_000, { requiresIds: ['intro'] }), program('intro', [], 10)]);
    const pool = buildCandidatePool(index, gapOf('A', 'B'), anywhere, []);
    const ids = pool.candidates.map((c) => c.id);
    expect(ids).toContain('b-dear'); // one of the cheapest teaching B
    expect(ids).toContain('intro'); // its prerequisite, though it teaches no gap skill
    expect(ids).toContain('a000'); // cheapest teaching A
    expect(ids).not.toContain('a299'); // neither among the cheapest nor the best per cost
    expect(ids.length).toBeLessThanOrEqual(shortlistLimits.byRatio + 2 * shortlistLimits.perSkill + 1);
    expect(pool.candidates.find((c) => c.id === 'intro')).toMatchObject({ skillIds: [] });
  });

  it('lists alternatives for a step from every candidate: those teaching its skills, most weight first, then cheapest', () => {
    const index = candidateIndexOf([program('p1-bundle', ['A', 'B'], 100, { hours: 10 }), program('p2-a', ['A'], 20, { hours: 2 }), program('p3-b', ['B'], 20, { hours: 2 }), program('p4-a', ['A'], 60)]);
    const gap = gapOf('A', 'B');
    const pool = buildCandidatePool(index, gap, anywhere, []);
    const r = recommendPrograms(gap, pool.candidates, noLimits);
    expect(r.steps.map((s) => s.programId)).toEqual(['p2-a', 'p3-b']);
    expect(alternativesForSteps(index, pool, r.steps)).toEqual([
      [{ programId: 'p4-a', sharedSkillIds: ['A'] }, { programId: 'p1-bundle', sharedSkillIds: ['A'] }],
      [{ programId: 'p1-bundle', sharedSkillIds: ['B'] }],
    ]);
  });
});
