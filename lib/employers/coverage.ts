import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { type Actor } from '@/lib/auth/actor';
import { toEur } from '@/lib/catalog/currency';
import { isOnlineMode, type DeliveryMode } from '@/lib/catalog/vocabulary';
import { kmBetween } from '@/lib/geo/distance';
import { subdivisions } from '@/lib/geo/regions';
import { getGap, type GapDetail } from './gaps';
import { leastCostPathway, type PathwayResult } from './pathway';

/** In-person programs of the same country within this distance of the region's centre count as "near". */
export const nearbyKm = 150;

export type CoveringProgram = {
  id: string;
  slug: string;
  title: string;
  providerName: string;
  deliveryMode: string;
  place: 'in_region' | 'nearby' | 'online';
  distanceKm: number | null;
  cost: number | null;
  currency: string | null;
  costEur: number | null;
  hours: number | null;
  weeks: number | null;
  /** Gap skills it teaches: ids of must-haves and nice-to-haves. */
  mustHaveIds: string[];
  niceToHaveIds: string[];
  /** Share of the gap's must-have skills it teaches, 0–1. */
  mustHaveCoverage: number;
};

export type GapCoverage = {
  gap: GapDetail;
  programs: CoveringProgram[];
  pathway: (PathwayResult & { programs: CoveringProgram[] }) | null;
  /** Programs teaching gap skills whose cost is unknown: listed, but left out of the least-cost pathway. */
  unpricedCount: number;
};

type Row = {
  id: string; slug: string; title: string; provider_name: string; delivery_mode: string; region: string | null; country: string | null;
  latitude: number | null; longitude: number | null; open_worldwide: boolean; open_countries: string[];
  cost: string | null; currency: string | null; hours: string | null; weeks: string | null; skill_ids: string[];
};

/**
 * Published programs in or near the gap's region, or online and open there, that teach at
 * least one of its skills — how much of the gap each covers, cost and duration — and the
 * least-cost pathway covering every must-have skill that some program teaches.
 */
export async function gapCoverage(actor: Actor, gapId: string): Promise<GapCoverage> {
  const gap = await getGap(actor, gapId);
  const skillIds = gap.skills.map((s) => s.skillId);
  const mustHave = new Set(gap.skills.filter((s) => s.isMustHave).map((s) => s.skillId));
  const centre = subdivisions.find((s) => s.code === gap.gap.region);
  const rows = await getDb().execute<Row>(sql`
    select p.id, p.slug, p.title, p.provider_name, p.delivery_mode, p.region, p.country, p.latitude, p.longitude,
           p.open_worldwide, p.open_countries, p.cost, p.currency, p.hours, p.weeks, array_agg(ps.skill_id) as skill_ids
    from programs p
    join program_skills ps on ps.program_id = p.id and ps.status = 'accepted'
    where p.status = 'published' and ps.skill_id = any(${`{${skillIds.join(',')}}`}::uuid[])
      and (p.country = ${gap.gap.country}
           or p.delivery_mode in ('online_self_paced', 'online_scheduled') or p.open_worldwide or cardinality(p.open_countries) > 0)
    group by p.id`);

  const programs: CoveringProgram[] = [];
  for (const r of rows) {
    const isOnline = isOnlineMode(r.delivery_mode as DeliveryMode) || r.open_worldwide || r.open_countries.length > 0;
    const isOpenHere = isOnline && (r.open_worldwide || r.open_countries.length === 0 || r.open_countries.includes(gap.gap.country));
    const distanceKm = centre && r.latitude !== null && r.longitude !== null ? Math.round(kmBetween(centre, { lat: r.latitude, lng: r.longitude })) : null;
    const place = r.region === gap.gap.region && !isOnlineMode(r.delivery_mode as DeliveryMode)
      ? 'in_region'
      : r.country === gap.gap.country && distanceKm !== null && distanceKm <= nearbyKm && !isOnlineMode(r.delivery_mode as DeliveryMode)
        ? 'nearby'
        : isOpenHere
          ? 'online'
          : null;
    if (!place) continue;
    const cost = r.cost === null ? null : Number(r.cost);
    const mustHaveIds = r.skill_ids.filter((id) => mustHave.has(id));
    programs.push({
      id: r.id,
      slug: r.slug,
      title: r.title,
      providerName: r.provider_name,
      deliveryMode: r.delivery_mode,
      place,
      distanceKm: place === 'online' ? null : distanceKm,
      cost,
      currency: r.currency,
      costEur: toEur(cost, r.currency),
      hours: r.hours === null ? null : Number(r.hours),
      weeks: r.weeks === null ? null : Number(r.weeks),
      mustHaveIds,
      niceToHaveIds: r.skill_ids.filter((id) => !mustHave.has(id)),
      mustHaveCoverage: mustHave.size ? mustHaveIds.length / mustHave.size : 0,
    });
  }
  programs.sort((a, b) => b.mustHaveCoverage - a.mustHaveCoverage || b.niceToHaveIds.length - a.niceToHaveIds.length || (a.costEur ?? Infinity) - (b.costEur ?? Infinity) || a.title.localeCompare(b.title));

  const priced = programs.filter((p) => p.costEur !== null);
  const result = mustHave.size ? leastCostPathway([...mustHave], priced.map((p) => ({ id: p.id, costEur: p.costEur!, hours: p.hours, skillIds: p.mustHaveIds }))) : null;
  const byId = new Map(programs.map((p) => [p.id, p]));
  return {
    gap,
    programs,
    pathway: result ? { ...result, programs: result.programIds.map((id) => byId.get(id)!) } : null,
    unpricedCount: programs.length - priced.length,
  };
}
