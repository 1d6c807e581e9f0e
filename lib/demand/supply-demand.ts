import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { parseInput } from '@/lib/errors';
import { findRegion, inDemandQuerySchema, scoreSkillDemand, type DemandRegion, type DemandSignal } from './demand-scores';

/*
 * Supply against demand for a region: the skills in demand there (labour-market signals and
 * employers' open gaps) against the published programs teaching each — in person in the
 * region, or online and open to its learners. Unserved skills (demand, no program) first:
 * what a provider should build next.
 */

/** Skills scoring at least this much are reported, so emerging demand shows before it crosses the in-demand line. */
const reportedMinScore = 10;

export const supplyDemandQuerySchema = inDemandQuerySchema.extend({
  limit: z.coerce.number().int().min(1, 'limit must be at least 1.').max(200, 'limit must be at most 200.').default(50),
});

export type SupplyDemandRow = {
  skillId: string;
  label: string;
  score: number;
  isInDemand: boolean;
  signals: DemandSignal[];
  openGaps: number;
  gapHeadcount: number;
  localPrograms: number;
  onlinePrograms: number;
  programs: number;
  isUnserved: boolean;
};

export type SupplyDemandReport = { region: DemandRegion; rows: SupplyDemandRow[]; unserved: number; generatedAt: string };

const onlineCondition = sql`(p.delivery_mode in ('online_self_paced', 'online_scheduled') or p.open_worldwide or cardinality(p.open_countries) > 0)`;

export async function supplyDemandReport(raw: unknown): Promise<SupplyDemandReport> {
  const input = parseInput(supplyDemandQuerySchema, raw);
  const region = findRegion(input.region)!;
  const db = getDb();
  const demand = await scoreSkillDemand(db, region, { limit: input.limit, minScore: reportedMinScore });
  const ids = demand.map((d) => d.skillId);
  const idArray = sql`${`{${ids.join(',')}}`}::uuid[]`;
  const place = region.isCountry ? sql`p.country = ${region.code}` : sql`p.region = ${region.code}`;
  const gapPlace = region.isCountry ? sql`g.country = ${region.code}` : sql`g.region = ${region.code}`;
  const [supply, gaps] = ids.length
    ? await Promise.all([
        db.execute<{ skill_id: string; local: number; online: number }>(sql`
          select ps.skill_id,
            count(*) filter (where not ${onlineCondition} and ${place})::int as local,
            count(*) filter (where ${onlineCondition} and (p.open_worldwide or cardinality(p.open_countries) = 0 or ${region.country} = any(p.open_countries)))::int as online
          from program_skills ps join programs p on p.id = ps.program_id
          where ps.status = 'accepted' and p.status = 'published' and ps.skill_id = any(${idArray})
          group by ps.skill_id`),
        db.execute<{ skill_id: string; gaps: number; people: number }>(sql`
          select gs.skill_id, count(*)::int as gaps, sum(g.headcount)::int as people
          from skill_gap_skills gs join skill_gaps g on g.id = gs.gap_id
          where g.status = 'open' and (g.target_date is null or g.target_date >= current_date) and ${gapPlace} and gs.skill_id = any(${idArray})
          group by gs.skill_id`),
      ])
    : [[], []];
  const supplyOf = new Map(supply.map((s) => [s.skill_id, s]));
  const gapsOf = new Map(gaps.map((g) => [g.skill_id, g]));
  const rows = demand.map((d): SupplyDemandRow => {
    const s = supplyOf.get(d.skillId);
    const g = gapsOf.get(d.skillId);
    const programs = (s?.local ?? 0) + (s?.online ?? 0);
    return {
      skillId: d.skillId,
      label: d.label,
      score: d.score,
      isInDemand: d.isInDemand,
      signals: d.signals,
      openGaps: g?.gaps ?? 0,
      gapHeadcount: g?.people ?? 0,
      localPrograms: s?.local ?? 0,
      onlinePrograms: s?.online ?? 0,
      programs,
      isUnserved: programs === 0,
    };
  });
  rows.sort((a, b) => Number(b.isUnserved) - Number(a.isUnserved) || b.score - a.score || a.label.localeCompare(b.label));
  return { region, rows, unserved: rows.filter((r) => r.isUnserved).length, generatedAt: new Date().toISOString() };
}

const csvCell = (v: unknown) => {
  const text = String(v ?? '');
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function supplyDemandCsv(report: SupplyDemandReport): string {
  const header = ['skill_id', 'skill', 'demand_score', 'in_demand', 'open_gaps', 'gap_headcount', 'local_programs', 'online_programs', 'programs', 'unserved', 'signals'];
  const lines = report.rows.map((r) =>
    [r.skillId, r.label, r.score, r.isInDemand, r.openGaps, r.gapHeadcount, r.localPrograms, r.onlinePrograms, r.programs, r.isUnserved, r.signals.map((s) => `${s.kind}: ${s.detail}`).join('; ')].map(csvCell).join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

export type GapEvidence = { urgency: string; headcount: number; isMustHave: boolean; level: string; targetDate: string | null; openedOn: string };

/** The open gaps behind one skill's demand in a region, anonymised: no employer, no role title. */
export async function gapEvidence(regionCode: string, skillId: string): Promise<GapEvidence[]> {
  const region = findRegion(regionCode);
  if (!region || !/^[0-9a-f-]{36}$/i.test(skillId)) return [];
  const gapPlace = region.isCountry ? sql`g.country = ${region.code}` : sql`g.region = ${region.code}`;
  const rows = await getDb().execute<{ urgency: string; headcount: number; is_must_have: boolean; level: string; target_date: string | null; opened_on: string }>(sql`
    select g.urgency, g.headcount, gs.is_must_have, gs.level, g.target_date::text, g.opened_at::date::text as opened_on
    from skill_gap_skills gs join skill_gaps g on g.id = gs.gap_id
    where gs.skill_id = ${skillId} and g.status = 'open' and (g.target_date is null or g.target_date >= current_date) and ${gapPlace}
    order by g.opened_at desc limit 200`);
  return rows.map((r) => ({ urgency: r.urgency, headcount: r.headcount, isMustHave: r.is_must_have, level: r.level, targetDate: r.target_date, openedOn: r.opened_on }));
}
