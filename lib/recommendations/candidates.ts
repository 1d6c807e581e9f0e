import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { AppError } from '@/lib/errors';
import { uuidArray } from '@/lib/ids';
import { toEur } from '@/lib/catalog/currency';
import type { CredentialType, DeliveryMode } from '@/lib/catalog/vocabulary';
import type { CandidateIndex } from './candidate-index';
import type { ClientConstraints, ExclusionReason, Fit, Place } from './constraints';
import { columnConstraints, type ColumnConstraints, exclusionAt, exclusionReasonOrder, fitProgramAt, type ProgramColumns } from './program-columns';
import { type CandidateProgram, type GapSkillWeight, type RecommendedStep, stepCost, weightOf } from './recommender';
import { insertInOrder } from './top-k';

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
  /** What the recommender searches: the shortlist (see `shortlistLimits`) and the prerequisites it needs. */
  candidates: CandidateProgram[];
  /** Published programs teaching a gap skill that the client's constraints ruled out, by reason. */
  ruledOut: Partial<Record<ExclusionReason, number>>;
  /** Gap skills taught only by programs the constraints ruled out. */
  ruledOutSkills: Map<string, ExclusionReason>;
  teachingCount: number;
  /** Every program the client could take (index slots), shortlisted or not: alternatives come from here. */
  slots: Int32Array;
  /** Gap skills each of `slots` teaches: `words` words of bits by position in `gapSkillIds`. A program there only as a prerequisite teaches none. */
  skillBits: Uint32Array;
  words: number;
  gapSkillIds: string[];
  /** Each gap skill's weight, by position. */
  weights: Float64Array;
  /** The recommender's cost of each of `slots`. */
  stepCosts: Float64Array;
  constraints: ColumnConstraints;
};

/** How many programs the search keeps: the cheapest per gap skill, and the best weight per cost overall. */
export const shortlistLimits = { perSkill: 8, byRatio: 200 } as const;

/** Same-skill programs beyond this many (cheapest kept) cannot change the cover; they only slow it down. */
const keepPerSkillSet = 4;

/**
 * Per-program scratch of the scan, kept between calls: a fresh set of ~100,000-entry arrays per
 * recommendation is garbage the collector then has to sweep. Safe to share: the pool is built
 * without yielding.
 */
const scratch = { taught: new Uint32Array(0), isSeen: new Uint8Array(0), reached: new Int32Array(0), fitted: new Int32Array(0), candidateAt: new Int32Array(0) };

function scratchFor(programCount: number, words: number) {
  if (scratch.isSeen.length < programCount) {
    scratch.isSeen = new Uint8Array(programCount);
    scratch.reached = new Int32Array(programCount);
    scratch.fitted = new Int32Array(programCount);
    scratch.candidateAt = new Int32Array(programCount);
  }
  if (scratch.taught.length < programCount * words) scratch.taught = new Uint32Array(programCount * words);
  scratch.isSeen.fill(0, 0, programCount);
  scratch.candidateAt.fill(-1, 0, programCount);
  scratch.taught.fill(0, 0, programCount * words);
  return scratch;
}

/** Calls `visit` with each position set in `words` bit-set words from `at`, lowest first. */
function forEachBit(bits: Uint32Array, at: number, words: number, visit: (position: number) => void) {
  for (let word = 0; word < words; word++) {
    for (let rest = bits[at + word]!; rest !== 0; rest &= rest - 1) visit(word * 32 + 31 - Math.clz32(rest & -rest));
  }
}

const priceAt = (columns: ProgramColumns, slot: number) =>
  stepCost({ costEur: Number.isNaN(columns.costEur[slot]!) ? null : columns.costEur[slot]!, hours: Number.isNaN(columns.hours[slot]!) ? null : columns.hours[slot]! });

/**
 * Published programs teaching any of the gap skills that the client can take, with their
 * prerequisite programs (even when those teach no gap skill), from the in-memory candidate
 * index (read current by the caller): no query. The recommender gets the shortlist of them.
 */
