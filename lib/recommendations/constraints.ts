import { isOpenOnlineIn, isTakenOnline } from '@/lib/catalog/availability';
import { hasPhysicalPlace, type DeliveryMode, type Pace } from '@/lib/catalog/vocabulary';
import { kmBetween } from '@/lib/geo/distance';
import { getSubdivision } from '@/lib/geo/regions';

/** What the client can take on: from their record and the goal's target date. */
export type ClientConstraints = {
  country: string | null;
  region: string | null;
  travelRadiusKm: number | null;
  deliveryModes: string[];
  languages: string[];
  maxBudgetEur: number | null;
  hoursPerWeek: number | null;
  /** The later of today and the client's earliest start (ISO date). */
  startFrom: string;
  targetDate: string | null;
};

export type ProgramFacts = {
  deliveryMode: DeliveryMode;
  pace: Pace | null;
  country: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  openWorldwide: boolean;
  openCountries: string[];
  languages: string[];
  costEur: number | null;
  cost: number | null;
  hours: number | null;
  weeks: number | null;
  startDates: string[];
};

export const exclusionReasons = {
  delivery_mode: 'not in a delivery mode the client can take',
  location: 'not in the client’s region or travel radius, and not open online in their country',
  language: 'not taught in a language the client speaks',
  over_budget: 'costs more than the client’s whole budget',
  cost_unknown: 'cost not stated (a budget is set)',
  too_intensive: 'needs more hours a week than the client has',
  no_start_date: 'no start date on or after the client’s earliest start',
  starts_too_late: 'next start is after the goal’s target date',
} as const;
export type ExclusionReason = keyof typeof exclusionReasons;

export type Place = 'in_region' | 'nearby' | 'in_country' | 'online' | 'anywhere';
export type Fit = { ok: true; place: Place; distanceKm: number | null; weeks: number; nextStart: string | null } | { ok: false; reason: ExclusionReason };

const isSelfPaced = (p: ProgramFacts) => p.deliveryMode === 'online_self_paced' || p.pace === 'self_paced' || p.pace === 'flexible';

/** Weeks between two ISO dates (negative when `to` is earlier). */
export const weeksBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000);

function placeFor(p: ProgramFacts, c: ClientConstraints): { place: Place; distanceKm: number | null } | null {
  if (!c.country) return { place: 'anywhere', distanceKm: null };
  if (isTakenOnline(p) && isOpenOnlineIn(p, c.country)) return { place: 'online', distanceKm: null };
  if (!hasPhysicalPlace(p.deliveryMode) || p.country !== c.country) return null;
  if (c.region && p.region === c.region) return { place: 'in_region', distanceKm: null };
  const centre = c.region ? getSubdivision(c.region) : undefined;
  if (!centre) return c.region ? null : { place: 'in_country', distanceKm: null };
  if (!c.travelRadiusKm || p.latitude === null || p.longitude === null) return null;
  const distanceKm = Math.round(kmBetween(centre, { lat: p.latitude, lng: p.longitude }));
  return distanceKm <= c.travelRadiusKm ? { place: 'nearby', distanceKm } : null;
}

/**
 * Whether a client can take a program, and if so where, how many weeks it takes them
 * (self-paced programs at their hours per week) and when it next starts.
 */
export function fitProgram(p: ProgramFacts, c: ClientConstraints): Fit {
  if (c.deliveryModes.length && !c.deliveryModes.includes(p.deliveryMode)) return { ok: false, reason: 'delivery_mode' };
  const where = placeFor(p, c);
  if (!where) return { ok: false, reason: 'location' };
  if (c.languages.length && p.languages.length && !p.languages.some((l) => c.languages.includes(l))) return { ok: false, reason: 'language' };
  if (c.maxBudgetEur !== null) {
    if (p.costEur === null && p.cost !== 0) return { ok: false, reason: 'cost_unknown' };
    if ((p.costEur ?? 0) > c.maxBudgetEur) return { ok: false, reason: 'over_budget' };
  }
  const selfPaced = isSelfPaced(p);
  if (c.hoursPerWeek && !selfPaced && p.hours && p.weeks && p.hours / p.weeks > c.hoursPerWeek + 1e-9) return { ok: false, reason: 'too_intensive' };
  const atClientPace = c.hoursPerWeek && p.hours ? p.hours / c.hoursPerWeek : 0;
  const weeks = Math.round((selfPaced ? atClientPace || (p.weeks ?? 0) : (p.weeks ?? atClientPace)) * 10) / 10;
  let nextStart: string | null = null;
  if (p.startDates.length) {
    // The earliest date on or after the client's start: one pass, no sorted copy (this runs for every candidate).
    for (const d of p.startDates) if (d >= c.startFrom && (nextStart === null || d < nextStart)) nextStart = d;
    if (!nextStart) return { ok: false, reason: 'no_start_date' };
    if (c.targetDate && nextStart > c.targetDate) return { ok: false, reason: 'starts_too_late' };
  }
  return { ok: true, ...where, weeks, nextStart };
}
