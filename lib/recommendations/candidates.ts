import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { toEur } from '@/lib/catalog/currency';
import type { CredentialType, DeliveryMode, Pace } from '@/lib/catalog/vocabulary';
import { type ClientConstraints, exclusionReasons, type ExclusionReason, fitProgram, type Place } from './constraints';
import type { CandidateProgram } from './recommender';

export type ProgramCard = {
  id: string;
  slug: string;
  title: string;
  providerName: string;
  credentialType: CredentialType;
  deliveryMode: DeliveryMode;
  cost: number | null;
  currency: string | null;
  costEur: number | null;
  hours: number | null;
  /** Weeks at the client's pace. */
  weeks: number;
  place: Place;
  distanceKm: number | null;
  nextStart: string | null;
  stacksInto: Array<{ id: string | null; title: string }>;
  requires: Array<{ id: string | null; title: string }>;
};

export type CandidatePool = {
  candidates: CandidateProgram[];
  cards: Map<string, ProgramCard>;
  /** Published programs teaching a gap skill that the client's constraints ruled out, by reason. */
  ruledOut: Partial<Record<ExclusionReason, number>>;
  /** Gap skills taught only by programs the constraints ruled out. */
  ruledOutSkills: Map<string, ExclusionReason>;
  teachingCount: number;
};

type Row = {
  id: string; slug: string; title: string; provider_name: string; credential_type: CredentialType; delivery_mode: DeliveryMode; pace: Pace | null;
  country: string | null; region: string | null; latitude: number | null; longitude: number | null; open_worldwide: boolean; open_countries: string[];
  languages: string[]; cost: string | null; currency: string | null; hours: string | null; weeks: string | null; start_dates: string[];
  stacks_into: string[]; prerequisites: string[]; skill_ids: string[];
};

/** Same-skill programs beyond this many (cheapest kept) cannot change the cover; they only slow it down. */
const keepPerSkillSet = 4;
const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const num = (v: string | null) => (v === null ? null : Number(v));

const columns = sql`p.id, p.slug, p.title, p.provider_name, p.credential_type, p.delivery_mode, p.pace, p.country, p.region, p.latitude, p.longitude,
  p.open_worldwide, p.open_countries, p.languages, p.cost, p.currency, p.hours, p.weeks, p.start_dates::text[] as start_dates, p.stacks_into, p.prerequisites`;

/**
 * Published programs teaching any of the gap skills that the client can take, as recommender
 * candidates, with their prerequisite programs (even when those teach no gap skill). Two or
 * three queries whatever the catalogue size: candidates, then links, then missing prerequisites.
 */
export async function loadCandidatePool(db: Db, gapSkillIds: string[], constraints: ClientConstraints, excludedIds: string[]): Promise<CandidatePool> {
  const pool: CandidatePool = { candidates: [], cards: new Map(), ruledOut: {}, ruledOutSkills: new Map(), teachingCount: 0 };
  if (gapSkillIds.length === 0) return pool;
  const reachable = constraints.country
    ? sql`and (p.country = ${constraints.country} or p.delivery_mode in ('online_self_paced', 'online_scheduled') or p.open_worldwide or cardinality(p.open_countries) > 0)`
    : sql``;
  const rows = await db.execute<Row>(sql`
    select ${columns}, array_agg(ps.skill_id) as skill_ids
    from program_skills ps join programs p on p.id = ps.program_id
    where ps.skill_id = any(${uuidArray(gapSkillIds)}) and ps.status = 'accepted' and p.status = 'published'
      and not (p.id = any(${uuidArray(excludedIds)})) ${reachable}
    group by p.id`);
  pool.teachingCount = rows.length;

  const fitted: Array<{ row: Row; fit: Extract<ReturnType<typeof fitProgram>, { ok: true }> }> = [];
  const taughtByFit = new Set<string>();
  const reasonsBySkill = new Map<string, Map<ExclusionReason, number>>();
  for (const row of rows) {
    const fit = fitProgram(factsOf(row), constraints);
    if (fit.ok) {
      fitted.push({ row, fit });
      for (const s of row.skill_ids) taughtByFit.add(s);
    } else {
      pool.ruledOut[fit.reason] = (pool.ruledOut[fit.reason] ?? 0) + 1;
      for (const s of row.skill_ids) {
        const counts = reasonsBySkill.get(s) ?? new Map<ExclusionReason, number>();
        counts.set(fit.reason, (counts.get(fit.reason) ?? 0) + 1);
        reasonsBySkill.set(s, counts);
      }
    }
  }
  // A skill only ruled-out programs teach: name the commonest reason (ties in a fixed order).
  const order = Object.keys(exclusionReasons) as ExclusionReason[];
  for (const [skillId, counts] of reasonsBySkill) {
    if (taughtByFit.has(skillId)) continue;
    const [reason] = [...counts].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))[0]!;
    pool.ruledOutSkills.set(skillId, reason);
  }

  const kept = keepCheapestPerSkillSet(fitted);
  const links = await linksOf(db, kept.map((k) => k.row.id));
  for (const { row, fit } of kept) addCandidate(pool, row, fit, row.skill_ids, links);

  // Prerequisites that teach no gap skill are not in the first query: fetch them (two levels deep).
  for (let depth = 0; depth < 2; depth++) {
    const missing = [...new Set(pool.candidates.flatMap((c) => c.requiresIds))].filter((id) => !pool.cards.has(id) && !excludedIds.includes(id));
    if (missing.length === 0) break;
    const extra = await db.execute<Row>(sql`select ${columns}, '{}'::uuid[] as skill_ids from programs p where p.id = any(${uuidArray(missing)}) and p.status = 'published'`);
    const extraLinks = await linksOf(db, extra.map((r) => r.id));
    for (const row of extra) {
      const fit = fitProgram(factsOf(row), constraints);
      if (fit.ok) addCandidate(pool, row, fit, [], extraLinks);
    }
  }
  return pool;
}

