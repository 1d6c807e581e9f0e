import { z } from 'zod';
import { outcomeKinds } from '@/db/schema';

/* Boundary schemas for outcomes, erasure and the caseload dashboard, shared by forms, API and OpenAPI. */

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * Today's date where it is latest on Earth (UTC+14), so a practitioner anywhere can record
 * something that happened today in their time zone.
 */
function latestToday(): string {
  return new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
}

const isRealDate = (value: string) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};

export const outcomeKindLabels: Record<(typeof outcomeKinds)[number], string> = { credential_earned: 'Credential earned', job_obtained: 'Job obtained' };

export const outcomeInputSchema = z.object({
  kind: z.enum(outcomeKinds, { error: 'Choose credential earned or job obtained.' }),
  title: z.string({ error: 'Name the credential or the job.' }).trim().min(2, 'Name the credential or the job (at least 2 characters).').max(200, 'Keep the title under 200 characters.'),
  occurredOn: z
    .string({ error: 'Give the date.' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD.')
    .refine(isRealDate, 'This date does not exist.')
    .refine((d) => d <= latestToday(), 'The date cannot be in the future.')
    .refine((d) => d >= '1950-01-01', 'The date is too far in the past.'),
  note: z.preprocess(blank, z.string().trim().max(2000, 'Keep the note under 2,000 characters.').optional()),
});

export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

export const clientDeletionSchema = z.object({
  confirmName: z.string({ error: 'Type the client’s full name to confirm.' }).trim().min(1, 'Type the client’s full name to confirm.').max(200),
});

export const dashboardScopes = ['all', 'mine'] as const;

export const dashboardQuerySchema = z.object({
  scope: z.preprocess(blank, z.enum(dashboardScopes, { error: 'Use all or mine.' }).default('all')),
  stalledWeeks: z.preprocess(blank, z.coerce.number({ error: 'Give a number of weeks.' }).int('Give a whole number of weeks.').min(1, 'At least 1 week.').max(52, 'At most 52 weeks.').default(4)),
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;
