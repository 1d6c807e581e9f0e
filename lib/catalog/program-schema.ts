import { z } from 'zod';
import { isValidCountry, isValidRegion } from '@/lib/geo/regions';
import { isValidIscedCode } from './isced-f';
import { credentialTypes, deliveryModes, isCurrencyCode, languageName, paces, programStatuses } from './vocabulary';

/*
 * One schema for a micro-credential program, shared by the provider form, the API,
 * JSON/CSV/CTDL import and the OpenAPI document. Inputs may be typed JSON or the
 * strings a form or CSV cell gives: blanks become "not given", `a|b` becomes a list.
 */

/** `2027-02-30` parses in JavaScript (as 2 March); a real date survives the round trip. */
const isRealDate = (d: string) => !Number.isNaN(Date.parse(d)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

const blankToUndefined = (v: unknown) => (v === '' || v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, `Use at most ${max} characters.`).optional());

const optionalNumber = (opts: { min: number; max: number; int?: boolean; label: string }) =>
  z.preprocess(
    (v) => {
      const value = blankToUndefined(v);
      if (typeof value === 'string') {
        const n = Number(value.trim().replace(/,/g, ''));
        return Number.isFinite(n) ? n : value;
      }
      return value;
    },
    (opts.int ? z.number({ error: `${opts.label} must be a whole number.` }).int(`${opts.label} must be a whole number.`) : z.number({ error: `${opts.label} must be a number.` }))
      .min(opts.min, `${opts.label} must be at least ${opts.min}.`)
      .max(opts.max, `${opts.label} must be at most ${opts.max}.`)
      .optional(),
  );

const optionalBoolean = z.preprocess((v) => {
  const value = blankToUndefined(v);
  if (typeof value !== 'string') return value;
  const s = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'on'].includes(s)) return true;
  if (['false', 'no', 'n', '0', 'off'].includes(s)) return false;
  return value;
}, z.boolean({ error: 'Use yes or no.' }).optional());

const list = <T extends z.ZodType>(item: T, max = 100) =>
  z.preprocess((v) => {
    const value = blankToUndefined(v);
    if (value === undefined) return [];
    if (typeof value === 'string') return value.split(/[|\n]/).map((s) => s.trim()).filter(Boolean);
    return value;
  }, z.array(item).max(max, `Give at most ${max} values.`));

const optionalUrl = z.preprocess(
  blankToUndefined,
  z.string().trim().max(2000).url('Enter a full web address starting with https://').refine((u) => /^https?:\/\//i.test(u), 'Use an http or https address.').optional(),
);

const countryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isValidCountry, 'Use an ISO 3166-1 alpha-2 country code, such as CA or GB.');

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: `Use one of: ${values.join(', ')}.` }).optional());

