import 'server-only';
import { createReadStream, existsSync } from 'node:fs';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { skillDemandSignals } from '@/db/schema';
import { referenceDataDir, referencePath } from '@/lib/reference-data';
import path from 'node:path';

/*
 * Labour-market demand signals, derived from the loaded taxonomy and the BLS/NY DOL
 * employment statistics, rewritten as a whole on every taxonomy load:
 *  - hot_technology (US): O*NET Hot Technology — frequent in job postings across occupations;
 *  - in_demand_technology (US): O*NET In Demand for N occupations, scaled by N;
 *  - regional_employment (US-NY): how many people New York State employs in occupations
 *    where the skill is important (O*NET importance ≥ 3.5, or an In Demand technology).
 */

/** O*NET 29.3 was released in May 2025; OEWS figures are for May 2023. */
export const onetObservedOn = '2025-05-01';
export const oewsObservedOn = '2023-05-01';
const oewsFile = ['labour-market', 'oews-newyork.csv'];
/** In Demand for this many occupations or more is the full national signal. */
const inDemandSaturation = 25;

/** Statewide OEWS rows (area type 1): SOC code → employment. */
export async function readStateEmployment(file: string): Promise<Map<string, number>> {
  const bySoc = new Map<string, number>();
  const parser = createReadStream(file).pipe(parse({ columns: (header: string[]) => header.map((h) => h.trim()), bom: true, trim: true, skip_empty_lines: true }));
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (row['Area Type'] !== '1') continue;
    const soc = row['Standard Occupational Code'] ?? '';
    const employment = Number((row['Employment'] ?? '').replace(/,/g, ''));
    // Major groups (11-0000) would count their detailed occupations twice.
    if (/^\d{2}-\d{4}$/.test(soc) && !soc.endsWith('-0000') && Number.isFinite(employment) && employment > 0) bySoc.set(soc, employment);
  }
  return bySoc;
}

/** Rewrites every labour-market signal in one statement set; call inside the taxonomy load transaction. */
export async function loadLabourMarketSignals(db: Db, progress: (message: string) => void = () => {}): Promise<{ national: number; regional: number }> {
  // Rewritten as a whole: every signal comes from the releases being loaded.
  await db.delete(skillDemandSignals).where(sql`true`);
  const national = await db.execute(sql`
    insert into skill_demand_signals (skill_id, region, kind, strength, observed_on, detail)
    select id, 'US', 'hot_technology', 1, ${onetObservedOn}::date, 'O*NET Hot Technology: frequently named in US job postings across occupations'
    from skills where is_hot_technology
    union all
    select id, 'US', 'in_demand_technology', least(1, ln(1 + in_demand_occupations) / ln(1 + ${inDemandSaturation})),
           ${onetObservedOn}::date, 'O*NET In Demand: frequently named in US job postings for ' || in_demand_occupations || ' occupation' || case when in_demand_occupations = 1 then '' else 's' end
    from skills where in_demand_occupations > 0`);

  const file = path.join(referenceDataDir(), ...oewsFile);
  if (!existsSync(file)) {
    progress(`no regional employment file at ${file}; regional signals skipped`);
    return { national: national.count ?? 0, regional: 0 };
  }
  const employment = await readStateEmployment(referencePath(...oewsFile));
  const json = JSON.stringify([...employment].map(([soc, n]) => ({ soc, n })));
  // Distinct (skill, SOC) first: several O*NET-SOC codes share one SOC code and its employment.
  const regional = await db.execute(sql`
    with emp as (select soc, n from json_to_recordset(${json}::json) as e(soc text, n bigint)),
    pairs as (
      select distinct os.skill_id, left(o.code, 7) as soc
      from occupation_skills os join occupations o on o.id = os.occupation_id and o.source = 'onet'
      where (os.relation = 'rated' and os.importance >= 3.5) or (os.relation = 'technology' and os.is_in_demand)
    ),
    per_skill as (select p.skill_id, sum(e.n)::bigint as people from pairs p join emp e on e.soc = p.soc group by p.skill_id),
    top as (select max(people) as most from per_skill)
    insert into skill_demand_signals (skill_id, region, kind, strength, observed_on, detail)
    select skill_id, 'US-NY', 'regional_employment', sqrt(people::float8 / top.most), ${oewsObservedOn}::date,
           'Important in New York State occupations employing ' || to_char(people, 'FM999,999,999') || ' people (BLS OEWS, May 2023)'
    from per_skill, top where people > 0`);
  progress(`demand signals: ${national.count} national (O*NET), ${regional.count} regional (New York State)`);
  return { national: national.count ?? 0, regional: regional.count ?? 0 };
}

/** A database whose taxonomy predates demand signals gets them once, on start. */
export async function ensureLabourMarketSignals(db: Db): Promise<void> {
  const [any] = await db.select({ id: skillDemandSignals.skillId }).from(skillDemandSignals).limit(1);
  if (!any) await db.transaction((tx) => loadLabourMarketSignals(tx).then(() => undefined));
}
