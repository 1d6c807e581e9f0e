import { isTakenOnline, onlineOpenCountries } from '@/lib/catalog/availability';
import type { Program } from '@/db/schema';
import { programCompleteness } from '@/lib/catalog/completeness';
import { toEur } from '@/lib/catalog/currency';
import { getIscedField, iscedAncestors } from '@/lib/catalog/isced-f';
import { hasPhysicalPlace } from '@/lib/catalog/vocabulary';

/** What Meilisearch stores for a published program: flat, filterable, and enough to render a result card. */
export type ProgramDocument = {
  id: string;
  slug: string;
  orgId: string;
  title: string;
  summary: string | null;
  description: string | null;
  learningOutcomes: string[];
  providerName: string;
  credentialType: string;
  fieldCodes: string[];
  fieldLabels: string[];
  fieldLabel: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  _geo?: { lat: number; lng: number };
  deliveryMode: string;
  isOnline: boolean;
  /** Countries whose learners may enrol online; `*` means anywhere. */
  openCountries: string[];
  languages: string[];
  hours: number | null;
  ects: number | null;
  weeks: number | null;
  eqfLevel: number | null;
  isCreditBearing: boolean;
  cost: number | null;
  currency: string | null;
  costEur: number | null;
  costBand: string | null;
  hoursBand: string | null;
  nextStartDate: number | null;
  startDates: string[];
  createdAt: number;
  completeness: number;
  /** Preferred labels of the accepted skills (facet and search text). */
  skills: string[];
  skillIds: string[];
  stacksIntoTitles: string[];
  badgeImageUrl: string | null;
};

export const costBands = ['free', 'under_250', '250_1000', '1000_5000', 'over_5000'] as const;
export const costBandLabels: Record<(typeof costBands)[number], string> = {
  free: 'Free',
  under_250: 'Under €250',
  '250_1000': '€250–1,000',
  '1000_5000': '€1,000–5,000',
  over_5000: 'Over €5,000',
};
export const hoursBands = ['under_10', '10_40', '40_120', '120_400', 'over_400'] as const;
export const hoursBandLabels: Record<(typeof hoursBands)[number], string> = {
  under_10: 'Under 10 hours',
  '10_40': '10–40 hours',
  '40_120': '40–120 hours',
  '120_400': '120–400 hours',
  over_400: 'Over 400 hours',
};

function costBand(eur: number | null): string | null {
  if (eur === null) return null;
  if (eur === 0) return 'free';
  if (eur < 250) return 'under_250';
  if (eur < 1000) return '250_1000';
  if (eur < 5000) return '1000_5000';
  return 'over_5000';
}

function hoursBand(hours: number | null): string | null {
  if (hours === null) return null;
  if (hours < 10) return 'under_10';
  if (hours < 40) return '10_40';
  if (hours < 120) return '40_120';
  if (hours < 400) return '120_400';
  return 'over_400';
}

const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function programDocument(program: Program, related: { stacksIntoTitles: string[]; skills: Array<{ id: string; label: string }> }, today = new Date()): ProgramDocument {
  const fields = program.fieldOfStudy ? iscedAncestors(program.fieldOfStudy) : [];
  const isOnline = isTakenOnline(program);
  const costEur = toEur(program.cost, program.currency);
  const todayIso = today.toISOString().slice(0, 10);
  const upcoming = program.startDates.filter((d) => d >= todayIso).sort();
  const hasGeo = hasPhysicalPlace(program.deliveryMode) && program.latitude !== null && program.longitude !== null;
  return {
    id: program.id,
    slug: program.slug,
    orgId: program.orgId,
    title: program.title,
    summary: program.summary,
    description: program.description ? program.description.slice(0, 2000) : null,
    learningOutcomes: program.learningOutcomes,
    providerName: program.providerName,
    credentialType: program.credentialType,
    fieldCodes: fields.map((f) => f.code),
    fieldLabels: fields.map((f) => f.label),
    fieldLabel: program.fieldOfStudy ? (getIscedField(program.fieldOfStudy)?.label ?? null) : null,
    country: program.country,
    region: program.region,
    city: program.city,
    ...(hasGeo ? { _geo: { lat: program.latitude!, lng: program.longitude! } } : {}),
    deliveryMode: program.deliveryMode,
    isOnline,
    openCountries: onlineOpenCountries(program),
    languages: program.languages,
    hours: program.hours,
    ects: program.ects,
    weeks: program.weeks,
    eqfLevel: program.eqfLevel,
    isCreditBearing: program.isCreditBearing,
    cost: program.cost,
    currency: program.currency,
    costEur,
    costBand: costBand(costEur),
    hoursBand: hoursBand(program.hours),
    nextStartDate: upcoming[0] ? epochSeconds(new Date(`${upcoming[0]}T00:00:00Z`)) : null,
    startDates: program.startDates,
    createdAt: epochSeconds(program.createdAt),
    completeness: programCompleteness(program).score,
    skills: related.skills.map((s) => s.label),
    skillIds: related.skills.map((s) => s.id),
    stacksIntoTitles: related.stacksIntoTitles,
    badgeImageUrl: program.badgeImageUrl,
  };
}
