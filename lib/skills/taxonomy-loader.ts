import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db';
import { occupations, occupationSkills, skills } from '@/db/schema';
import { enqueueIndexing } from '@/lib/search/outbox';
import { loadLabourMarketSignals } from '@/lib/demand/labour-market';
import { readEscoOccupations, readEscoOccupationSkills, readEscoSkills } from './esco-csv';
import {
  isImportanceRating,
  readOnetAlternateTitles,
  readOnetContentModel,
  readOnetJobZones,
  readOnetOccupations,
  readOnetRatings,
  readOnetTechnologySkills,
} from './onet-files';

/*
 * Loads the skills taxonomy (ESCO backbone, O*NET linked) from the reference data
 * releases. The files are read as streams and aggregated in memory (about 23,000 skills
 * and 216,000 occupation links), then written in one transaction with bulk statements:
 * a failure leaves the previous taxonomy untouched, and a reload rewrites only rows whose
 * content changed, so running it twice changes nothing and duplicates nothing.
 */

export type TaxonomyCounts = {
  skills: { esco: number; onet: number; onetTech: number; total: number };
  occupations: { esco: number; onet: number };
  occupationSkills: number;
  /** Distinct O*NET technology labels loaded, and how many were merged into an ESCO skill. */
  technologies: number;
  technologiesMatchedToEsco: number;
  ms: number;
};

export type LoadTaxonomyOptions = { onProgress?: (message: string) => void };

type SkillKind = (typeof skills.$inferInsert)['kind'];
type Relation = (typeof occupationSkills.$inferInsert)['relation'];

type SkillRow = {
  source: 'esco' | 'onet';
  sourceUri: string;
  preferredLabel: string;
  altLabels: string[];
  description: string | null;
  kind: SkillKind;
  reuseLevel: string | null;
  onetTechnologies: string[];
  onetCommodityCodes: string[];
  isHotTechnology: boolean;
  inDemandOccupations: number;
};

type OccupationRow = {
  source: 'esco' | 'onet';
  sourceUri: string;
  code: string;
  title: string;
  altTitles: string[];
  description: string | null;
  iscoGroup: string | null;
  jobZone: number | null;
};

type Link = { relation: Relation; importance: number; isInDemand: boolean };

const maxOnetAltTitles = 50;
const escoImportance = { essential: 4, optional: 2 } as const;
const technologyImportance = { inDemand: 3.5, other: 2.5 } as const;
const loadedSources = ['esco', 'onet'] as const;

/* ——— label matching ——— */

/** Lower-case, NFKC, single spaces: how two labels are compared. */
export const normaliseLabel = (label: string) => label.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The keys a label is compared by: the normalised label, then without a trailing
 * parenthetical, so O*NET "Python" meets ESCO "Python (computer programming)".
 */
export function comparisonKeys(label: string): string[] {
  const full = normaliseLabel(label);
  const stripped = full.replace(/\s*\([^()]*\)$/, '').trim();
  return stripped && stripped !== full ? [full, stripped] : [full];
}

/** Alternate labels without blanks, repeats (ignoring case) or the preferred label itself. */
function distinctLabels(preferred: string, labels: Iterable<string>, cap = Infinity): string[] {
  const seen = new Set([normaliseLabel(preferred)]);
  const out: string[] = [];
  for (const label of labels) {
    const key = normaliseLabel(label);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(label.trim());
    if (out.length >= cap) break;
  }
  return out;
}

/** How good a match is: lower wins. Preferred labels beat alternates, exact beats stripped, knowledge beats skills. */
type MatchRank = [isStripped: number, kindRank: number];
type LabelCandidate = { skill: number; isStripped: boolean };

function buildLabelIndex(rows: SkillRow[]): Map<string, LabelCandidate[]> {
  const index = new Map<string, LabelCandidate[]>();
  const add = (key: string, candidate: LabelCandidate) => {
    const list = index.get(key);
    if (!list) return void index.set(key, [candidate]);
    if (!list.some((c) => c.skill === candidate.skill && c.isStripped <= candidate.isStripped)) list.push(candidate);
  };
  rows.forEach((row, skill) => {
    comparisonKeys(row.preferredLabel).forEach((key, k) => add(key, { skill, isStripped: k > 0 }));
    // Only preferred labels: ESCO alt/hidden labels would fold named tools into broad concepts
    // (Git → "tools for software configuration management"), which a picker must not do.
  });
  return index;
}

