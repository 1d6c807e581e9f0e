import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoMarker, generateDemoPrograms, type DemoProgram } from '@/db/seed/demo-programs';
import { getIscedField } from '@/lib/catalog/isced-f';
import { programInputSchema } from '@/lib/catalog/program-schema';
import { credentialTypes, deliveryModes } from '@/lib/catalog/vocabulary';
import { getSubdivision } from '@/lib/geo/regions';
import { referenceDataDir, referencePath } from '@/lib/reference-data';

const countries = ['CA', 'US', 'GB', 'IE', 'DE', 'NL', 'MY', 'PH', 'AU', 'SG'];
const currencies: Record<string, string> = { CA: 'CAD', US: 'USD', GB: 'GBP', IE: 'EUR', DE: 'EUR', NL: 'EUR', MY: 'MYR', PH: 'PHP', AU: 'AUD', SG: 'SGD' };
const ectsCountries = new Set(['IE', 'DE', 'NL']);
const isPhysical = (p: DemoProgram) => p.deliveryMode === 'in_person' || p.deliveryMode === 'blended';
const share = (items: DemoProgram[], test: (p: DemoProgram) => boolean) => items.filter(test).length / items.length;

function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

let programs: DemoProgram[];
let byId: Map<string, DemoProgram>;
let firstRunMs: number;

beforeAll(async () => {
  const started = performance.now();
  programs = await generateDemoPrograms();
  firstRunMs = performance.now() - started;
  byId = new Map(programs.map((p) => [p.externalId, p]));
});