function factsOf(r: Row) {
  const cost = num(r.cost);
  return {
    deliveryMode: r.delivery_mode, pace: r.pace, country: r.country, region: r.region, latitude: r.latitude, longitude: r.longitude,
    openWorldwide: r.open_worldwide, openCountries: r.open_countries, languages: r.languages, cost, costEur: toEur(cost, r.currency),
    hours: num(r.hours), weeks: num(r.weeks), startDates: r.start_dates,
  };
}

function keepCheapestPerSkillSet<T extends { row: Row }>(fitted: T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const f of fitted) {
    const key = [...f.row.skill_ids].sort().join(',');
    const group = groups.get(key) ?? [];
    group.push(f);
    groups.set(key, group);
  }
  const price = (r: Row) => (toEur(num(r.cost), r.currency) ?? 0) + 5 * (num(r.hours) ?? 0);
  return [...groups.values()].flatMap((g) => g.sort((a, b) => price(a.row) - price(b.row) || (a.row.id < b.row.id ? -1 : 1)).slice(0, keepPerSkillSet));
}

type Link = { id: string; title: string; externalId: string | null };
type Links = Map<string, { stacksInto: Link[]; requires: Link[] }>;

async function linksOf(db: Db, ids: string[]): Promise<Links> {
  const out: Links = new Map();
  if (ids.length === 0) return out;
  const rows = await db.execute<{ program_id: string; kind: 'stacks_into' | 'requires'; target_id: string; title: string; external_id: string | null }>(sql`
    select l.program_id, l.kind, t.id as target_id, t.title, t.external_id
    from program_links l join programs t on t.id = l.target_program_id
    where l.program_id = any(${uuidArray(ids)}) and t.status = 'published'
    order by t.title, t.id`);
  for (const r of rows) {
    const entry = out.get(r.program_id) ?? { stacksInto: [], requires: [] };
    (r.kind === 'stacks_into' ? entry.stacksInto : entry.requires).push({ id: r.target_id, title: r.title, externalId: r.external_id });
    out.set(r.program_id, entry);
  }
  return out;
}

function addCandidate(pool: CandidatePool, row: Row, fit: Extract<ReturnType<typeof fitProgram>, { ok: true }>, skillIds: string[], links: Links) {
  const link = links.get(row.id) ?? { stacksInto: [], requires: [] };
  const cost = num(row.cost);
  // Names given as text that no program answered stay visible, so nothing the provider said is lost.
  const isResolved = (resolved: Link[], given: string) => resolved.some((r) => [r.title, r.externalId].some((name) => name?.toLowerCase() === given.toLowerCase()));
  const named = (resolved: Link[], given: string[]) => given.filter((g) => !isResolved(resolved, g)).map((title) => ({ id: null, title }));
  const shown = (resolved: Link[]) => resolved.map((r) => ({ id: r.id, title: r.title }));
  pool.cards.set(row.id, {
    id: row.id, slug: row.slug, title: row.title, providerName: row.provider_name, credentialType: row.credential_type, deliveryMode: row.delivery_mode,
    cost, currency: row.currency, costEur: toEur(cost, row.currency), hours: num(row.hours), weeks: fit.weeks, place: fit.place, distanceKm: fit.distanceKm,
    nextStart: fit.nextStart, stacksInto: [...shown(link.stacksInto), ...named(link.stacksInto, row.stacks_into)], requires: [...shown(link.requires), ...named(link.requires, row.prerequisites)],
  });
  pool.candidates.push({
    id: row.id,
    costEur: toEur(cost, row.currency),
    hours: num(row.hours),
    weeks: fit.weeks,
    skillIds,
    stacksIntoIds: link.stacksInto.map((s) => s.id),
    isStackable: link.stacksInto.length > 0 || row.stacks_into.length > 0,
    requiresIds: link.requires.map((r) => r.id),
    nextStart: fit.nextStart,
  });
}
