import { z } from 'zod';
import { deliveryModes, isCurrencyCode } from '@/lib/catalog/vocabulary';
import { countries, subdivisions } from '@/lib/geo/regions';
import { gapSkillLevels } from '@/lib/employers/vocabulary';

/* One schema per client input, shared by the forms and the API; scalars accept strings. */

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const countryCodes = new Set(countries.map((c) => c.code));
const subdivisionCodes = new Set(subdivisions.map((s) => s.code));
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(/[\n,|]/).map((s) => s.trim()).filter(Boolean) : v ?? []), z.array(item).max(max));
const flag = z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' || v === undefined || v === '' ? false : v), z.boolean());
const wholeNumber = (label: string, max: number) =>
  z.preprocess(blank, z.coerce.number({ error: `${label} must be a number.` }).int(`${label} must be a whole number.`).min(0, `${label} cannot be negative.`).max(max, `${label} must be at most ${max.toLocaleString('en')}.`).optional());

export const clientInputSchema = z
  .object({
    fullName: z.string({ error: 'Give the client’s name.' }).trim().min(2, 'Give the client’s name (at least 2 characters).').max(200),
    email: z.preprocess(blank, z.email('Give a valid email address.').max(320).optional()),
    phone: z.preprocess(blank, z.string().trim().max(40, 'Keep the phone number under 40 characters.').optional()),
    country: z.preprocess((v) => (typeof v === 'string' ? blank(v.trim().toUpperCase()) : v), z.string().refine((c) => countryCodes.has(c), 'Choose a country from the list.').optional()),
    region: z.preprocess((v) => (typeof v === 'string' ? blank(v.trim().toUpperCase()) : v), z.string().refine((c) => subdivisionCodes.has(c), 'Choose a region from the list (ISO 3166-2).').optional()),
    city: z.preprocess(blank, z.string().trim().max(120).optional()),
    deliveryModes: list(z.enum(deliveryModes, { error: `Use: ${deliveryModes.join(', ')}.` }), 4),
    languages: list(z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, 'Use two-letter language codes such as en or fr.'), 10),
    maxBudget: z.preprocess(blank, z.coerce.number({ error: 'The budget must be a number.' }).min(0, 'The budget cannot be negative.').max(1_000_000, 'The budget must be at most 1,000,000.').optional()),
    budgetCurrency: z.preprocess((v) => (typeof v === 'string' ? blank(v.trim().toUpperCase()) : v), z.string().refine(isCurrencyCode, 'Use an ISO 4217 currency code such as USD or EUR.').optional()),
    hoursPerWeek: wholeNumber('Hours per week', 80),
    earliestStart: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD.').optional()),
    travelRadiusKm: wholeNumber('Travel radius', 2000),
    consentDataProcessing: flag,
    consentEmployerVisible: flag,
    assignedTo: z.preprocess(blank, z.uuid('Choose a practitioner from the list.').optional()),
  })
  .superRefine((c, ctx) => {
    if (c.region && c.country && !c.region.startsWith(`${c.country}-`)) ctx.addIssue({ code: 'custom', path: ['region'], message: `Region ${c.region} is not in ${c.country}.` });
    if (c.maxBudget !== undefined && !c.budgetCurrency) ctx.addIssue({ code: 'custom', path: ['budgetCurrency'], message: 'Give the currency of the budget.' });
    if (c.consentEmployerVisible && !c.consentDataProcessing) ctx.addIssue({ code: 'custom', path: ['consentEmployerVisible'], message: 'Being visible to employers needs consent to data processing first.' });
  });

export type ClientInput = z.infer<typeof clientInputSchema>;

export const clientListSchema = z.object({
  q: z.preprocess(blank, z.string().trim().max(200).optional()),
  status: z.preprocess(blank, z.enum(['active', 'archived'], { error: 'Use active or archived.' }).default('active')),
  assignedTo: z.preprocess(blank, z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional()),
  region: z.preprocess((v) => (typeof v === 'string' ? blank(v.trim().toUpperCase()) : v), z.string().max(10).optional()),
});

export const clientSkillInputSchema = z.object({
  skill: z.string({ error: 'Choose a skill.' }).trim().min(1, 'Choose a skill.').max(300),
  level: z.preprocess(blank, z.enum(gapSkillLevels, { error: `Use one of: ${gapSkillLevels.join(', ')}.` }).default('intermediate')),
  evidence: z.preprocess(blank, z.enum(['self_reported', 'practitioner_assessed'], { error: 'Use self_reported or practitioner_assessed.' }).default('self_reported')),
  note: z.preprocess(blank, z.string().trim().max(500).optional()),
});

export const goalInputSchema = z
  .object({
    kind: z.enum(['occupation', 'gap', 'custom'], { error: 'Choose an occupation, an employer gap or a set of skills.' }),
    occupation: z.preprocess(blank, z.string().trim().max(300).optional()),
    gapId: z.preprocess(blank, z.uuid('Choose an employer gap from the list.').optional()),
    title: z.preprocess(blank, z.string().trim().min(2).max(200).optional()),
    skills: list(z.string().trim().min(1).max(300), 50),
    targetDate: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD.').optional()),
    priority: z.preprocess(blank, z.coerce.number().int().min(1, 'Priority runs from 1 (highest) to 5.').max(5, 'Priority runs from 1 (highest) to 5.').default(3)),
  })
  .superRefine((g, ctx) => {
    if (g.kind === 'occupation' && !g.occupation) ctx.addIssue({ code: 'custom', path: ['occupation'], message: 'Choose the target occupation.' });
    if (g.kind === 'gap' && !g.gapId) ctx.addIssue({ code: 'custom', path: ['gapId'], message: 'Choose the employer gap.' });
    if (g.kind === 'custom' && g.skills.length === 0) ctx.addIssue({ code: 'custom', path: ['skills'], message: 'Add at least one skill.' });
    if (g.kind === 'custom' && !g.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'Name the goal.' });
  });

export type GoalInput = z.infer<typeof goalInputSchema>;
