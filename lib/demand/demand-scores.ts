import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, getDb } from '@/db';
import { AppError, parseInput } from '@/lib/errors';
import { countries, subdivisions } from '@/lib/geo/regions';
import { uuidArray } from '@/lib/ids';

/*
 * Demand score of a skill in a region, 0–100: a noisy-OR of its signals, so each signal adds
 * to the score without any one pushing it past 100, and several weak signals add up.
 *   contribution = strength × weight × (1, or `proxyFactor` for a US signal used elsewhere)
 *                  × ½^(age / half-life)
 * Labour-market statistics age slowly (published yearly); employer gaps are fresh news and
 * fade within months of being opened. Scores are computed at read time, so a gap that
 * opens or closes changes them at once.
 */
export const demandWeights = { hot_technology: 0.45, in_demand_technology: 0.45, regional_employment: 0.5 } as const;
export const demandModel = {
  /** O*NET is a US signal: elsewhere it stands in, at half weight, until local data exists. */
  proxyFactor: 0.5,
  labourMarketHalfLifeDays: 1095,
  employerGapHalfLifeDays: 90,
  /** A skill scoring at least this much is shown as in demand. */
  inDemandThreshold: 25,
} as const;

export type DemandRegion = { code: string; country: string; name: string; isCountry: boolean };

const countryByCode = new Map(countries.map((c) => [c.code, c]));
const subdivisionByCode = new Map(subdivisions.map((s) => [s.code, s]));

/** A region code as ISO writes it: a country (`US`) or a subdivision (`US-NY`); null when unknown. */
export function findRegion(code: string | null | undefined): DemandRegion | null {
  const upper = code?.trim().toUpperCase() ?? '';
  const country = countryByCode.get(upper);
  if (country) return { code: country.code, country: country.code, name: country.name, isCountry: true };
  const subdivision = subdivisionByCode.get(upper);
  if (subdivision) return { code: subdivision.code, country: subdivision.country, name: `${subdivision.name}, ${countryByCode.get(subdivision.country)?.name ?? subdivision.country}`, isCountry: false };
  return null;
}

export const inDemandQuerySchema = z.object({
  region: z
    .string({ error: 'Give a region: an ISO country code such as US, or a subdivision code such as US-NY.' })
    .trim()
    .min(1, 'Give a region: an ISO country code such as US, or a subdivision code such as US-NY.')
    .refine((v) => findRegion(v) !== null, { error: (issue) => `Unknown region “${String(issue.input)}”. Use an ISO 3166-1 country code (US) or an ISO 3166-2 subdivision code (US-NY).` }),
  limit: z.coerce.number().int().min(1, 'limit must be at least 1.').max(100, 'limit must be at most 100.').default(25),
});

export type DemandSignal = { kind: string; region: string; detail: string; observedOn: string | null; points: number };
export type SkillDemand = { skillId: string; label: string; sourceUri: string; kind: string; score: number; isInDemand: boolean; signals: DemandSignal[] };