export function buildCandidatePool(index: CandidateIndex, gap: GapSkillWeight[], constraints: ClientConstraints, excludedIds: string[]): CandidatePool {
  const { columns } = index;
  const resolved = columnConstraints(columns, constraints);
  const gapSkillIds = gap.map((g) => g.skillId);
  const words = Math.max(1, Math.ceil(gapSkillIds.length / 32));
  const pool: CandidatePool = {
    candidates: [], ruledOut: {}, ruledOutSkills: new Map(), teachingCount: 0,
    slots: new Int32Array(0), skillBits: new Uint32Array(0), words, gapSkillIds, weights: Float64Array.from(gap, weightOf), stepCosts: new Float64Array(0), constraints: resolved,
  };
  if (gapSkillIds.length === 0) return pool;
  const excluded = new Set(excludedIds);
  const excludedSlots = new Set(excludedIds.map((id) => index.slotById.get(id)));

  // Which gap skills each program teaches, as a bit set of positions in `gapSkillIds`.
  const { taught, isSeen, reached, fitted, candidateAt } = scratchFor(index.programs.length, words);
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
    forEachBit(taught, slot * words, words, (position) => reasonCounts[position * reasons + exclusion]!++);
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

  const slots = keepCheapestPerSkillSet(index, fitted.subarray(0, fittedCount), taught, words);
  const teachingCandidates = slots.length;
  slots.forEach((slot, k) => (candidateAt[slot] = k));
  // Prerequisites of candidates are candidates too, even when they teach no gap skill (two levels deep).
  // Only the candidates a round added can require a program not yet checked.
  for (let depth = 0, checkedUpTo = 0; depth < 2; depth++) {
    const missing = new Set<number>();
    for (let k = checkedUpTo; k < slots.length; k++) {
      for (const id of publishedOnly(index, index.programs[slots[k]!]!.requiresIds)) {
        const slot = index.slotById.get(id)!;
        if (candidateAt[slot]! < 0 && !excluded.has(id)) missing.add(slot);
      }
    }
    checkedUpTo = slots.length;
    for (const slot of missing) {
      if (exclusionAt(columns, slot, resolved) >= 0) continue;
      candidateAt[slot] = slots.length;
      slots.push(slot);
    }
  }

  pool.slots = Int32Array.from(slots);
  pool.skillBits = new Uint32Array(slots.length * words);
  pool.stepCosts = new Float64Array(slots.length);
  for (let k = 0; k < slots.length; k++) {
    if (k < teachingCandidates) pool.skillBits.set(taught.subarray(slots[k]! * words, (slots[k]! + 1) * words), k * words);
    pool.stepCosts[k] = priceAt(columns, slots[k]!);
  }
  const isShortlisted = shortlistOf(index, pool, candidateAt);
  for (let k = 0; k < slots.length; k++) if (isShortlisted[k]) addCandidate(pool, index, k);
  return pool;
}

/**
 * Which candidates are worth searching: for each gap skill the cheapest few that teach it, the
 * best by weight per cost, and every prerequisite of those. A program left out costs more than
 * eight others teaching each of its skills and covers less per euro than 200 others, so neither
 * the greedy nor the improvement step would pick it in practice; this keeps the search fast when
 * tens of thousands of programs teach some gap skill.
 */
function shortlistOf(index: CandidateIndex, pool: CandidatePool, candidateAt: Int32Array): Uint8Array {
  const { slots, skillBits, words, weights, stepCosts } = pool;
  const count = slots.length;
  const keep = new Uint8Array(count);
  if (count <= shortlistLimits.byRatio) return keep.fill(1);
  const idOf = (k: number) => index.programs[slots[k]!]!.id;
  const byId = (a: number, b: number) => (idOf(a) < idOf(b) ? -1 : 1);
  const byCost = (a: number, b: number) => stepCosts[a]! - stepCosts[b]! || byId(a, b);
  const ratios = new Float64Array(count);
  const byRatio = (a: number, b: number) => ratios[b]! - ratios[a]! || byId(a, b);
  const cheapestBySkill: number[][] = pool.gapSkillIds.map(() => []);
  const best: number[] = [];
  for (let k = 0; k < count; k++) {
    let weight = 0;
    forEachBit(skillBits, k * words, words, (position) => {
      weight += weights[position]!;
      insertInOrder(cheapestBySkill[position]!, k, shortlistLimits.perSkill, byCost);
    });
    ratios[k] = weight / stepCosts[k]!;
    insertInOrder(best, k, shortlistLimits.byRatio, byRatio);
  }
  const pending = [...cheapestBySkill.flat(), ...best];
  for (const k of pending) keep[k] = 1;
  while (pending.length) {
    for (const id of publishedOnly(index, index.programs[slots[pending.pop()!]!]!.requiresIds)) {
      const required = candidateAt[index.slotById.get(id)!]!;
      if (required < 0 || keep[required]) continue;
      keep[required] = 1;
      pending.push(required);
    }
  }
  return keep;
}

/**
 * Other programs that could take each step's place: those teaching the step's skills, the most
 * of its weight first, then the cheapest, then by id. One pass over every candidate, not only
 * the shortlist (a step's skills belong to it alone).
 */