function bestMatch(label: string, index: Map<string, LabelCandidate[]>, rows: SkillRow[]): number | undefined {
  let best: { skill: number; rank: MatchRank } | undefined;
  comparisonKeys(label).forEach((key, k) => {
    for (const c of index.get(key) ?? []) {
      const rank: MatchRank = [c.isStripped || k > 0 ? 1 : 0, rows[c.skill]!.kind === 'knowledge' ? 0 : 1];
      const isBetter =
        !best ||
        compareRanks(rank, best.rank) < 0 ||
        // Ties go to the earlier row in the file, so the choice is stable across reloads.
        (compareRanks(rank, best.rank) === 0 && c.skill < best.skill);
      if (isBetter) best = { skill: c.skill, rank };
    }
  });
  return best?.skill;
}

function compareRanks(a: MatchRank, b: MatchRank): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/* ——— reading the releases ——— */

type Taxonomy = {
  skillRows: SkillRow[];
  occupationRows: OccupationRow[];
  /** Key: occupation index × 1e6 + skill index. */
  links: Map<number, Link>;
  technologies: number;
  technologiesMatchedToEsco: number;
};

const linkKey = (occupation: number, skill: number) => occupation * 1_000_000 + skill;

async function readTaxonomy(progress: (message: string) => void): Promise<Taxonomy> {
  const skillRows: SkillRow[] = [];
  const skillByUri = new Map<string, number>();
  const occupationRows: OccupationRow[] = [];
  const occupationByUri = new Map<string, number>();
  const links = new Map<number, Link>();
  const addSkill = (row: SkillRow) => {
    const existing = skillByUri.get(row.sourceUri);
    if (existing !== undefined) return existing;
    skillByUri.set(row.sourceUri, skillRows.push(row) - 1);
    return skillRows.length - 1;
  };
  const addOccupation = (row: OccupationRow) => {
    if (occupationByUri.has(row.sourceUri)) return;
    occupationByUri.set(row.sourceUri, occupationRows.push(row) - 1);
  };
  // A pair appears once: the strongest reason wins; In Demand sticks if any row says so.
  const addLink = (occupation: number, skill: number, link: Link) => {
    const key = linkKey(occupation, skill);
    const existing = links.get(key);
    if (!existing) return void links.set(key, link);
    const isInDemand = existing.isInDemand || link.isInDemand;
    if (link.importance > existing.importance) links.set(key, { ...link, isInDemand });
    else existing.isInDemand = isInDemand;
  };

  progress('reading ESCO skills…');
  for await (const s of readEscoSkills()) {
    addSkill({
      source: 'esco',
      sourceUri: s.uri,
      preferredLabel: s.preferredLabel,
      altLabels: distinctLabels(s.preferredLabel, [...s.altLabels, ...s.hiddenLabels]),
      description: s.description || null,
      kind: s.skillType === 'knowledge' ? 'knowledge' : 'skill',
      reuseLevel: s.reuseLevel || null,
      onetTechnologies: [],
      onetCommodityCodes: [],
      isHotTechnology: false,
      inDemandOccupations: 0,
    });
  }
  const escoSkillCount = skillRows.length;

  progress('reading ESCO occupations…');
  for await (const o of readEscoOccupations()) {
    addOccupation({
      source: 'esco',
      sourceUri: o.uri,
      code: o.code,
      title: o.preferredLabel,
      altTitles: distinctLabels(o.preferredLabel, o.altLabels),
      description: o.description || null,
      iscoGroup: o.iscoGroup || null,
      jobZone: null,
    });
  }

  progress('reading O*NET occupations…');
  const jobZones = new Map<string, number>();
  for await (const z of readOnetJobZones()) jobZones.set(z.code, z.jobZone);
  const altTitles = new Map<string, { short: string[]; alternate: Array<{ title: string; sources: number }> }>();
  for await (const a of readOnetAlternateTitles()) {
    let entry = altTitles.get(a.code);
    if (!entry) altTitles.set(a.code, (entry = { short: [], alternate: [] }));
    if (a.shortTitle) entry.short.push(a.shortTitle);
    entry.alternate.push({ title: a.alternateTitle, sources: a.sources.length });
  }
  for await (const o of readOnetOccupations()) {
    const titles = altTitles.get(o.code);
    // Short titles (CEO, RN) first, then the titles most sources attest: they survive the cap.
    const ranked = titles ? [...titles.short, ...titles.alternate.toSorted((a, b) => b.sources - a.sources).map((t) => t.title)] : [];
    addOccupation({
      source: 'onet',
      sourceUri: `onet:${o.code}`,
      code: o.code,
      title: o.title,
      altTitles: distinctLabels(o.title, ranked, maxOnetAltTitles),
      description: o.description || null,
      iscoGroup: null,
      jobZone: jobZones.get(o.code) ?? null,
    });
  }

  progress('reading ESCO occupation–skill relations…');
  let skippedEsco = 0;
  for await (const r of readEscoOccupationSkills()) {
    const occupation = occupationByUri.get(r.occupationUri);
    const skill = skillByUri.get(r.skillUri);
    if (occupation === undefined || skill === undefined) {
      skippedEsco++;
      continue;
    }
    addLink(occupation, skill, { relation: r.relationType, importance: escoImportance[r.relationType], isInDemand: false });
  }
  if (skippedEsco) progress(`skipped ${skippedEsco} ESCO relations naming an occupation or skill not in the release`);

  progress('reading O*NET skills and knowledge…');
  const descriptions = new Map<string, string>();
  for await (const e of readOnetContentModel()) descriptions.set(e.elementId, e.description);
  let skippedRatings = 0;
  for (const file of ['skills', 'knowledge'] as const) {
    for await (const r of readOnetRatings(file)) {
      const skill = addSkill({
        source: 'onet',
        sourceUri: `onet:${r.elementId}`,
        preferredLabel: r.elementName,
        altLabels: [],
        description: descriptions.get(r.elementId) || null,
        kind: file === 'skills' ? 'skill' : 'knowledge',
        reuseLevel: null,
        onetTechnologies: [],
        onetCommodityCodes: [],
        isHotTechnology: false,
        inDemandOccupations: 0,
      });
      if (!isImportanceRating(r)) continue;
      const occupation = occupationByUri.get(`onet:${r.code}`);
      if (occupation === undefined) {
        skippedRatings++;
        continue;
      }
      addLink(occupation, skill, { relation: 'rated', importance: r.dataValue, isInDemand: false });
    }
  }
  if (skippedRatings) progress(`skipped ${skippedRatings} O*NET ratings for occupations not in Occupation Data`);

  progress('reading O*NET technology skills and matching them to ESCO…');
  type Technology = { key: string; labels: string[]; commodityCodes: Set<string>; commodityTitles: Map<string, number>; isHot: boolean };
  const technologies = new Map<string, Technology>();
  const technologyRows: Array<{ code: string; key: string; isInDemand: boolean }> = [];
  for await (const t of readOnetTechnologySkills()) {
    const key = normaliseLabel(t.example);
    let tech = technologies.get(key);
    if (!tech) technologies.set(key, (tech = { key, labels: [], commodityCodes: new Set(), commodityTitles: new Map(), isHot: false }));
    if (!tech.labels.includes(t.example)) tech.labels.push(t.example);
    if (t.commodityCode) tech.commodityCodes.add(t.commodityCode);
    if (t.commodityTitle) tech.commodityTitles.set(t.commodityTitle, (tech.commodityTitles.get(t.commodityTitle) ?? 0) + 1);
    tech.isHot ||= t.isHotTechnology;
    technologyRows.push({ code: t.code, key, isInDemand: t.isInDemand });
  }

  const labelIndex = buildLabelIndex(skillRows.slice(0, escoSkillCount));
  const technologySkill = new Map<string, number>();
  let matchedLabels = 0;
  for (const tech of technologies.values()) {
    let skill = bestMatch(tech.labels[0]!, labelIndex, skillRows);
    if (skill !== undefined) matchedLabels += tech.labels.length;
    else {
      const [description] = [...tech.commodityTitles].sort((a, b) => b[1] - a[1]).map(([title]) => title);
      skill = addSkill({
        source: 'onet',
        sourceUri: `onet-tech:${tech.key}`,
        preferredLabel: tech.labels[0]!,
        altLabels: [],
        description: description ?? null,
        kind: 'tool',
        reuseLevel: null,
        onetTechnologies: [],
        onetCommodityCodes: [],
        isHotTechnology: false,
        inDemandOccupations: 0,
      });
    }
    const row = skillRows[skill]!;
    row.onetTechnologies.push(...tech.labels);
    row.onetCommodityCodes.push(...tech.commodityCodes);
    row.isHotTechnology ||= tech.isHot;
    technologySkill.set(tech.key, skill);
  }

  const inDemandCodes = new Map<number, Set<string>>();
  for (const t of technologyRows) {
    const skill = technologySkill.get(t.key)!;
    if (t.isInDemand) {
      let codes = inDemandCodes.get(skill);
      if (!codes) inDemandCodes.set(skill, (codes = new Set()));
      codes.add(t.code);
    }
    const occupation = occupationByUri.get(`onet:${t.code}`);
    if (occupation === undefined) continue;
    addLink(occupation, skill, { relation: 'technology', importance: t.isInDemand ? technologyImportance.inDemand : technologyImportance.other, isInDemand: t.isInDemand });
  }
  for (const [skill, codes] of inDemandCodes) skillRows[skill]!.inDemandOccupations = codes.size;
  // Stable array order, so a reload compares equal and rewrites nothing.
  for (const row of skillRows) {
    if (row.onetTechnologies.length > 1) row.onetTechnologies.sort();
    row.onetCommodityCodes = [...new Set(row.onetCommodityCodes)].sort();
  }

  const totalLabels = [...technologies.values()].reduce((n, t) => n + t.labels.length, 0);
  progress(`matched ${matchedLabels.toLocaleString('en')} of ${totalLabels.toLocaleString('en')} O*NET technologies to ESCO skills (${((100 * matchedLabels) / Math.max(totalLabels, 1)).toFixed(1)}%)`);
  return { skillRows, occupationRows, links, technologies: totalLabels, technologiesMatchedToEsco: matchedLabels };
}

