import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, type Client } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';
import { AppError, parseInput, validationError } from '@/lib/errors';
import { clientInputSchema } from './client-schema';
import { clientColumns, findOwnClientRecord, recordClientEvent } from './clients';

/** The constraints a job seeker gives for themselves (the practitioner's client form, minus what is theirs to set). */
const selfServiceFields = ['country', 'region', 'city', 'deliveryModes', 'languages', 'maxBudget', 'budgetCurrency', 'hoursPerWeek', 'earliestStart', 'travelRadiusKm', 'consentDataProcessing'] as const;

/**
 * Self-service: a job seeker without a career service keeps their own record (no
 * organisation) to get the same gap analysis and recommendations. Creating it needs their
 * consent; once a career service takes it on, their adviser manages it.
 */
export async function saveSelfServiceProfile(actor: Actor | null, raw: Record<string, unknown>): Promise<Client> {
  const checked = authorize(actor, 'plan:follow');
  if (checked.role !== 'seeker' || !checked.userId) throw new AppError('forbidden', 'Self-service is for job seekers’ own accounts.');
  const given = Object.fromEntries(selfServiceFields.map((f) => [f, raw[f]]));
  const input = parseInput(clientInputSchema, { ...given, fullName: checked.name, email: checked.email ?? undefined });
  if (!input.consentDataProcessing) throw validationError({ consentDataProcessing: ['Agree to Credpath keeping these details to work out your gap and recommendations.'] });
  return getDb().transaction(async (tx) => {
    const existing = await findOwnClientRecord(tx, checked);
    if (existing?.orgId) throw new AppError('conflict', 'Your career service manages your record: ask your adviser to change it.');
    // A self-service record has no phone and is never shown to employers: those fields stay empty.
    const values = { ...clientColumns(input), consentDataProcessing: true, updatedAt: new Date() };
    if (existing) {
      const [row] = await tx.update(clients).set(values).where(eq(clients.id, existing.id)).returning();
      await recordClientEvent(tx, existing.id, checked, 'updated', 'Details updated by the job seeker.');
      return row!;
    }
    const [row] = await tx.insert(clients).values({ ...values, orgId: null, seekerUserId: checked.userId, consentRecordedAt: new Date() }).returning();
    await recordClientEvent(tx, row!.id, checked, 'created', 'Self-service record created by the job seeker, with consent to data processing.');
    return row!;
  });
}
