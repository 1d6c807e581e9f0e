import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { AppError } from '@/lib/errors';
import { toEur } from '@/lib/catalog/currency';
import type { CredentialType, DeliveryMode } from '@/lib/catalog/vocabulary';
import type { CandidateIndex } from './candidate-index';
import type { ClientConstraints, ExclusionReason, Fit, Place } from './constraints';
import { columnConstraints, type ColumnConstraints, exclusionAt, exclusionReasonOrder, fitProgramAt } from './program-columns';
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

type Fitted = Extract<Fit, { ok: true }>;

export type CandidatePool = {
  candidates: CandidateProgram[];
  /** Where, when and how long for each candidate (same positions as `candidates`), for its card. */
  fits: Fitted[];
  /** Published programs teaching a gap skill that the client's constraints ruled out, by reason. */
  ruledOut: Partial<Record<ExclusionReason, number>>;
  /** Gap skills taught only by programs the constraints ruled out. */
  ruledOutSkills: Map<string, ExclusionReason>;
  teachingCount: number;
};

/** Same-skill programs beyond this many (cheapest kept) cannot change the cover; they only slow it down. */
const keepPerSkillSet = 4;

/**
 * Per-program scratch of the scan, kept between calls: a fresh set of ~100,000-entry arrays per
 * recommendation is garbage the collector then has to sweep. Safe to share: the pool is built
 * without yielding.
 */
const scratch = { taught: new Uint32Array(0), isSeen: new Uint8Array(0), reached: new Int32Array(0), fitted: new Int32Array(0), isCandidate: new Uint8Array(0) };

function scratchFor(programCount: number, words: number) {
  if (scratch.isSeen.length < programCount) {
    scratch.isSeen = new Uint8Array(programCount);
    scratch.reached = new Int32Array(programCount);
    scratch.fitted = new Int32Array(programCount);
    scratch.isCandidate = new Uint8Array(programCount);
  }
  if (scratch.taught.length < programCount * words) scratch.taught = new Uint32Array(programCount * words);
  scratch.isSeen.fill(0, 0, programCount);
  scratch.isCandidate.fill(0, 0, programCount);
  scratch.taught.fill(0, 0, programCount * words);
  return scratch;
}

/**
 * Published programs teaching any of the gap skills that the client can take, as recommender
 * candidates, with their prerequisite programs (even when those teach no gap skill), from the
 * in-memory candidate index (read current by the caller): no query.
 */