/* ——— writing ——— */

/*
 * Bulk statements carry each chunk as a few large parameters (a JSON recordset, or one
 * array per column) rather than one bind value per cell: building 60,000-value statements
 * costs far more time in the query builder than Postgres spends running them, and this
 * stays clear of the 65,534-parameter limit whatever the chunk size.
 */
const rowsPerStatement = 10_000;

function* chunks<T>(rows: T[], size = rowsPerStatement): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type ColumnTypes<T> = ReadonlyArray<readonly [key: keyof T & string, pgType: string]>;

const skillColumns = [
  ['source', 'skill_source'], ['sourceUri', 'text'], ['preferredLabel', 'text'], ['altLabels', 'text[]'], ['description', 'text'], ['kind', 'skill_kind'],
  ['reuseLevel', 'text'], ['onetTechnologies', 'text[]'], ['onetCommodityCodes', 'text[]'], ['isHotTechnology', 'boolean'], ['inDemandOccupations', 'integer'],
] as const satisfies ColumnTypes<SkillRow>;

const occupationColumns = [
  ['source', 'occupation_source'], ['sourceUri', 'text'], ['code', 'text'], ['title', 'text'], ['altTitles', 'text[]'], ['description', 'text'], ['iscoGroup', 'text'], ['jobZone', 'integer'],
] as const satisfies ColumnTypes<OccupationRow>;

