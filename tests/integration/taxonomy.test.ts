import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { occupations, occupationSkills, skills } from '@/db/schema';
import { enqueueIndexing } from '@/lib/search/outbox';
import { applyIndexSettings, drainUntilEmpty } from '@/lib/search/sync';
import { readEscoOccupations, readEscoOccupationSkills, readEscoSkills } from '@/lib/skills/esco-csv';
import { isImportanceRating, readOnetJobZones, readOnetOccupations, readOnetRatings, readOnetTechnologySkills, type OnetTechnologyRow } from '@/lib/skills/onet-files';
import { loadTaxonomy, normaliseLabel, taxonomyCounts, type TaxonomyCounts } from '@/lib/skills/taxonomy-loader';

/** What the release files hold, counted here with the streaming readers (independently of the loader). */
type Source = {
  escoSkills: Set<string>;
  escoOccupations: Map<string, string>;
  escoRelations: { essential: number; optional: number; byOccupation: Map<string, { essential: number; optional: number }> };
  onetOccupations: Set<string>;
  onetElements: { skill: Set<string>; knowledge: Set<string> };
  /** `code|element id` → importance, for IM rows that are not suppressed. */
  onetImportance: Map<string, number>;
  technologies: OnetTechnologyRow[];
  jobZones: Map<string, number>;
};

async function readSource(): Promise<Source> {
  const escoSkills = new Set<string>();
  for await (const s of readEscoSkills()) escoSkills.add(s.uri);
  const escoOccupations = new Map<string, string>();
  for await (const o of readEscoOccupations()) escoOccupations.set(o.uri, o.preferredLabel);
  const escoRelations: Source['escoRelations'] = { essential: 0, optional: 0, byOccupation: new Map() };
  const pairs = new Set<string>();
  for await (const r of readEscoOccupationSkills()) {
    // Links to occupations missing from occupations_en.csv cannot be loaded.
    if (!escoOccupations.has(r.occupationUri) || !escoSkills.has(r.skillUri) || pairs.has(`${r.occupationUri}|${r.skillUri}`)) continue;
    pairs.add(`${r.occupationUri}|${r.skillUri}`);
    escoRelations[r.relationType]++;
    const entry = escoRelations.byOccupation.get(r.occupationUri) ?? { essential: 0, optional: 0 };
    entry[r.relationType]++;
    escoRelations.byOccupation.set(r.occupationUri, entry);
  }
  const onetOccupations = new Set<string>();
  for await (const o of readOnetOccupations()) onetOccupations.add(o.code);
  const onetElements = { skill: new Set<string>(), knowledge: new Set<string>() };
  const onetImportance = new Map<string, number>();
  for (const file of ['skills', 'knowledge'] as const) {
    for await (const r of readOnetRatings(file)) {
      onetElements[file === 'skills' ? 'skill' : 'knowledge'].add(r.elementId);
      if (isImportanceRating(r) && onetOccupations.has(r.code)) onetImportance.set(`${r.code}|${r.elementId}`, r.dataValue);
    }
  }
  const technologies: OnetTechnologyRow[] = [];
  for await (const t of readOnetTechnologySkills()) technologies.push(t);
  const jobZones = new Map<string, number>();
  for await (const z of readOnetJobZones()) jobZones.set(z.code, z.jobZone);
  return { escoSkills, escoOccupations, escoRelations, onetOccupations, onetElements, onetImportance, technologies, jobZones };
}

const db = () => getDb();
let source: Source;
let first: TaxonomyCounts;

async function relationCounts(): Promise<Record<string, number>> {
  const rows = await db().select({ relation: occupationSkills.relation, n: sql<number>`count(*)::int` }).from(occupationSkills).groupBy(occupationSkills.relation);
  return Object.fromEntries(rows.map((r) => [r.relation, r.n]));
}

/** O*NET technology label → the one skill row that carries it. */
async function technologyOwners(): Promise<Map<string, { id: string; source: string }>> {
  const rows = await db().execute<{ label: string; id: string; source: string }>(sql`select unnest(onet_technologies) as label, id, source from ${skills}`);
  const owners = new Map<string, { id: string; source: string }>();
  for (const r of rows) {
    expect(owners.has(r.label), `technology "${r.label}" is on more than one skill`).toBe(false);
    owners.set(r.label, { id: r.id, source: r.source });
  }
  return owners;
}