export function buildCandidatePool(index: CandidateIndex, gapSkillIds: string[], constraints: ClientConstraints, excludedIds: string[]): CandidatePool {
  const pool: CandidatePool = { candidates: [], fits: [], ruledOut: {}, ruledOutSkills: new Map(), teachingCount: 0 };
  if (gapSkillIds.length === 0) return pool;
  const { columns } = index;
  const resolved = columnConstraints(columns, constraints);
  const excluded = new Set(excludedIds);
  const excludedSlots = new Set(excludedIds.map((id) => index.slotById.get(id)));

  // Which gap skills each program teaches, as a bit set of positions in `gapSkillIds`.
  const words = Math.ceil(gapSkillIds.length / 32);
  const { taught, isSeen, reached, fitted, isCandidate } = scratchFor(index.programs.length, words);
  let reachedCount = 0;
  gapSkillIds.forEach((skillId, position) => {
    const word = position >>> 5;
    const bit = 1 << (position & 31);
    const slots = index.teaching.get(skillId) ?? [];
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k]!;
      if (!isSeen[slot]) {
        isSeen[slot] = 1;
        reached[reachedCount++] = slot;
      }
      taught[slot * words + word]! |= bit;
    }
  });
  const gapSkillsOf = (slot: number) => {
    const skillIds: string[] = [];
    for (let word = 0; word < words; word++) {
      for (let bits = taught[slot * words + word]!; bits !== 0; bits &= bits - 1) skillIds.push(gapSkillIds[word * 32 + 31 - Math.clz32(bits & -bits)]!);
    }
    return skillIds;
  };

  let fittedCount = 0;
  const taughtByFit = new Uint32Array(words);
  const reasons = exclusionReasonOrder.length;
  const reasonCounts = new Int32Array(gapSkillIds.length * reasons);
  const ruledOutCounts = new Int32Array(reasons);
  for (let k = 0; k < reachedCount; k++) {
    const slot = reached[k]!;
    if ((excludedSlots.size && excludedSlots.has(slot)) || !columns.isReachableAt(slot, resolved.countryId)) continue;
    pool.teachingCount++;
    const exclusion = exclusionAt(columns, slot, resolved);
    if (exclusion < 0) {
      fitted[fittedCount++] = slot;
      for (let word = 0; word < words; word++) taughtByFit[word]! |= taught[slot * words + word]!;
      continue;
    }
    ruledOutCounts[exclusion]!++;
    for (let word = 0; word < words; word++) {
      for (let bits = taught[slot * words + word]!; bits !== 0; bits &= bits - 1) reasonCounts[(word * 32 + 31 - Math.clz32(bits & -bits)) * reasons + exclusion]!++;
    }
  }
  exclusionReasonOrder.forEach((reason, i) => {
    if (ruledOutCounts[i]) pool.ruledOut[reason] = ruledOutCounts[i];
  });
  // A skill only ruled-out programs teach: name the commonest reason (ties in a fixed order).
  gapSkillIds.forEach((skillId, position) => {
    if (taughtByFit[position >>> 5]! & (1 << (position & 31))) return;
    let best = -1;
    for (let r = 0; r < reasons; r++) {
      const count = reasonCounts[position * reasons + r]!;
      if (count > 0 && (best < 0 || count > reasonCounts[position * reasons + best]!)) best = r;
    }
    if (best >= 0) pool.ruledOutSkills.set(skillId, exclusionReasonOrder[best]!);
  });

  for (const slot of keepCheapestPerSkillSet(index, fitted.subarray(0, fittedCount), taught, words)) {
    isCandidate[slot] = 1;
    addCandidate(pool, index, slot, fitOf(index, slot, resolved), gapSkillsOf(slot));
  }

  // Prerequisites of candidates are candidates too, even when they teach no gap skill (two levels deep).
  // Only the candidates a round added can require a program not yet checked.
  for (let depth = 0, checkedUpTo = 0; depth < 2; depth++) {
    const missing = new Set<string>();
    for (const candidate of pool.candidates.slice(checkedUpTo)) {
      for (const id of candidate.requiresIds) if (!isCandidate[index.slotById.get(id)!] && !excluded.has(id)) missing.add(id);
    }
    checkedUpTo = pool.candidates.length;
    if (missing.size === 0) break;
    for (const id of missing) {
      const slot = index.slotById.get(id)!;
      const fit = fitProgramAt(columns, slot, resolved);
      if (!fit.ok) continue;
      isCandidate[slot] = 1;
      addCandidate(pool, index, slot, fit, []);
    }
  }
  return pool;
}

function fitOf(index: CandidateIndex, slot: number, resolved: ColumnConstraints): Fitted {
  const fit = fitProgramAt(index.columns, slot, resolved);
  if (!fit.ok) throw new Error(`Program ${index.programs[slot]!.id} passed the constraints, then failed them.`);
  return fit;
}

/** The fitted slots left once each skill set keeps its cheapest few, in first-seen order of skill sets. */
/**
 * The fitted slots left once programs teaching the same gap skills keep their cheapest few, in
 * order of each skill set's first program. Skill sets (rows of `taught`) are grouped through an
 * open-addressing table: no object per program or per skill set.
 */
function keepCheapestPerSkillSet(index: CandidateIndex, fitted: Int32Array, taught: Uint32Array, words: number): number[] {
  const cells = 2 ** Math.ceil(Math.log2(2 * fitted.length + 2));
  const groupAtCell = new Int32Array(cells).fill(-1);
  const firstSlotOfGroup = new Int32Array(fitted.length);
  const groupOf = new Int32Array(fitted.length);
  const isSameSkillSet = (a: number, b: number) => {
    for (let word = 0; word < words; word++) if (taught[a * words + word] !== taught[b * words + word]) return false;
    return true;
  };
  let groups = 0;
  for (let k = 0; k < fitted.length; k++) {
    const slot = fitted[k]!;
    let hash = 0;
    for (let word = 0; word < words; word++) hash = Math.imul(hash ^ taught[slot * words + word]!, 0x9e3779b1);
    let cell = (hash ^ (hash >>> 15)) & (cells - 1);
    while (groupAtCell[cell]! >= 0 && !isSameSkillSet(firstSlotOfGroup[groupAtCell[cell]!]!, slot)) cell = (cell + 1) & (cells - 1);
    if (groupAtCell[cell]! < 0) {
      groupAtCell[cell] = groups;
      firstSlotOfGroup[groups++] = slot;
    }
    groupOf[k] = groupAtCell[cell]!;
  }
  // The fitted slots by group (a counting sort: each group keeps the scan's order).
  const groupStart = new Int32Array(groups + 1);
  for (const group of groupOf) groupStart[group + 1]!++;
  for (let group = 0; group < groups; group++) groupStart[group + 1]! += groupStart[group]!;
  const bySkillSet = new Int32Array(fitted.length);
  const next = groupStart.slice(0, groups);
  for (let k = 0; k < fitted.length; k++) bySkillSet[next[groupOf[k]!]!++] = fitted[k]!;

  const { costEur, hours } = index.columns;
  const price = (slot: number) => (Number.isNaN(costEur[slot]!) ? 0 : costEur[slot]!) + 5 * (Number.isNaN(hours[slot]!) ? 0 : hours[slot]!);
  const byPriceThenId = (a: number, b: number) => price(a) - price(b) || (index.programs[a]!.id < index.programs[b]!.id ? -1 : 1);
  const kept: number[] = [];
  for (let group = 0; group < groups; group++) {
    const slots = bySkillSet.subarray(groupStart[group], groupStart[group + 1]);
    if (slots.length > keepPerSkillSet) slots.sort(byPriceThenId);
    for (let k = 0; k < slots.length && k < keepPerSkillSet; k++) kept.push(slots[k]!);
  }
  return kept;
}