/**
 * Upserts rows by `source_uri`. Rows whose content is unchanged are left alone (no write,
 * no `updated_at` bump), so only inserted or changed ids come back: those need indexing.
 */
async function upsertBySourceUri<T>(tx: Tx, table: 'skills' | 'occupations', columns: ColumnTypes<T>, rows: T[], touch = ''): Promise<string[]> {
  const names = columns.map(([key]) => snakeCase(key));
  const updatable = names.filter((n) => n !== 'source_uri');
  const head = sql.raw(`
    insert into ${table} (${names.join(', ')})
    select ${columns.map(([key]) => `r."${key}"`).join(', ')}
    from jsonb_to_recordset(`);
  const tail = sql.raw(`::jsonb) as r(${columns.map(([key, type]) => `"${key}" ${type}`).join(', ')})
    on conflict (source_uri) do update set ${[...updatable.map((n) => `${n} = excluded.${n}`), ...(touch ? [touch] : [])].join(', ')}
    where (${updatable.map((n) => `${table}.${n}`).join(', ')}) is distinct from (${updatable.map((n) => `excluded.${n}`).join(', ')})
    returning id`);
  const changed: string[] = [];
  for (const chunk of chunks(rows)) {
    const written = await tx.execute<{ id: string }>(sql`${head}${JSON.stringify(chunk)}${tail}`);
    for (const r of written) changed.push(r.id);
  }
  return changed;
}

