import { describe, expect, it } from 'vitest';
import { deliveryModes, paces } from '@/lib/catalog/vocabulary';
import { type ClientConstraints, fitProgram, type ProgramFacts } from '@/lib/recommendations/constraints';
import { columnConstraints, exclusionAt, exclusionReasonOrder, fitProgramAt, ProgramColumns } from '@/lib/recommendations/program-columns';

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function seeded(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const some = <T,>(values: readonly T[]): T[] => values.filter(() => next() < 0.4);
  const orNull = <T,>(value: T, nullShare = 0.2): T | null => (next() < nullShare ? null : value);
  return { next, pick, some, orNull };
}

const places = [
  { country: 'CA', regions: ['CA-ON', 'CA-QC'], lat: 43.65, lng: -79.38 },
  { country: 'US', regions: ['US-NY', 'US-NJ'], lat: 42.65, lng: -73.76 },
  { country: 'GB', regions: ['GB-ENG', 'GB-SCT'], lat: 51.51, lng: -0.13 },
];
const languages = ['en', 'fr', 'de'];
const day = (offset: number) => new Date(Date.UTC(2026, 5, 1) + offset * 86_400_000).toISOString().slice(0, 10);

function randomProgram(r: ReturnType<typeof seeded>): ProgramFacts {
  const place = r.pick(places);
  const cost = r.pick([null, 0, 0, 120, 450, 900, 2500]);
  // Costs in an unknown currency have no euro value; a cost of 0 may still come without one.
  const costEur = cost === null ? null : r.orNull(cost * r.pick([1, 0.92, 1.17]), 0.25);
  const hours = r.pick([null, 0, 6, 40, 120]);
  return {
    deliveryMode: r.pick(deliveryModes),
    pace: r.orNull(r.pick(paces)),
    country: r.orNull(place.country, 0.1),
    region: r.orNull(r.pick([...place.regions, 'XX-ZZ']), 0.3),
    latitude: r.orNull(place.lat + (r.next() - 0.5) * 3, 0.15),
    longitude: r.orNull(place.lng + (r.next() - 0.5) * 3, 0.15),
    openWorldwide: r.next() < 0.2,
    openCountries: r.next() < 0.6 ? [] : r.some(['CA', 'US', 'GB', '*']),
    languages: r.some(languages),
    cost,
    costEur,
    hours,
    weeks: r.pick([null, 0, 1, 4, 12]),
    startDates: r.next() < 0.3 ? [] : Array.from({ length: 1 + Math.floor(r.next() * 4) }, () => day(Math.floor(r.next() * 400) - 100)).sort(),
  };
}

function randomConstraints(r: ReturnType<typeof seeded>): ClientConstraints {
  const place = r.pick(places);
  const hasCountry = r.next() < 0.85;
  const startFrom = day(Math.floor(r.next() * 200) - 50);
  return {
    country: hasCountry ? r.pick([place.country, 'FR']) : null,
    region: hasCountry ? r.orNull(r.pick([...place.regions, 'XX-ZZ']), 0.3) : null,
    travelRadiusKm: r.pick([null, 0, 50, 200, 1000]),
    deliveryModes: r.next() < 0.5 ? [] : r.some([...deliveryModes, 'by_post']),
    languages: r.next() < 0.4 ? [] : r.some([...languages, 'es']),
    maxBudgetEur: r.pick([null, null, 0, 500, 3000]),
    hoursPerWeek: r.pick([null, 0, 5, 10, 40]),
    startFrom,
    targetDate: r.orNull(day(Math.floor(r.next() * 400) - 60), 0.3),
  };
}

describe('fitProgramAt', () => {
  it('answers what fitProgram answers on random programs and constraints', () => {
    const r = seeded(20_261_202);
    const programs = Array.from({ length: 3_000 }, () => randomProgram(r));
    const columns = new ProgramColumns();
    programs.forEach((p, i) => columns.set(i, p));
    const reasonsSeen = new Set<string>();
    for (let round = 0; round < 40; round++) {
      const constraints = randomConstraints(r);
      const resolved = columnConstraints(columns, constraints);
      programs.forEach((p, i) => {
        const expected = fitProgram(p, constraints);
        reasonsSeen.add(expected.ok ? expected.place : expected.reason);
        expect(fitProgramAt(columns, i, resolved), `program ${i}, constraints ${JSON.stringify(constraints)}`).toEqual(expected);
        expect(exclusionAt(columns, i, resolved)).toBe(expected.ok ? -1 : exclusionReasonOrder.indexOf(expected.reason));
      });
    }
    // The generator reaches every outcome, so the comparison covers each branch.
    expect([...reasonsSeen].sort()).toEqual([...exclusionReasonOrder, 'in_region', 'nearby', 'in_country', 'online', 'anywhere'].sort());
  });

  it('keeps the answer when a program is replaced in place', () => {
    const r = seeded(7);
    const [first, second] = [randomProgram(r), randomProgram(r)];
    const columns = new ProgramColumns();
    columns.set(0, first);
    columns.set(0, second);
    const constraints = randomConstraints(r);
    expect(fitProgramAt(columns, 0, columnConstraints(columns, constraints))).toEqual(fitProgram(second, constraints));
  });
});