/** Scores of a region's skills (all with a signal, or only `skillIds`), best first. */
export async function scoreSkillDemand(db: Db, region: DemandRegion, opts: { skillIds?: string[]; limit?: number; minScore?: number; today?: Date } = {}): Promise<SkillDemand[]> {
  if (opts.skillIds && opts.skillIds.length === 0) return [];
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  const onlySignals = opts.skillIds ? sql`and s.skill_id = any(${uuidArray(opts.skillIds)})` : sql``;
  const onlyGaps = opts.skillIds ? sql`and gs.skill_id = any(${uuidArray(opts.skillIds)})` : sql``;
  const gapPlace = region.isCountry ? sql`g.country = ${region.code}` : sql`g.region = ${region.code}`;
  const w = demandWeights;
  const rows = await db.execute<{ skill_id: string; label: string; source_uri: string; kind: string; score: number; signals: DemandSignal[] }>(sql`
    with sig as (
      select s.skill_id, s.kind, s.region, s.detail, s.observed_on,
        s.strength
        * case s.kind when 'hot_technology' then ${w.hot_technology}::float8 when 'in_demand_technology' then ${w.in_demand_technology}::float8 else ${w.regional_employment}::float8 end
        * case when s.region in (${region.country}, ${region.code}) then 1 else ${demandModel.proxyFactor}::float8 end
        * power(0.5, greatest(0, ${today}::date - s.observed_on)::float8 / ${demandModel.labourMarketHalfLifeDays}) as c
      from skill_demand_signals s
      where (s.region = ${region.country} or s.region = ${region.code} or (s.region = 'US' and ${region.country} <> 'US')) ${onlySignals}
    ),
    gap_rows as (
      select gs.skill_id, g.headcount, gs.is_must_have,
        least(0.9, case when gs.is_must_have then 0.5 else 0.25 end
                   * case g.urgency when 'high' then 1.25 when 'low' then 0.8 else 1 end
                   * (1 + 0.25 * ln(g.headcount) / ln(2)))
        * power(0.5, greatest(0, ${today}::date - g.opened_at::date)::float8 / ${demandModel.employerGapHalfLifeDays}) as c
      from skill_gap_skills gs join skill_gaps g on g.id = gs.gap_id
      where g.status = 'open' and (g.target_date is null or g.target_date >= ${today}::date) and ${gapPlace} ${onlyGaps}
    ),
    gaps as (
      -- Anonymised: counts only, never which employer.
      select skill_id, 'employer_gaps'::text as kind, ${region.code}::text as region,
        count(*) || ' open employer skill gap' || case when count(*) = 1 then '' else 's' end || ' for ' || sum(headcount) || ' ' ||
        case when sum(headcount) = 1 then 'person' else 'people' end ||
        case when count(*) filter (where is_must_have) > 0 then ' (must-have in ' || count(*) filter (where is_must_have) || ')' else '' end as detail,
        null::date as observed_on, 1 - exp(sum(ln(1 - c))) as c
      from gap_rows group by skill_id
    ),
    all_signals as (select skill_id, kind, region, detail, observed_on, c from sig union all select * from gaps),
    scored as (
      select skill_id, 100 * (1 - exp(sum(ln(1 - least(c, 0.99))))) as score,
        json_agg(json_build_object('kind', kind, 'region', region, 'detail', detail, 'observedOn', observed_on, 'points', round((100 * c)::numeric, 1)) order by c desc) as signals
      from all_signals group by skill_id
    )
    select sc.skill_id, k.preferred_label as label, k.source_uri, k.kind, sc.score, sc.signals
    from scored sc join skills k on k.id = sc.skill_id
    where sc.score >= ${opts.minScore ?? 0}
    order by sc.score desc, k.preferred_label
    limit ${opts.limit ?? 100_000}`);
  return rows.map((r) => ({
    skillId: r.skill_id,
    label: r.label,
    sourceUri: r.source_uri,
    kind: r.kind,
    score: Math.round(r.score * 10) / 10,
    isInDemand: r.score >= demandModel.inDemandThreshold,
    signals: r.signals.map((s) => ({ ...s, points: Number(s.points) })),
  }));
}

/** The top in-demand skills of a region, with the signals behind each score (public page and API). */
export async function topInDemandSkills(raw: unknown): Promise<{ region: DemandRegion; threshold: number; skills: SkillDemand[] }> {
  const input = parseInput(inDemandQuerySchema, raw);
  const region = findRegion(input.region)!;
  const skills = await scoreSkillDemand(getDb(), region, { limit: input.limit, minScore: demandModel.inDemandThreshold });
  return { region, threshold: demandModel.inDemandThreshold, skills };
}

/*
 * Every in-demand skill of a region, kept for a few seconds per process: result cards, ranking
 * and goal gaps ask for it on every request, and one query per region is enough. Gap writes
 * clear it, so an employer sees their own change at once; other instances within seconds.
 */