async function idsBySourceUri(tx: Tx, table: typeof skills | typeof occupations): Promise<Map<string, string>> {
  const rows = await tx.select({ id: table.id, sourceUri: table.sourceUri }).from(table).where(inArray(table.source, [...loadedSources]));
  return new Map(rows.map((r) => [r.sourceUri, r.id]));
}

type LinkRow = { occupationId: string; skillId: string; relation: Relation; importance: number; isInDemand: boolean };

/** A Postgres array literal; only for uuids, numbers, booleans and plain words (nothing to escape). */
const arrayLiteral = (values: Array<string | number | boolean>) => `{${values.join(',')}}`;

/**
 * Replaces the links of ESCO/O*NET skills with `rows` by difference (links to custom
 * skills are kept). Returns the skills whose links changed: their search documents
 * carry an occupation count.
 */
async function syncLinks(tx: Tx, rows: LinkRow[]): Promise<string[]> {
  // Session-local staging table, dropped at commit.
  await tx.execute(sql`
    create temp table taxonomy_link_stage (
      occupation_id uuid not null, skill_id uuid not null, relation text not null,
      importance double precision not null, is_in_demand boolean not null
    ) on commit drop`);
  for (const chunk of chunks(rows, 25_000)) {
    await tx.execute(sql`
      insert into taxonomy_link_stage
      select * from unnest(
        ${arrayLiteral(chunk.map((r) => r.occupationId))}::uuid[], ${arrayLiteral(chunk.map((r) => r.skillId))}::uuid[],
        ${arrayLiteral(chunk.map((r) => r.relation))}::text[], ${arrayLiteral(chunk.map((r) => r.importance))}::float8[],
        ${arrayLiteral(chunk.map((r) => r.isInDemand))}::boolean[])`);
  }
  await tx.execute(sql`analyze taxonomy_link_stage`);
  const removed = await tx.execute<{ skill_id: string }>(sql`
    with removed as (
      delete from ${occupationSkills} os using ${skills} s
      where s.id = os.skill_id and s.source in ('esco', 'onet')
        and not exists (select 1 from taxonomy_link_stage st where st.occupation_id = os.occupation_id and st.skill_id = os.skill_id)
      returning os.skill_id)
    select distinct skill_id from removed`);
  const written = await tx.execute<{ skill_id: string }>(sql`
    with written as (
      insert into ${occupationSkills} (occupation_id, skill_id, relation, importance, is_in_demand)
      select occupation_id, skill_id, relation, importance, is_in_demand from taxonomy_link_stage
      on conflict (occupation_id, skill_id) do update
        set relation = excluded.relation, importance = excluded.importance, is_in_demand = excluded.is_in_demand
        where (occupation_skills.relation, occupation_skills.importance, occupation_skills.is_in_demand)
          is distinct from (excluded.relation, excluded.importance, excluded.is_in_demand)
      returning skill_id)
    select distinct skill_id from written`);
  return [...new Set([...removed, ...written].map((r) => r.skill_id))];
}

/** Deletes ESCO/O*NET rows the releases no longer have (e.g. a technology now merged into ESCO). */
async function pruneStale(tx: Tx, table: typeof skills | typeof occupations, ids: Map<string, string>, loaded: Set<string>): Promise<string[]> {
  const stale = [...ids].filter(([uri]) => !loaded.has(uri)).map(([, id]) => id);
  // inArray binds one parameter per id: keep each statement under the limit.
  for (const chunk of chunks(stale, 30_000)) await tx.delete(table).where(inArray(table.id, chunk));
  return stale;
}

/**
 * Loads ESCO skills and occupations, O*NET skills, knowledge, technologies and
 * occupations, and the occupation–skill links, in one transaction.
 */