export const programInputSchema = z
  .object({
    externalId: optionalText(200).describe('Your stable identifier: re-importing the same id updates the program'),
    title: z.string({ error: 'Give the program a title.' }).trim().min(3, 'Use at least 3 characters for the title.').max(200, 'Use at most 200 characters.'),
    summary: optionalText(500),
    description: optionalText(20_000),
    learningOutcomes: list(z.string().trim().min(1).max(1000), 50).describe('What a learner knows or can do after the program'),
    providerName: z.string({ error: 'Name the awarding body.' }).trim().min(2, 'Name the awarding body (at least 2 characters).').max(200),
    providerCountry: z.preprocess(blankToUndefined, countryCode.optional()),
    providerWebsite: optionalUrl,
    credentialType: z.enum(credentialTypes, { error: `Use one of: ${credentialTypes.join(', ')}.` }),
    fieldOfStudy: z.preprocess(
      blankToUndefined,
      z.string().trim().refine(isValidIscedCode, 'Use an ISCED-F 2013 field code, such as 0613 (software development).').optional(),
    ),
    country: z.preprocess(blankToUndefined, countryCode.optional()),
    region: z.preprocess(
      blankToUndefined,
      z.string().trim().transform((v) => v.toUpperCase()).refine((v) => isValidRegion(v), 'Use an ISO 3166-2 region code, such as CA-ON or GB-ENG.').optional(),
    ),
    city: optionalText(120),
    latitude: optionalNumber({ min: -90, max: 90, label: 'Latitude' }),
    longitude: optionalNumber({ min: -180, max: 180, label: 'Longitude' }),
    openWorldwide: optionalBoolean.describe('Online programs: open to learners anywhere'),
    openCountries: list(countryCode, 250).describe('Online programs: countries whose learners may enrol'),
    deliveryMode: z.enum(deliveryModes, { error: `Use one of: ${deliveryModes.join(', ')}.` }),
    languages: list(
      z.string().trim().toLowerCase().refine((c) => !!languageName(c), 'Use ISO 639-1 language codes, such as en or fr.'),
      20,
    ),
    hours: optionalNumber({ min: 0.5, max: 10_000, label: 'Hours' }),
    ects: optionalNumber({ min: 0, max: 300, label: 'ECTS credits' }),
    weeks: optionalNumber({ min: 0.1, max: 520, label: 'Weeks' }),
    pace: optionalEnum(paces),
    eqfLevel: optionalNumber({ min: 1, max: 8, int: true, label: 'EQF level' }),
    assessmentType: optionalText(300),
    isCreditBearing: optionalBoolean,
    creditValue: optionalNumber({ min: 0, max: 500, label: 'Credit value' }),
    creditQualification: optionalText(300),
    stacksInto: list(z.string().trim().min(1).max(300), 20).describe('External ids or titles of larger credentials this stacks into'),
    prerequisites: list(z.string().trim().min(1).max(300), 20).describe('External ids or titles of programs, or short statements, required before enrolling'),
    qaType: optionalText(300).describe('Type of quality assurance'),
    qaBody: optionalText(300).describe('Accrediting or recognising body'),
    cost: optionalNumber({ min: 0, max: 1_000_000, label: 'Cost' }),
    currency: z.preprocess(
      (v) => (typeof v === 'string' ? blankToUndefined(v.trim().toUpperCase()) : v),
      z.string().refine(isCurrencyCode, 'Use an ISO 4217 currency code, such as CAD or EUR.').optional(),
    ),
    fundingOptions: list(z.string().trim().min(1).max(300), 20),
    startDates: list(z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write start dates as YYYY-MM-DD.'), 50),
    url: optionalUrl,
    badgeImageUrl: optionalUrl,
    status: z.preprocess(blankToUndefined, z.enum(programStatuses, { error: `Use one of: ${programStatuses.join(', ')}.` }).default('draft')),
    skills: list(z.string().trim().min(1).max(300), 100).describe('Skill labels, ids or URIs (resolved to the taxonomy)'),
    ctid: optionalText(200).describe('Credential Engine CTID'),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.region && p.country && !p.region.startsWith(`${p.country}-`)) issue('region', `Region ${p.region} is not in country ${p.country}.`);
    if ((p.latitude === undefined) !== (p.longitude === undefined)) issue(p.latitude === undefined ? 'latitude' : 'longitude', 'Give both latitude and longitude, or neither.');
    if ((p.deliveryMode === 'in_person' || p.deliveryMode === 'blended') && !p.country) issue('country', 'In-person and blended programs need the country where they take place.');
    if (p.cost !== undefined && p.cost > 0 && !p.currency) issue('currency', 'Give the currency of the cost, such as CAD or EUR.');
    if (p.creditValue !== undefined && p.isCreditBearing === false) issue('creditValue', 'A non-credit program cannot have a credit value.');
    for (const d of p.startDates) if (!isRealDate(d)) issue('startDates', `${d} is not a real date.`);
  });

export type ProgramInput = z.infer<typeof programInputSchema>;
/** What callers may send: strings for every scalar are accepted too. */
export type ProgramInputRaw = Partial<z.input<typeof programInputSchema>>;
