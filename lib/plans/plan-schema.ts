import { z } from 'zod';
import { planStepStatuses } from '@/db/schema';

/* One schema per plan input, shared by the forms, the server actions, the API and OpenAPI. */

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** In a change, an empty string or null clears the field; absent leaves it as it is. */
const clearable = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? null : v);

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Write the date as YYYY-MM-DD.', abort: true }).refine(isRealDate, 'This is not a real date.');

export const expectedVersionSchema = z.coerce
  .number({ error: 'Send the plan version you are changing (expectedVersion).' })
  .int('The plan version is a whole number.')
  .min(1, 'The plan version starts at 1.');

const programIdSchema = z.uuid('Choose a program from the catalogue.');
const gapSkillIdsSchema = z.array(z.uuid('Use skill ids.')).max(100).optional();
const titleSchema = z.string({ error: 'Name the plan.' }).trim().min(2, 'Name the plan (at least 2 characters).').max(200, 'Keep the name under 200 characters.');

export const planCreateSchema = z.object({
  goalId: z.preprocess(blank, z.uuid('Choose one of the client’s goals.').optional()),
  title: z.preprocess(blank, titleSchema.optional()),
  steps: z.array(z.object({ programId: programIdSchema, gapSkillIds: gapSkillIdsSchema }), { error: 'List the plan’s programs (steps), or none to build it by hand.' }).max(50, 'A plan holds at most 50 programs.').default([]),
});
export type PlanCreateInput = z.infer<typeof planCreateSchema>;

export const planUpdateSchema = z
  .object({
    title: titleSchema.optional(),
    status: z.enum(['active', 'archived'], { error: 'Use active or archived.' }).optional(),
    expectedVersion: expectedVersionSchema,
  })
  .refine((p) => p.title !== undefined || p.status !== undefined, { message: 'Change the title or the status.', path: ['title'] });

export const planVersionSchema = z.object({ expectedVersion: expectedVersionSchema });

export const planStepAddSchema = z.object({ programId: programIdSchema, gapSkillIds: gapSkillIdsSchema, expectedVersion: expectedVersionSchema });

export const planStepReorderSchema = z.object({
  stepIds: z.array(z.uuid('Use step ids.'), { error: 'List the plan’s step ids in their new order.' }).max(50),
  expectedVersion: expectedVersionSchema,
});

export const planStepUpdateSchema = z.object({
  status: z.preprocess(blank, z.enum(planStepStatuses, { error: `Use one of: ${planStepStatuses.join(', ')}.` }).optional()),
  startDate: z.preprocess(clearable, isoDate.nullable().optional()),
  endDate: z.preprocess(clearable, isoDate.nullable().optional()),
  notes: z.preprocess(clearable, z.string().trim().max(2000, 'Keep notes under 2,000 characters.').nullable().optional()),
  expectedVersion: expectedVersionSchema,
});
export type PlanStepUpdateInput = z.infer<typeof planStepUpdateSchema>;

export const planShareLinkCreateSchema = z.object({
  expiresInDays: z.coerce
    .number({ error: 'Give the number of days the link stays valid.' })
    .int('Give a whole number of days.')
    .min(1, 'A link stays valid at least 1 day.')
    .max(90, 'A link stays valid at most 90 days.')
    .default(14),
});