export function alternativesForSteps(index: CandidateIndex, pool: CandidatePool, steps: RecommendedStep[], limit = 3): Array<Array<{ programId: string; sharedSkillIds: string[] }>> {
  const { slots, skillBits, words, weights, stepCosts, gapSkillIds } = pool;
  const positionOf = new Map(gapSkillIds.map((skillId, position) => [skillId, position]));
  const stepAt = new Int32Array(gapSkillIds.length).fill(-1);
  steps.forEach((step, i) => step.coveredSkillIds.forEach((skillId) => (stepAt[positionOf.get(skillId)!] = i)));
  const chosen = new Set(steps.map((step) => index.slotById.get(step.programId)));
  type Sharing = { k: number; weight: number };
  const idOf = (k: number) => index.programs[slots[k]!]!.id;
  const byBestSubstitute = (a: Sharing, b: Sharing) => b.weight - a.weight || stepCosts[a.k]! - stepCosts[b.k]! || (idOf(a.k) < idOf(b.k) ? -1 : 1);
  const best: Sharing[][] = steps.map(() => []);
  const weightByStep = new Float64Array(steps.length);
  const touchedSteps: number[] = [];
  for (let k = 0; k < slots.length; k++) {
    if (chosen.has(slots[k]!)) continue;
    forEachBit(skillBits, k * words, words, (position) => {
      const i = stepAt[position]!;
      if (i < 0) return;
      if (!touchedSteps.includes(i)) touchedSteps.push(i);
      weightByStep[i]! += weights[position]!;
    });
    for (const i of touchedSteps) {
      insertInOrder(best[i]!, { k, weight: weightByStep[i]! }, limit, byBestSubstitute);
      weightByStep[i] = 0;
    }
    touchedSteps.length = 0;
  }
  return best.map((first, i) =>
    first.map(({ k }) => {
      const sharedSkillIds: string[] = [];
      forEachBit(skillBits, k * words, words, (position) => stepAt[position] === i && sharedSkillIds.push(gapSkillIds[position]!));
      return { programId: idOf(k), sharedSkillIds };
    }),
  );
}

function fitOf(index: CandidateIndex, slot: number, resolved: ColumnConstraints): Fitted {
  const fit = fitProgramAt(index.columns, slot, resolved);
  if (!fit.ok) throw new Error(`Program ${index.programs[slot]!.id} passed the constraints, then failed them.`);
  return fit;
}

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

  // Ranked by price (euros plus study hours), then id; only skill sets with more than a few programs need it.
  const { costEur, hours } = index.columns;
  const price = new Float64Array(fitted.length);
  for (let k = 0; k < bySkillSet.length; k++) {
    const slot = bySkillSet[k]!;
    price[k] = (Number.isNaN(costEur[slot]!) ? 0 : costEur[slot]!) + 5 * (Number.isNaN(hours[slot]!) ? 0 : hours[slot]!);
  }
  const byPriceThenId = (a: number, b: number) => price[a]! - price[b]! || (index.programs[bySkillSet[a]!]!.id < index.programs[bySkillSet[b]!]!.id ? -1 : 1);
  const kept: number[] = [];
  const cheapest: number[] = [];
  for (let group = 0; group < groups; group++) {
    const [start, end] = [groupStart[group]!, groupStart[group + 1]!];
    if (end - start <= keepPerSkillSet) {
      for (let k = start; k < end; k++) kept.push(bySkillSet[k]!);
      continue;
    }
    cheapest.length = 0;
    for (let k = start; k < end; k++) insertInOrder(cheapest, k, keepPerSkillSet, byPriceThenId);
    for (const k of cheapest) kept.push(bySkillSet[k]!);
  }
  return kept;
}

/** Links count only to published programs, as on the program's page. */
const publishedOnly = (index: CandidateIndex, ids: string[]) => (ids.length === 0 ? ids : ids.filter((id) => index.programs[index.slotById.get(id)!]?.isPublished));

function addCandidate(pool: CandidatePool, index: CandidateIndex, k: number) {
  const slot = pool.slots[k]!;
  const program = index.programs[slot]!;
  const fit = fitOf(index, slot, pool.constraints);
  const stacksIntoIds = publishedOnly(index, program.stacksIntoIds);
  const skillIds: string[] = [];
  forEachBit(pool.skillBits, k * pool.words, pool.words, (position) => skillIds.push(pool.gapSkillIds[position]!));
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

const num = (v: string | null) => (v === null ? null : Number(v));

/** Cards of the few programs a recommendation shows, in two queries (programs, their published links). */
export async function loadProgramCards(db: Db, index: CandidateIndex, pool: CandidatePool, ids: string[]): Promise<Map<string, ProgramCard>> {
  const cards = new Map<string, ProgramCard>();
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return cards;
  // Before any await: a reload may change the index in place meanwhile.
  const fitById = new Map(wanted.map((id) => [id, fitOf(index, index.slotById.get(id)!, pool.constraints)]));
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