async function occupationBySourceUri(uri: string) {
  const [row] = await db().select().from(occupations).where(eq(occupations.sourceUri, uri));
  expect(row, uri).toBeDefined();
  return row!;
}

beforeAll(async () => {
  source = await readSource();
  // Start from an empty taxonomy so this is a full first load. Deleted ids are queued so the search index forgets them.
  const goneSkills = await db().delete(skills).where(inArray(skills.source, ['esco', 'onet'])).returning({ id: skills.id });
  const goneOccupations = await db().delete(occupations).where(inArray(occupations.source, ['esco', 'onet'])).returning({ id: occupations.id });
  await enqueueIndexing(db(), 'skill', goneSkills.map((r) => r.id));
  await enqueueIndexing(db(), 'occupation', goneOccupations.map((r) => r.id));
  first = await loadTaxonomy();
  console.info(`taxonomy: full load in ${(first.ms / 1000).toFixed(1)} s`, JSON.stringify(first));
}, 300_000);

// Leave the search index in step with the database for the test files that follow.
afterAll(async () => {
  await applyIndexSettings('skill');
  await applyIndexSettings('occupation');
  await drainUntilEmpty();
}, 300_000);

describe('taxonomy load', () => {
  it('loads every ESCO and O*NET skill and occupation of the releases', () => {
    // The published sizes (data README), so a reader that silently drops rows is caught too.
    expect(source.escoSkills.size).toBe(13_896);
    expect(source.escoOccupations.size).toBe(3_007);
    expect(source.onetOccupations.size).toBe(1_016);
    expect(first.skills.esco).toBe(source.escoSkills.size);
    expect(first.skills.onet).toBe(source.onetElements.skill.size + source.onetElements.knowledge.size);
    expect(source.onetElements.skill.size).toBe(35);
    expect(source.onetElements.knowledge.size).toBe(33);
    expect(first.occupations).toEqual({ esco: source.escoOccupations.size, onet: source.onetOccupations.size });
    expect(first.skills.total).toBe(first.skills.esco + first.skills.onet + first.skills.onetTech);
  });

  it('puts every O*NET technology on exactly one skill: the matching ESCO skill or its own tool row', async () => {
    const owners = await technologyOwners();
    const labels = new Set(source.technologies.map((t) => t.example));
    expect(first.technologies).toBe(labels.size);
    expect(new Set(owners.keys())).toEqual(labels);
    const matched = [...owners.values()].filter((o) => o.source === 'esco').length;
    expect(first.technologiesMatchedToEsco).toBe(matched);
    expect(matched).toBeGreaterThan(50);
    // One tool row per normalised label that no ESCO skill took.
    const unmatchedKeys = new Set([...labels].filter((l) => owners.get(l)!.source !== 'esco').map(normaliseLabel));
    expect(first.skills.onetTech).toBe(unmatchedKeys.size);
    // A tool row never duplicates an ESCO skill's preferred label.
    const [clash] = await db().execute(sql`
      select preferred_label from ${skills}
      where source_uri like 'onet-tech:%' and lower(preferred_label) in (select lower(preferred_label) from ${skills} where source = 'esco')
      limit 1`);
    expect(clash).toBeUndefined();
  });

  it('links occupations to skills as the sources say, once per pair', async () => {
    const owners = await technologyOwners();
    const technologyPairs = new Set(source.technologies.filter((t) => source.onetOccupations.has(t.code)).map((t) => `${t.code}|${owners.get(t.example)!.id}`));
    const expected = {
      essential: source.escoRelations.essential,
      optional: source.escoRelations.optional,
      rated: source.onetImportance.size,
      technology: technologyPairs.size,
    };
    expect(await relationCounts()).toEqual(expected);
    expect(first.occupationSkills).toBe(expected.essential + expected.optional + expected.rated + expected.technology);
  });

  it('resolves the O*NET technology "Python" to the ESCO skill Python (computer programming)', async () => {
    const rows = await db().select().from(skills).where(sql`'Python' = any(${skills.onetTechnologies})`);
    expect(rows).toHaveLength(1);
    const python = rows[0]!;
    expect(python).toMatchObject({ source: 'esco', preferredLabel: 'Python (computer programming)', kind: 'knowledge', isHotTechnology: true });
    expect(python.altLabels).toContain('Python3');
    expect(python.altLabels).not.toContain('Python (computer programming)');
    const inDemand = new Set(source.technologies.filter((t) => t.example === 'Python' && t.isInDemand).map((t) => t.code));
    expect(python.inDemandOccupations).toBe(inDemand.size);
    expect(python.onetCommodityCodes).toContain('43232405');

    const developers = await occupationBySourceUri('onet:15-1252.00');
    const [link] = await db().select().from(occupationSkills).where(and(eq(occupationSkills.occupationId, developers.id), eq(occupationSkills.skillId, python.id)));
    const row = source.technologies.find((t) => t.code === '15-1252.00' && t.example === 'Python')!;
    expect(link).toMatchObject({ relation: 'technology', isInDemand: row.isInDemand, importance: row.isInDemand ? 3.5 : 2.5 });
  });

  it('keeps technologies no ESCO skill matches as O*NET tool rows', async () => {
    const [excel] = await db().select().from(skills).where(sql`'Microsoft Excel' = any(${skills.onetTechnologies})`);
    expect(excel).toMatchObject({ source: 'onet', kind: 'tool', sourceUri: 'onet-tech:microsoft excel', preferredLabel: 'Microsoft Excel', altLabels: [], isHotTechnology: true });
    expect(excel!.description).toBe(source.technologies.find((t) => t.example === 'Microsoft Excel')!.commodityTitle);
  });

  it('gives O*NET Software Developers (15-1252.00) its job zone, alternate titles and technologies, most in demand first', async () => {
    const developers = await occupationBySourceUri('onet:15-1252.00');
    expect(developers).toMatchObject({ source: 'onet', code: '15-1252.00', title: 'Software Developers', jobZone: source.jobZones.get('15-1252.00') });
    expect(developers.altTitles.length).toBeGreaterThan(10);
    expect(developers.altTitles.length).toBeLessThanOrEqual(50);
    expect(new Set(developers.altTitles.map((t) => t.toLowerCase())).size).toBe(developers.altTitles.length);

    const linked = await db()
      .select({ label: skills.preferredLabel, importance: occupationSkills.importance, isInDemand: occupationSkills.isInDemand })
      .from(occupationSkills)
      .innerJoin(skills, eq(skills.id, occupationSkills.skillId))
      .where(eq(occupationSkills.occupationId, developers.id))
      .orderBy(desc(occupationSkills.importance), skills.preferredLabel);
    // O*NET 29.3 publishes no Skills/Knowledge ratings for 15-1252.00: its skills are its technologies.
    const inDemand = new Set(source.technologies.filter((t) => t.code === '15-1252.00' && t.isInDemand).map((t) => t.example));
    expect(inDemand.size).toBeGreaterThan(0);
    expect(linked.length).toBeGreaterThan(inDemand.size);
    expect(linked.slice(0, inDemand.size).every((l) => l.isInDemand && l.importance === 3.5)).toBe(true);
    expect(linked.slice(inDemand.size).every((l) => !l.isInDemand && l.importance === 2.5)).toBe(true);
  });

  it('rates O*NET Computer Programmers (15-1251.00) on skills and knowledge with the published importance, in order', async () => {
    const programmers = await occupationBySourceUri('onet:15-1251.00');
    const rated = await db()
      .select({ label: skills.preferredLabel, sourceUri: skills.sourceUri, importance: occupationSkills.importance })
      .from(occupationSkills)
      .innerJoin(skills, eq(skills.id, occupationSkills.skillId))
      .where(and(eq(occupationSkills.occupationId, programmers.id), eq(occupationSkills.relation, 'rated')))
      .orderBy(desc(occupationSkills.importance));
    const published = [...source.onetImportance].filter(([key]) => key.startsWith('15-1251.00|'));
    expect(rated).toHaveLength(published.length);
    for (const r of rated) expect(r.importance).toBe(source.onetImportance.get(`15-1251.00|${r.sourceUri.slice('onet:'.length)}`));
    const importances = rated.map((r) => r.importance);
    expect(importances).toEqual(importances.toSorted((a, b) => b - a));
    expect(rated.find((r) => r.label === 'Programming')!.importance).toBeGreaterThanOrEqual(4);
    const [programming] = await db().select().from(skills).where(eq(skills.preferredLabel, 'Programming'));
    expect(programming).toMatchObject({ source: 'onet', kind: 'skill', sourceUri: 'onet:2.B.3.e' });
    expect(programming!.description).toMatch(/computer programs/i);
  });

  it('gives ESCO software developer its essential (4) and optional (2) skills', async () => {
    const [developer] = await db().select().from(occupations).where(and(eq(occupations.source, 'esco'), eq(occupations.title, 'software developer')));
    expect(developer).toMatchObject({ code: '2512.4', iscoGroup: '2512' });
    const expected = source.escoRelations.byOccupation.get(developer!.sourceUri)!;
    expect(expected.essential).toBeGreaterThan(0);
    const links = await db()
      .select({ relation: occupationSkills.relation, importance: occupationSkills.importance, n: sql<number>`count(*)::int` })
      .from(occupationSkills)
      .where(eq(occupationSkills.occupationId, developer!.id))
      .groupBy(occupationSkills.relation, occupationSkills.importance);
    expect(links.toSorted((a, b) => b.importance - a.importance)).toEqual([
      { relation: 'essential', importance: 4, n: expected.essential },
      { relation: 'optional', importance: 2, n: expected.optional },
    ]);
  });

  it('queues every loaded skill and occupation for search indexing', async () => {
    const [queued] = await db().execute<{ skills: number; occupations: number }>(sql`
      select count(distinct o.entity_id) filter (where o.entity = 'skill' and s.id is not null)::int as skills,
             count(distinct o.entity_id) filter (where o.entity = 'occupation' and oc.id is not null)::int as occupations
      from search_outbox o
      left join ${skills} s on s.id = o.entity_id and s.source in ('esco', 'onet')
      left join ${occupations} oc on oc.id = o.entity_id`);
    expect(queued).toEqual({ skills: first.skills.total, occupations: first.occupations.esco + first.occupations.onet });
  });

  it('changes nothing on a second load: same rows, same ids, nothing rewritten or re-queued', async () => {
    const snapshot = async () => {
      const [row] = await db().execute<{ skills: string; occupations: string; links: string; updated: string; outbox: number }>(sql`
        select (select md5(string_agg(id::text || source_uri, ',' order by source_uri)) from ${skills}) as skills,
               (select md5(string_agg(id::text || source_uri, ',' order by source_uri)) from ${occupations}) as occupations,
               (select md5(string_agg(occupation_id::text || skill_id::text || relation || importance::text || is_in_demand::text, ',' order by occupation_id, skill_id)) from ${occupationSkills}) as links,
               (select max(updated_at)::text from ${skills}) as updated,
               (select count(*)::int from search_outbox) as outbox`);
      return row;
    };
    const before = await snapshot();
    const second = await loadTaxonomy();
    expect({ ...second, ms: 0 }).toEqual({ ...first, ms: 0 });
    expect(await snapshot()).toEqual(before);
    expect({ ...(await taxonomyCounts(db())), ms: 0 }).toEqual({ ...first, ms: 0 });
  }, 120_000);

  it('writes nothing when a load fails midway, and the next load repairs drift and re-queues only that skill', async () => {
    const [python] = await db().select().from(skills).where(eq(skills.preferredLabel, 'Python (computer programming)'));
    await db().update(skills).set({ preferredLabel: 'tampered' }).where(eq(skills.id, python!.id));
    const outbox = async () =>
      (await db().execute<{ all: number; python: number }>(sql`select count(*)::int as all, (count(*) filter (where entity_id = ${python!.id}))::int as python from search_outbox`))[0]!;
    const queuedBefore = await outbox();

    // Progress is reported inside the transaction: failing there comes after the skills were upserted.
    const failing = loadTaxonomy({
      onProgress: (message) => {
        if (message.includes('occupation–skill links')) throw new Error('injected failure');
      },
    });
    await expect(failing).rejects.toThrow('injected failure');
    const [afterFailure] = await db().select().from(skills).where(eq(skills.id, python!.id));
    expect(afterFailure!.preferredLabel).toBe('tampered');
    expect(await outbox()).toEqual(queuedBefore);

    const repaired = await loadTaxonomy();
    expect({ ...repaired, ms: 0 }).toEqual({ ...first, ms: 0 });
    const [afterRepair] = await db().select().from(skills).where(eq(skills.id, python!.id));
    expect(afterRepair!.preferredLabel).toBe('Python (computer programming)');
    expect(await outbox()).toEqual({ all: queuedBefore.all + 1, python: queuedBefore.python + 1 });
  }, 120_000);
});