/** Links count only to published programs, as on the program's page. */
const publishedOnly = (index: CandidateIndex, ids: string[]) => (ids.length === 0 ? ids : ids.filter((id) => index.programs[index.slotById.get(id)!]?.isPublished));

function addCandidate(pool: CandidatePool, index: CandidateIndex, slot: number, fit: Fitted, skillIds: string[]) {
  const program = index.programs[slot]!;
  const stacksIntoIds = publishedOnly(index, program.stacksIntoIds);
  pool.fits.push(fit);
  pool.candidates.push({
    id: program.id,
    costEur: program.costEur,
    hours: program.hours,
    weeks: fit.weeks,
    skillIds,
    stacksIntoIds,
    isStackable: stacksIntoIds.length > 0 || program.hasStacksIntoNames,
    requiresIds: publishedOnly(index, program.requiresIds),
    nextStart: fit.nextStart,
  });
}

type CardRow = {
  id: string; slug: string; title: string; provider_name: string; credential_type: CredentialType; delivery_mode: DeliveryMode;
  cost: string | null; currency: string | null; hours: string | null; stacks_into: string[]; prerequisites: string[];
};
type Link = { id: string; title: string; externalId: string | null };
type Links = Map<string, { stacksInto: Link[]; requires: Link[] }>;

const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const num = (v: string | null) => (v === null ? null : Number(v));

/** Cards of the few programs a recommendation shows, in two queries (programs, their published links). */
export async function loadProgramCards(db: Db, pool: CandidatePool, ids: string[]): Promise<Map<string, ProgramCard>> {
  const cards = new Map<string, ProgramCard>();
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return cards;
  const wantedIds = new Set(wanted);
  const fitById = new Map<string, Fitted>();
  pool.candidates.forEach((c, i) => {
    if (wantedIds.has(c.id)) fitById.set(c.id, pool.fits[i]!);
  });
  const [rows, links] = await Promise.all([
    db.execute<CardRow>(sql`
      select p.id, p.slug, p.title, p.provider_name, p.credential_type, p.delivery_mode, p.cost, p.currency, p.hours, p.stacks_into, p.prerequisites
      from programs p where p.id = any(${uuidArray(wanted)})`),
    linksOf(db, wanted),
  ]);
  // A program deleted since the index was read: the caller may simply ask again.
  if (rows.length < wanted.length) throw new AppError('conflict', 'The catalogue changed while recommending. Reload to see the new recommendation.');
  // Names given as text that no program answered stay visible, so nothing the provider said is lost.
  const isResolved = (resolved: Link[], given: string) => resolved.some((r) => [r.title, r.externalId].some((name) => name?.toLowerCase() === given.toLowerCase()));
  const named = (resolved: Link[], given: string[]) => given.filter((g) => !isResolved(resolved, g)).map((title) => ({ id: null, title }));
  const shown = (resolved: Link[]) => resolved.map((r) => ({ id: r.id, title: r.title }));
  for (const row of rows) {
    const fit = fitById.get(row.id)!;
    const link = links.get(row.id) ?? { stacksInto: [], requires: [] };
    const cost = num(row.cost);
    cards.set(row.id, {
      id: row.id, slug: row.slug, title: row.title, providerName: row.provider_name, credentialType: row.credential_type, deliveryMode: row.delivery_mode,
      cost, currency: row.currency, costEur: toEur(cost, row.currency), hours: num(row.hours), weeks: fit.weeks, place: fit.place, distanceKm: fit.distanceKm,
      nextStart: fit.nextStart, stacksInto: [...shown(link.stacksInto), ...named(link.stacksInto, row.stacks_into)], requires: [...shown(link.requires), ...named(link.requires, row.prerequisites)],
    });
  }
  return cards;
}

async function linksOf(db: Db, ids: string[]): Promise<Links> {
  const out: Links = new Map();
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
