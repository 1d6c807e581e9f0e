import { deliveryModes, hasPhysicalPlace, isOnlineMode } from '@/lib/catalog/vocabulary';
import { kmBetween } from '@/lib/geo/distance';
import { getSubdivision, type Subdivision } from '@/lib/geo/regions';
import { type ClientConstraints, exclusionReasons, type ExclusionReason, type Fit, type Place, type ProgramFacts } from './constraints';

/*
 * The facts `fitProgram` reads, one typed array per field, so checking ~100,000 programs reads a
 * few dense arrays instead of touching every program object (the scan is bound by memory reads).
 * `fitProgramAt` answers exactly what `fitProgram` answers; `fitProgram` stays the readable
 * specification and a unit test holds the two together.
 */

export const exclusionReasonOrder = Object.keys(exclusionReasons) as ExclusionReason[];
const reasonCode = Object.fromEntries(exclusionReasonOrder.map((reason, i) => [reason, i])) as Record<ExclusionReason, number>;
const places: Place[] = ['in_region', 'nearby', 'in_country', 'online', 'anywhere'];
const placeCode = Object.fromEntries(places.map((place, i) => [place, i])) as Record<Place, number>;

const flag = { takenOnline: 1, openEverywhere: 2, physicalPlace: 4, selfPaced: 8 } as const;
const dayMs = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / dayMs;
/** ISO dates by day number: a few hundred distinct start days serve every candidate. */
const isoByDay = new Map<number, string>();
function isoOfDay(day: number): string {
  let iso = isoByDay.get(day);
  if (iso === undefined) isoByDay.set(day, (iso = new Date(day * dayMs).toISOString().slice(0, 10)));
  return iso;
}
const noName = -1;
/** A client's country, region or language no program names: equal to no program's. */
const unknownName = -2;

/** A list field as slices of one shared pool of integers; equal lists share a slice. */
class ListColumn {
  start = new Int32Array(0);
  length = new Int32Array(0);
  pool = new Int32Array(1024);
  private poolSize = 0;
  private readonly sliceByKey = new Map<string, number>();

  grow(capacity: number) {
    this.start = grown(this.start, capacity);
    this.length = grown(this.length, capacity);
  }

  set(i: number, values: number[]) {
    const key = values.join(',');
    let start = this.sliceByKey.get(key);
    if (start === undefined) {
      start = this.poolSize;
      if (this.poolSize + values.length > this.pool.length) this.pool = grown(this.pool, 2 * (this.poolSize + values.length));
      this.pool.set(values, start);
      this.poolSize += values.length;
      this.sliceByKey.set(key, start);
    }
    this.start[i] = start;
    this.length[i] = values.length;
  }

  includes(i: number, value: number): boolean {
    const start = this.start[i]!;
    const end = start + this.length[i]!;
    for (let k = start; k < end; k++) if (this.pool[k] === value) return true;
    return false;
  }
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

const orNaN = (n: number | null) => (n === null ? NaN : n);

export class ProgramColumns {
  private capacity = 0;
  private readonly nameIds = new Map<string, number>();
  deliveryMode = new Uint8Array(0);
  flags = new Uint8Array(0);
  country = new Int32Array(0);
  region = new Int32Array(0);
  latitude = new Float64Array(0);
  longitude = new Float64Array(0);
  /** NaN when unknown; 0 for a stated cost of 0 in any currency (`fitProgram` lets those through a budget). */
  costEur = new Float64Array(0);
  hours = new Float64Array(0);
  weeks = new Float64Array(0);
  readonly openCountries = new ListColumn();
  readonly languages = new ListColumn();
  /** Sorted day numbers. */
  readonly startDays = new ListColumn();

  /** The id of a country, region or language, or `unknownName` when no program names it. */
  nameId(name: string): number {
    return this.nameIds.get(name) ?? unknownName;
  }

  private intern(name: string | null): number {
    if (name === null) return noName;
    const known = this.nameIds.get(name);
    if (known !== undefined) return known;
    this.nameIds.set(name, this.nameIds.size);
    return this.nameIds.size - 1;
  }

  get nameCount(): number {
    return this.nameIds.size;
  }

