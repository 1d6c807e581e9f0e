import { z } from 'zod';
import { gapSkillLevels, gapUrgencies } from './vocabulary';
import { subdivisions } from '@/lib/geo/regions';

/*
 * One schema for a skill gap, shared by the form, the API and CSV rows. Scalars accept
 * strings (forms and CSV cells); blank means "not given".
 */

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const subdivisionCodes = new Set(subdivisions.map((s) => s.code));
const isRealDate = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);


export const gapSkillSchema = z.object({
  /** A skill id, ESCO URI, O*NET id or label: resolved to the taxonomy on write. */
  skill: z.string({ error: 'Choose a skill.' }).trim().min(1, 'Choose a skill.').max(300),
  level: z.preprocess(blankToUndefined, z.enum(gapSkillLevels, { error: `Use one of: ${gapSkillLevels.join(', ')}.` }).default('intermediate')),
  isMustHave: z.preprocess((v) => (v === 'true' || v === 'on' ? true : v === 'false' ? false : blankToUndefined(v)), z.boolean().default(true)),
});

export const gapInputSchema = z
  .object({
    roleTitle: z.string({ error: 'Give the role title.' }).trim().min(2, 'Give the role title (at least 2 characters).').max(200, 'Keep the role title under 200 characters.'),
    occupation: z.preprocess(blankToUndefined, z.string().trim().max(300).optional()).describe('Occupation id, O*NET-SOC code or ESCO URI'),
    region: z.preprocess(
      (v) => (typeof v === 'string' ? blankToUndefined(v.trim().toUpperCase()) : v),
      z
        .string({ error: 'Choose the region (ISO 3166-2 code such as US-NY).' })
        .refine((code) => subdivisionCodes.has(code), { error: (issue) => `Region “${String(issue.input)}” does not exist: use an ISO 3166-2 code such as US-NY or CA-ON.` }),
    ),
    city: z.preprocess(blankToUndefined, z.string().trim().max(120, 'Keep the city under 120 characters.').optional()),
    headcount: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: 'Give the number of people as a whole number.' }).int('Give the number of people as a whole number.').min(1, 'Headcount must be at least 1.').max(100_000, 'Headcount must be at most 100,000.'),
    ),
    urgency: z.preprocess(blankToUndefined, z.enum(gapUrgencies, { error: `Use one of: ${gapUrgencies.join(', ')}.` }).default('medium')),
    targetDate: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the target date as YYYY-MM-DD.')
        .refine(isRealDate, 'That is not a real date.')
        // A field-level check, so it is reported alongside the other fields' errors.
        .refine((d) => d >= new Date().toISOString().slice(0, 10), 'The target date is in the past.')
        .optional(),
    ),
    description: z.preprocess(blankToUndefined, z.string().trim().max(5000, 'Keep the description under 5,000 characters.').optional()),
    skills: z.array(gapSkillSchema, { error: 'List the skills needed.' }).min(1, 'Add at least one skill.').max(50, 'List at most 50 skills.'),
  })
  .superRefine((gap, ctx) => {
    const seen = new Set<string>();
    gap.skills.forEach((s, i) => {
      const key = s.skill.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['skills', i, 'skill'], message: 'This skill is listed twice.' });
      seen.add(key);
    });
  });

export type GapInput = z.infer<typeof gapInputSchema>;
export type GapInputRaw = z.input<typeof gapInputSchema>;

export const gapListSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(['open', 'closed'], { error: 'Use open or closed.' }).optional()),
  region: z.preprocess((v) => (typeof v === 'string' ? blankToUndefined(v.trim().toUpperCase()) : v), z.string().max(10).optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
});