export async function loadTaxonomy(opts: LoadTaxonomyOptions = {}): Promise<TaxonomyCounts> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => {});
  const taxonomy = await readTaxonomy(progress);
  const { skillRows, occupationRows } = taxonomy;

  const counts = await getDb().transaction(async (tx) => {
    // Two loads at once would race on the same rows: the second waits for the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('credpath:taxonomy-load'))`);
    progress(`writing ${skillRows.length.toLocaleString('en')} skills…`);
    const changedSkills = await upsertBySourceUri(tx, 'skills', skillColumns, skillRows, 'updated_at = now()');
    progress(`writing ${occupationRows.length.toLocaleString('en')} occupations…`);
    const changedOccupations = await upsertBySourceUri(tx, 'occupations', occupationColumns, occupationRows);

    const skillIds = await idsBySourceUri(tx, skills);
    const occupationIds = await idsBySourceUri(tx, occupations);
    const linkRows: LinkRow[] = [];
    for (const [key, link] of taxonomy.links) {
      const occupation = occupationIds.get(occupationRows[Math.floor(key / 1_000_000)]!.sourceUri)!;
      const skill = skillIds.get(skillRows[key % 1_000_000]!.sourceUri)!;
      linkRows.push({ occupationId: occupation, skillId: skill, relation: link.relation, importance: link.importance, isInDemand: link.isInDemand });
    }
    progress(`writing ${linkRows.length.toLocaleString('en')} occupation–skill links…`);
    const relinkedSkills = await syncLinks(tx, linkRows);

    const prunedSkills = await pruneStale(tx, skills, skillIds, new Set(skillRows.map((r) => r.sourceUri)));
    const prunedOccupations = await pruneStale(tx, occupations, occupationIds, new Set(occupationRows.map((r) => r.sourceUri)));
    if (prunedSkills.length || prunedOccupations.length) progress(`removed ${prunedSkills.length} skills and ${prunedOccupations.length} occupations no longer in the releases`);

    await loadLabourMarketSignals(tx, progress);

    // Fresh statistics, so queries right after a bulk load get sensible plans.
    await tx.execute(sql`analyze ${skills}, ${occupations}, ${occupationSkills}`);

    const skillsToIndex = [...changedSkills, ...relinkedSkills, ...prunedSkills];
    const occupationsToIndex = [...changedOccupations, ...prunedOccupations];
    progress(`queueing ${new Set(skillsToIndex).size.toLocaleString('en')} skills and ${new Set(occupationsToIndex).size.toLocaleString('en')} occupations for search indexing…`);
    await enqueueIndexing(tx, 'skill', skillsToIndex);
    await enqueueIndexing(tx, 'occupation', occupationsToIndex);
    return taxonomyCounts(tx);
  });
  return { ...counts, ms: Math.round(performance.now() - started) };
}

/** What the database holds now, by source. */
export async function taxonomyCounts(db: Db): Promise<Omit<TaxonomyCounts, 'ms'>> {
  const [s] = await db.execute<{ esco: number; onet: number; onet_tech: number; technologies: number; matched: number }>(sql`
    select count(*) filter (where source = 'esco')::int as esco,
           count(*) filter (where source = 'onet' and source_uri like 'onet:%')::int as onet,
           count(*) filter (where source = 'onet' and source_uri like 'onet-tech:%')::int as onet_tech,
           coalesce(sum(cardinality(onet_technologies)) filter (where source in ('esco', 'onet')), 0)::int as technologies,
           coalesce(sum(cardinality(onet_technologies)) filter (where source = 'esco'), 0)::int as matched
    from ${skills}`);
  const [o] = await db.execute<{ esco: number; onet: number }>(sql`
    select count(*) filter (where source = 'esco')::int as esco, count(*) filter (where source = 'onet')::int as onet from ${occupations}`);
  const [l] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${occupationSkills}`);
  return {
    skills: { esco: s!.esco, onet: s!.onet, onetTech: s!.onet_tech, total: s!.esco + s!.onet + s!.onet_tech },
    occupations: { esco: o!.esco, onet: o!.onet },
    occupationSkills: l!.n,
    technologies: s!.technologies,
    technologiesMatchedToEsco: s!.matched,
  };
}