describe('generateDemoPrograms', () => {
  it('builds 2,400 programs in under 5 s, O*NET parsing included', () => {
    expect(programs).toHaveLength(2400);
    expect(firstRunMs).toBeLessThan(5000);
  });

  it('is deterministic for a seed and varies with the seed', async () => {
    expect(await generateDemoPrograms()).toEqual(programs);
    const other = await generateDemoPrograms({ seed: 7, count: 50 });
    expect(other).toEqual(await generateDemoPrograms({ seed: 7, count: 50 }));
    expect(other.map((p) => p.title)).not.toEqual(programs.slice(0, 50).map((p) => p.title));
  });

  it('honours count and numbers external ids demo-0001… uniquely', async () => {
    expect(await generateDemoPrograms({ count: 0 })).toEqual([]);
    expect((await generateDemoPrograms({ count: 3 })).map((p) => p.externalId)).toEqual(['demo-0001', 'demo-0002', 'demo-0003']);
    expect(new Set(programs.map((p) => p.externalId)).size).toBe(programs.length);
    for (const p of programs) expect(p.externalId).toMatch(/^demo-\d{4}$/);
    await expect(generateDemoPrograms({ count: -1 })).rejects.toThrow(RangeError);
  });

  it('passes the program schema, every one of them', () => {
    const failures = programs.flatMap((p) => {
      const result = programInputSchema.safeParse(p);
      return result.success ? [] : [`${p.externalId}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`];
    });
    expect(failures).toEqual([]);
  });

  it('covers every country, 15+ regions, every credential type and delivery mode', () => {
    expect(new Set(programs.map((p) => p.country))).toEqual(new Set(countries));
    const regions = new Set(programs.map((p) => p.region));
    expect(regions.size).toBeGreaterThanOrEqual(15);
    for (const region of ['CA-ON', 'CA-BC', 'CA-QC', 'CA-AB', 'US-NY', 'US-CA', 'US-TX', 'US-WA', 'GB-ENG', 'GB-SCT', 'IE-L', 'DE-BY', 'DE-BE', 'NL-NH', 'MY-14', 'MY-10', 'PH-00', 'AU-VIC', 'AU-NSW', 'SG-01']) {
      expect(regions, region).toContain(region);
    }
    for (const p of programs) {
      expect(p.region.startsWith(`${p.country}-`)).toBe(true);
      expect(p.providerCountry).toBe(p.country);
    }
    expect(new Set(programs.map((p) => p.credentialType))).toEqual(new Set(credentialTypes));
    expect(new Set(programs.map((p) => p.deliveryMode))).toEqual(new Set(deliveryModes));
  });

  it('places in-person and blended programs in a named city within ~25 km of the region point', () => {
    const physical = programs.filter(isPhysical);
    expect(physical.length).toBeGreaterThan(500);
    for (const p of physical) {
      const point = getSubdivision(p.region)!;
      expect(p.city, p.externalId).toBeTruthy();
      expect(distanceKm(point.lat, point.lng, p.latitude!, p.longitude!), p.externalId).toBeLessThanOrEqual(25);
      expect(p.openWorldwide).toBeUndefined();
    }
    expect(new Set(physical.map((p) => p.city)).size).toBeGreaterThanOrEqual(30);
  });

  it('opens online programs worldwide or to a list of countries, without a pin', () => {
    const online = programs.filter((p) => !isPhysical(p));
    for (const p of online) {
      expect(p.openWorldwide === true || (p.openCountries?.length ?? 0) > 0, p.externalId).toBe(true);
      expect(p.latitude).toBeUndefined();
      expect(p.city).toBeUndefined();
    }
    expect(share(online, (p) => p.openWorldwide === true)).toBeGreaterThan(0.4);
    expect(online.some((p) => (p.openCountries?.length ?? 0) > 1)).toBe(true);
  });

  it('uses mostly English, with the local languages where they are spoken', () => {
    expect(share(programs, (p) => p.languages.includes('en'))).toBeGreaterThan(0.75);
    const inRegion = (prefix: string) => programs.filter((p) => p.region.startsWith(prefix));
    expect(inRegion('CA-QC').every((p) => p.languages.includes('fr'))).toBe(true);
    for (const [prefix, language] of [['DE', 'de'], ['NL', 'nl'], ['MY', 'ms'], ['PH', 'tl']] as const) {
      expect(inRegion(prefix).some((p) => p.languages.includes(language)), language).toBe(true);
    }
  });

  it('prices in the country currency, about 10% free', () => {
    for (const p of programs) {
      expect(p.currency).toBe(currencies[p.country]);
      expect(p.cost).toBeGreaterThanOrEqual(0);
    }
    const free = share(programs, (p) => p.cost === 0);
    expect(free).toBeGreaterThan(0.06);
    expect(free).toBeLessThan(0.14);
  });

  it('keeps hours, weeks, ECTS and EQF levels in range and consistent', () => {
    for (const p of programs) {
      expect(p.hours).toBeGreaterThanOrEqual(4);
      expect(p.hours).toBeLessThanOrEqual(600);
      expect(Number.isInteger(p.weeks) && p.weeks >= 1 && p.weeks <= 52, p.externalId).toBe(true);
      expect(p.hours / p.weeks, p.externalId).toBeGreaterThanOrEqual(2);
      expect(p.hours / p.weeks, p.externalId).toBeLessThanOrEqual(45);
      if (ectsCountries.has(p.country)) expect(p.ects).toBe(Math.max(0.5, Math.round((p.hours / 27) * 2) / 2));
      else expect(p.ects).toBeUndefined();
      expect(Number.isInteger(p.eqfLevel) && p.eqfLevel >= 3 && p.eqfLevel <= 7, p.externalId).toBe(true);
      if (p.deliveryMode === 'online_self_paced') expect(p.pace).toBe('self_paced');
    }
    expect(new Set(programs.map((p) => p.eqfLevel))).toEqual(new Set([3, 4, 5, 6, 7]));
  });

  it('makes about 30% credit-bearing, each with a credit value and qualification', () => {
    const credit = share(programs, (p) => p.isCreditBearing);
    expect(credit).toBeGreaterThan(0.2);
    expect(credit).toBeLessThan(0.4);
    for (const p of programs) {
      if (p.isCreditBearing) {
        expect(p.creditValue, p.externalId).toBeGreaterThan(0);
        expect(p.creditQualification, p.externalId).toMatch(/^(Certificate|Diploma|Advanced Diploma|Associate|Bachelor|BSc|Master|MSc)/);
      } else {
        expect(p.creditValue).toBeUndefined();
      }
    }
    expect(programs.filter((p) => p.credentialType === 'micromasters').every((p) => p.isCreditBearing)).toBe(true);
  });

  it('fills assessment, quality assurance, funding, dates, links and status', () => {
    for (const p of programs) {
      expect(p.assessmentType).toBeTruthy();
      expect(p.qaType).toBeTruthy();
      expect(p.qaBody).toBeTruthy();
      expect(p.startDates.length >= 1 && p.startDates.length <= 3, p.externalId).toBe(true);
      expect([...p.startDates].sort()).toEqual(p.startDates);
      for (const date of p.startDates) {
        expect(date >= '2026-12-01' && date <= '2027-12-31', date).toBe(true);
        expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      }
      for (const link of [p.url, p.providerWebsite]) expect(['example.org', 'example.com']).toContain(new URL(link).hostname);
      expect(getIscedField(p.fieldOfStudy)?.level, p.fieldOfStudy).toBe('detailed');
    }
    expect(programs.some((p) => p.fundingOptions.length > 0)).toBe(true);
    const drafts = share(programs, (p) => p.status === 'draft');
    expect(drafts).toBeGreaterThan(0.01);
    expect(drafts).toBeLessThan(0.06);
    expect(programs.every((p) => p.status === 'draft' || p.status === 'published')).toBe(true);
    expect(new Set(programs.map((p) => p.providerName)).size).toBeGreaterThanOrEqual(40);
  });

  it('writes readable, mostly unique titles, marked demo descriptions, outcomes and skills', () => {
    expect(new Set(programs.map((p) => p.title)).size / programs.length).toBeGreaterThan(0.9);
    for (const p of programs) {
      expect(p.title).not.toMatch(/undefined|\{|\}/);
      expect(p.description.endsWith(demoMarker)).toBe(true);
      expect(p.learningOutcomes.length >= 3 && p.learningOutcomes.length <= 5, p.externalId).toBe(true);
      expect(p.skills.length).toBeGreaterThanOrEqual(2);
    }
    const skills = new Set(programs.flatMap((p) => p.skills));
    for (const skill of ['Python', 'Microsoft Excel', 'SQL']) expect(skills).toContain(skill);
    // Titles read like catalogue entries built from real occupations and hot technologies.
    for (const pattern of [/^(Python|SQL|R|Microsoft Excel) for [A-Z]/, / Boot Camp$/, /^Professional Certificate in /, / Refresher: /, / Licen[cs]e\b/]) {
      expect(programs.some((p) => pattern.test(p.title)), String(pattern)).toBe(true);
    }
  });

  it('builds ~150 stacks of badges and short courses into certificates of the same provider and field', () => {
    const parts = programs.filter((p) => p.stacksInto.length > 0 && (p.credentialType === 'digital_badge' || p.credentialType === 'short_course'));
    const certificates = new Map<string, DemoProgram[]>();
    for (const part of parts) {
      for (const id of part.stacksInto) certificates.set(id, [...(certificates.get(id) ?? []), part]);
    }
    expect(certificates.size).toBeGreaterThanOrEqual(100);
    expect(certificates.size).toBeLessThanOrEqual(220);
    for (const [id, members] of certificates) {
      const certificate = byId.get(id);
      expect(certificate, id).toBeDefined();
      expect(['professional_certificate', 'nano_degree']).toContain(certificate!.credentialType);
      expect(members.length >= 2 && members.length <= 4, id).toBe(true);
      for (const member of members) {
        expect(member.providerName).toBe(certificate!.providerName);
        expect(member.fieldOfStudy).toBe(certificate!.fieldOfStudy);
      }
    }
  });

  it('stacks some certificates into credit-bearing MicroMasters, and every link resolves', () => {
    const intoMicromasters = programs.filter((p) => (p.credentialType === 'professional_certificate' || p.credentialType === 'nano_degree') && p.stacksInto.length > 0);
    expect(intoMicromasters.length).toBeGreaterThanOrEqual(10);
    for (const certificate of intoMicromasters) {
      const target = byId.get(certificate.stacksInto[0]!)!;
      expect(target.credentialType).toBe('micromasters');
      expect(target.isCreditBearing).toBe(true);
      expect(target.providerName).toBe(certificate.providerName);
    }
    for (const p of programs) for (const id of p.stacksInto) expect(byId.has(id), `${p.externalId} → ${id}`).toBe(true);
  });

  it('links prerequisites to existing programs of the same provider', () => {
    const linked = programs.filter((p) => p.prerequisites.some((item) => /^demo-\d+$/.test(item)));
    expect(linked.length).toBeGreaterThanOrEqual(50);
    for (const p of linked) {
      for (const id of p.prerequisites.filter((item) => /^demo-\d+$/.test(item))) {
        expect(byId.get(id)?.providerName, `${p.externalId} needs ${id}`).toBe(p.providerName);
        expect(id < p.externalId).toBe(true);
      }
    }
  });

  it('scales to 100,000 programs with unique ids, reusing the parsed O*NET data', async () => {
    const started = performance.now();
    const many = await generateDemoPrograms({ count: 100_000 });
    expect(many).toHaveLength(100_000);
    expect(new Set(many.map((p) => p.externalId)).size).toBe(100_000);
    expect(many[99_999]!.externalId).toBe('demo-100000');
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

describe('reference data folder', () => {
  const saved = process.env.REFERENCE_DATA_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.REFERENCE_DATA_DIR;
    else process.env.REFERENCE_DATA_DIR = saved;
  });

  it('defaults to ../shared/data beside the repository and honours REFERENCE_DATA_DIR', () => {
    delete process.env.REFERENCE_DATA_DIR;
    expect(referenceDataDir()).toBe(path.resolve(import.meta.dirname, '../../../shared/data'));
    process.env.REFERENCE_DATA_DIR = '/srv/credpath-data';
    expect(referenceDataDir()).toBe('/srv/credpath-data');
  });

  it('names REFERENCE_DATA_DIR and the download sites when a file is missing', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'credpath-ref-'));
    process.env.REFERENCE_DATA_DIR = empty;
    try {
      expect(() => referencePath('onet-29.3', 'Occupation Data.txt')).toThrow(/REFERENCE_DATA_DIR[\s\S]*onetcenter\.org[\s\S]*esco\.ec\.europa\.eu/);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});