const regionCacheMs = 30_000;
const regionCache = new Map<string, { at: number; skills: Promise<Map<string, SkillDemand>> }>();

export function invalidateDemandCache(): void {
  regionCache.clear();
}

function inDemandSkillsOfRegion(region: DemandRegion): Promise<Map<string, SkillDemand>> {
  const cached = regionCache.get(region.code);
  if (cached && Date.now() - cached.at < regionCacheMs) return cached.skills;
  const skills = scoreSkillDemand(getDb(), region, { minScore: demandModel.inDemandThreshold }).then((rows) => new Map(rows.map((r) => [r.skillId, r])));
  regionCache.set(region.code, { at: Date.now(), skills });
  skills.catch(() => regionCache.delete(region.code));
  return skills;
}

/** Which of these skills are in demand in a region (program cards and pages, goal gaps). */
export async function inDemandAmong(regionCode: string | null | undefined, skillIds: string[]): Promise<Map<string, SkillDemand>> {
  const region = findRegion(regionCode);
  if (!region || skillIds.length === 0) return new Map();
  const all = await inDemandSkillsOfRegion(region);
  return new Map(skillIds.filter((id) => all.has(id)).map((id) => [id, all.get(id)!]));
}

export type ProgramDemand = { region: DemandRegion; skillsByProgram: Map<string, string[]> };

/** For result cards: which skills of each program are in demand in the region (labels). */
export async function inDemandSkillsOfPrograms(regionCode: string | null | undefined, programs: Array<{ id: string; skillIds: string[]; skills: string[] }>): Promise<ProgramDemand | null> {
  const region = findRegion(regionCode);
  if (!region) return null;
  const demand = await inDemandAmong(region.code, programs.flatMap((p) => p.skillIds ?? []));
  const skillsByProgram = new Map(programs.map((p) => [p.id, (p.skillIds ?? []).flatMap((id, i) => (demand.has(id) ? [p.skills[i] ?? demand.get(id)!.label] : []))]));
  return { region, skillsByProgram };
}

/** Ids of a region's most in-demand skills, for ranking in-demand programs first. */
export async function topInDemandSkillIds(regionCode: string, limit = 200): Promise<string[]> {
  const region = findRegion(regionCode);
  if (!region) throw new AppError('validation_failed', `Unknown region “${regionCode}”.`, { fieldErrors: { region: ['Unknown region.'] } });
  // The map keeps the query's order: highest score first.
  return [...(await inDemandSkillsOfRegion(region)).keys()].slice(0, limit);
}

/** A skill's demand in every region that has a signal or an open gap for it, highest first. */
export async function skillDemandByRegion(skillId: string): Promise<Array<{ region: DemandRegion; demand: SkillDemand }>> {
  const db = getDb();
  const rows = await db.execute<{ region: string }>(sql`
    select distinct region from skill_demand_signals where skill_id = ${skillId}
    union select distinct g.region from skill_gap_skills gs join skill_gaps g on g.id = gs.gap_id where gs.skill_id = ${skillId} and g.status = 'open'
    union select distinct g.country from skill_gap_skills gs join skill_gaps g on g.id = gs.gap_id where gs.skill_id = ${skillId} and g.status = 'open'`);
  const regions = rows.map((r) => findRegion(r.region)).filter((r): r is DemandRegion => r !== null);
  const scored = await Promise.all(regions.map(async (region) => ({ region, demand: (await scoreSkillDemand(db, region, { skillIds: [skillId] }))[0] })));
  return scored.filter((s): s is { region: DemandRegion; demand: SkillDemand } => !!s.demand).sort((a, b) => b.demand.score - a.demand.score);
}

export const demandSignalLabels: Record<string, string> = {
  hot_technology: 'Hot technology (O*NET, US)',
  in_demand_technology: 'In demand in job postings (O*NET, US)',
  regional_employment: 'Regional employment (BLS OEWS)',
  employer_gaps: 'Employer skill gaps',
};
