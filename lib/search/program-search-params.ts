import { z } from 'zod';
import { credentialTypes, deliveryModes } from '@/lib/catalog/vocabulary';
import { costBands, hoursBands } from './program-documents';

/*
 * Search parameters of GET /api/v1/programs and the /programs page (the same names, so a
 * page URL and an API URL are interchangeable). Multi-value parameters repeat or use commas.
 */

export const programSorts = ['relevance', 'in_demand', 'cost_asc', 'cost_desc', 'hours_asc', 'hours_desc', 'start_date', 'newest', 'distance', 'completeness'] as const;
export type ProgramSort = (typeof programSorts)[number];
export const programSortLabels: Record<ProgramSort, string> = {
  relevance: 'Best match',
  in_demand: 'In-demand skills first',
  cost_asc: 'Cost: low to high',
  cost_desc: 'Cost: high to low',
  hours_asc: 'Workload: shortest first',
  hours_desc: 'Workload: longest first',
  start_date: 'Next start date',
  newest: 'Newest',
  distance: 'Distance',
  completeness: 'Most complete record',
};

const multi = <T extends z.ZodType>(item: T) => z.array(item).max(50, 'Give at most 50 values.').default([]);
const code = z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/, 'Use codes of letters, digits, - and _.');
const positive = (label: string, max: number) => z.coerce.number({ error: `${label} must be a number.` }).min(0, `${label} cannot be negative.`).max(max).optional();

export const programSearchSchema = z
  .object({
    q: z.string().trim().max(200, 'Keep the search under 200 characters.').default(''),
    country: multi(code.transform((v) => v.toUpperCase())),
    region: multi(code.transform((v) => v.toUpperCase())),
    field: multi(z.string().regex(/^\d{2,4}$/, 'Use ISCED-F codes of 2 to 4 digits.')),
    delivery_mode: multi(z.enum(deliveryModes, { error: `Use one of: ${deliveryModes.join(', ')}.` })),
    credential_type: multi(z.enum(credentialTypes, { error: `Use one of: ${credentialTypes.join(', ')}.` })),
    eqf_level: multi(z.coerce.number().int().min(1, 'EQF levels run from 1 to 8.').max(8, 'EQF levels run from 1 to 8.')),
    language: multi(z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, 'Use ISO 639-1 language codes.')),
    provider: multi(z.string().trim().min(1).max(200)),
    skill: multi(z.string().trim().min(1).max(300)),
    cost_band: multi(z.enum(costBands)),
    hours_band: multi(z.enum(hoursBands)),
    credit_bearing: z.enum(['true', 'false'], { error: 'Use true or false.' }).optional(),
    max_cost: positive('max_cost', 10_000_000),
    max_hours: positive('max_hours', 100_000),
    near: z
      .string()
      .regex(/^-?\d+(\.\d+)?,\s*-?\d+(\.\d+)?$/, 'Give near as <latitude>,<longitude>, e.g. 43.65,-79.38.')
      .transform((v) => v.split(',').map(Number) as [number, number])
      .refine(([lat, lng]) => Math.abs(lat) <= 90 && Math.abs(lng) <= 180, 'Latitude must be within ±90 and longitude within ±180.')
      .optional(),
    radius_km: z.coerce.number().min(1, 'radius_km must be at least 1.').max(2000, 'radius_km must be at most 2000.').optional(),
    open_in: code.transform((v) => v.toUpperCase()).optional(),
    sort: z.enum(programSorts, { error: `Use one of: ${programSorts.join(', ')}.` }).default('relevance'),
    page: z.coerce.number().int().min(1, 'page starts at 1.').max(500, 'page must be at most 500.').default(1),
    per_page: z.coerce.number().int().min(1).max(100, 'per_page must be at most 100.').default(20),
  })
  .superRefine((v, ctx) => {
    if (v.sort === 'distance' && !v.near) ctx.addIssue({ code: 'custom', path: ['sort'], message: 'Sorting by distance needs near=<lat>,<lng>.' });
  });

export type ProgramSearchParams = z.infer<typeof programSearchSchema>;

/** The region whose demand ranks and badges results: the one searched in, else the viewer's own. */
export function demandRegionOf(params: Pick<ProgramSearchParams, 'region' | 'country' | 'open_in'>, viewerRegion?: string | null): string | null {
  return params.region[0] ?? params.country[0] ?? params.open_in ?? viewerRegion ?? null;
}

const multiKeys = ['country', 'region', 'field', 'delivery_mode', 'credential_type', 'eqf_level', 'language', 'provider', 'skill', 'cost_band', 'hours_band'] as const;

/** URLSearchParams (or a Next `searchParams` object) → raw object for `programSearchSchema`. */
export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, unknown> {
  const get = (key: string): string[] => {
    if (params instanceof URLSearchParams) return params.getAll(key);
    const v = params[key];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const keys = params instanceof URLSearchParams ? [...new Set(params.keys())] : Object.keys(params);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const values = get(key).filter((v) => v !== '');
    if ((multiKeys as readonly string[]).includes(key)) {
      // Provider names may hold commas, so they only repeat.
      out[key] = key === 'provider' || key === 'skill' ? values : values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    } else if (values.length) out[key] = values[values.length - 1];
  }
  return out;
}

/** The inverse, for links: drops defaults so URLs stay short. */
export function searchParamsToQuery(params: Partial<ProgramSearchParams>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'sort' && value === 'relevance') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'per_page' && value === 20) continue;
    if (key === 'near' && Array.isArray(value)) query.set(key, value.join(','));
    else if (Array.isArray(value)) for (const v of value) query.append(key, String(v));
    else query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