  set(i: number, p: ProgramFacts) {
    if (i >= this.capacity) this.grow(Math.max(1024, 2 * i));
    this.deliveryMode[i] = deliveryModes.indexOf(p.deliveryMode);
    const isOpenEverywhere = p.openWorldwide || p.openCountries.length === 0 || p.openCountries.includes('*');
    const isSelfPaced = p.deliveryMode === 'online_self_paced' || p.pace === 'self_paced' || p.pace === 'flexible';
    const isTakenOnline = isOnlineMode(p.deliveryMode) || p.openWorldwide || p.openCountries.length > 0;
    this.flags[i] =
      (isTakenOnline ? flag.takenOnline : 0) | (isOpenEverywhere ? flag.openEverywhere : 0) | (hasPhysicalPlace(p.deliveryMode) ? flag.physicalPlace : 0) | (isSelfPaced ? flag.selfPaced : 0);
    this.country[i] = this.intern(p.country);
    this.region[i] = this.intern(p.region);
    this.latitude[i] = orNaN(p.latitude);
    this.longitude[i] = orNaN(p.longitude);
    this.costEur[i] = p.costEur ?? (p.cost === 0 ? 0 : NaN);
    this.hours[i] = orNaN(p.hours);
    this.weeks[i] = orNaN(p.weeks);
    this.openCountries.set(i, p.openCountries.map((c) => this.intern(c)));
    this.languages.set(i, p.languages.map((l) => this.intern(l)));
    this.startDays.set(i, p.startDates.map(dayOf).sort((a, b) => a - b));
  }

  /** Whether the program can be taken from the client's country at all (no country: anywhere). */
  isReachableAt(i: number, countryId: number | null): boolean {
    return countryId === null || this.country[i] === countryId || (this.flags[i]! & flag.takenOnline) !== 0;
  }

  private grow(capacity: number) {
    this.capacity = capacity;
    this.deliveryMode = grown(this.deliveryMode, capacity);
    this.flags = grown(this.flags, capacity);
    this.country = grown(this.country, capacity);
    this.region = grown(this.region, capacity);
    this.latitude = grown(this.latitude, capacity);
    this.longitude = grown(this.longitude, capacity);
    this.costEur = grown(this.costEur, capacity);
    this.hours = grown(this.hours, capacity);
    this.weeks = grown(this.weeks, capacity);
    this.openCountries.grow(capacity);
    this.languages.grow(capacity);
    this.startDays.grow(capacity);
  }
}

/** A client's constraints in the columns' terms: resolved once per recommendation. */
export type ColumnConstraints = {
  deliveryModeMask: number | null;
  countryId: number | null;
  regionId: number | null;
  centre: Subdivision | undefined;
  travelRadiusKm: number | null;
  /** Per name id, whether the client speaks it; null when they gave no language. */
  speaks: Uint8Array | null;
  maxBudgetEur: number | null;
  hoursPerWeek: number | null;
  startFromDay: number;
  targetDay: number | null;
};

export function columnConstraints(columns: ProgramColumns, c: ClientConstraints): ColumnConstraints {
  let speaks: Uint8Array | null = null;
  if (c.languages.length) {
    speaks = new Uint8Array(columns.nameCount);
    for (const language of c.languages) if (columns.nameId(language) >= 0) speaks[columns.nameId(language)] = 1;
  }
  return {
    // A mode outside the vocabulary matches no program, as in `fitProgram`.
    deliveryModeMask: c.deliveryModes.length ? deliveryModes.reduce((mask, mode, code) => (c.deliveryModes.includes(mode) ? mask | (1 << code) : mask), 0) : null,
    countryId: c.country ? columns.nameId(c.country) : null,
    regionId: c.region ? columns.nameId(c.region) : null,
    centre: c.region ? getSubdivision(c.region) : undefined,
    travelRadiusKm: c.travelRadiusKm,
    speaks,
    maxBudgetEur: c.maxBudgetEur,
    hoursPerWeek: c.hoursPerWeek,
    startFromDay: dayOf(c.startFrom),
    targetDay: c.targetDate ? dayOf(c.targetDate) : null,
  };
}

/** Where the last check placed the program, and its next start: read right after `exclusionAt`. */
const found = { place: 0, distanceKm: NaN, nextStartDay: NaN };
const programPoint = { lat: 0, lng: 0 };

/** Where the client takes program \`i\` (an index into \`places\`), or -1 when they cannot; sets \`found.distanceKm\` when nearby. */
function placeAt(col: ProgramColumns, i: number, c: ColumnConstraints): number {
  found.distanceKm = NaN;
  if (c.countryId === null) return placeCode.anywhere;
  const flags = col.flags[i]!;
  if (flags & flag.takenOnline && (flags & flag.openEverywhere || col.openCountries.includes(i, c.countryId))) return placeCode.online;
  if (!(flags & flag.physicalPlace) || col.country[i] !== c.countryId) return -1;
  if (c.regionId !== null && col.region[i] === c.regionId) return placeCode.in_region;
  if (!c.centre) return c.regionId === null ? placeCode.in_country : -1;
  programPoint.lat = col.latitude[i]!;
  programPoint.lng = col.longitude[i]!;
  if (!c.travelRadiusKm || Number.isNaN(programPoint.lat) || Number.isNaN(programPoint.lng)) return -1;
  found.distanceKm = Math.round(kmBetween(c.centre, programPoint));
  return found.distanceKm <= c.travelRadiusKm ? placeCode.nearby : -1;
}

function speaksAny(col: ProgramColumns, i: number, speaks: Uint8Array): boolean {
  const start = col.languages.start[i]!;
  const end = start + col.languages.length[i]!;
  for (let k = start; k < end; k++) if (speaks[col.languages.pool[k]!]) return true;
  return false;
}

/** Why `fitProgram` rules program `i` out, as an index into `exclusionReasonOrder`, or -1 when it fits. */
export function exclusionAt(col: ProgramColumns, i: number, c: ColumnConstraints): number {
  if (c.deliveryModeMask !== null && !(c.deliveryModeMask & (1 << col.deliveryMode[i]!))) return reasonCode.delivery_mode;
  found.place = placeAt(col, i, c);
  if (found.place < 0) return reasonCode.location;
  if (c.speaks && col.languages.length[i]! > 0 && !speaksAny(col, i, c.speaks)) return reasonCode.language;
  if (c.maxBudgetEur !== null) {
    const costEur = col.costEur[i]!;
    if (Number.isNaN(costEur)) return reasonCode.cost_unknown;
    if (costEur > c.maxBudgetEur) return reasonCode.over_budget;
  }
  if (c.hoursPerWeek && !(col.flags[i]! & flag.selfPaced)) {
    const hours = col.hours[i]!;
    const weeks = col.weeks[i]!;
    if (hours && weeks && hours / weeks > c.hoursPerWeek + 1e-9) return reasonCode.too_intensive;
  }
  found.nextStartDay = NaN;
  const start = col.startDays.start[i]!;
  const end = start + col.startDays.length[i]!;
  if (start === end) return -1;
  for (let k = start; k < end; k++) {
    if (col.startDays.pool[k]! >= c.startFromDay) {
      found.nextStartDay = col.startDays.pool[k]!;
      break;
    }
  }
  if (Number.isNaN(found.nextStartDay)) return reasonCode.no_start_date;
  if (c.targetDay !== null && found.nextStartDay > c.targetDay) return reasonCode.starts_too_late;
  return -1;
}

/** `fitProgram` of program `i`, read from the columns. */
export function fitProgramAt(col: ProgramColumns, i: number, c: ColumnConstraints): Fit {
  const exclusion = exclusionAt(col, i, c);
  if (exclusion >= 0) return { ok: false, reason: exclusionReasonOrder[exclusion]! };
  const hours = col.hours[i]!;
  const programWeeks = col.weeks[i]!;
  const atClientPace = c.hoursPerWeek && hours ? hours / c.hoursPerWeek : 0;
  const isWeeksKnown = !Number.isNaN(programWeeks);
  const weeks = Math.round((col.flags[i]! & flag.selfPaced ? atClientPace || (isWeeksKnown ? programWeeks : 0) : isWeeksKnown ? programWeeks : atClientPace) * 10) / 10;
  return {
    ok: true,
    place: places[found.place]!,
    distanceKm: Number.isNaN(found.distanceKm) ? null : found.distanceKm,
    weeks,
    nextStart: Number.isNaN(found.nextStartDay) ? null : isoOfDay(found.nextStartDay),
  };
}
