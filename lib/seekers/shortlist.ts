import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { programs, savedPrograms } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';
import type { CredentialType, DeliveryMode } from '@/lib/catalog/vocabulary';
import { AppError, notFound, parseInput, validationError } from '@/lib/errors';
import { saveProgramInputSchema } from './shortlist-schema';
import { isUuid } from '@/lib/ids';

type SavedProgramBase = { programId: string; title: string; providerName: string; note: string | null; savedAt: Date };

/**
 * One program on a shortlist. Once its provider archives it (or takes it back to draft) only
 * what identifies it is kept: its page is gone and its details may be changing.
 */
export type ShortlistEntry =
  | (SavedProgramBase & {
      isAvailable: true;
      slug: string;
      credentialType: CredentialType;
      deliveryMode: DeliveryMode;
      cost: number | null;
      currency: string | null;
      hours: number | null;
      weeks: number | null;
      /** The earliest start date from today on (YYYY-MM-DD). */
      nextStartDate: string | null;
    })
  | (SavedProgramBase & { isAvailable: false });

/** A shortlist belongs to a person: organisation API keys and the CLI have none. */
function shortlistOwner(actor: Actor | null): string {
  const checked = authorize(actor, 'shortlist:manage');
  if (!checked.userId) throw new AppError('forbidden', 'A shortlist belongs to a signed-in person; API keys and the CLI have none.');
  return checked.userId;
}

/** Saves a published program, or updates its note when it is already saved. */
export async function saveProgram(actor: Actor | null, raw: unknown): Promise<{ programId: string; note: string | null; savedAt: Date }> {
  const userId = shortlistOwner(actor);
  const input = parseInput(saveProgramInputSchema, raw);
  const db = getDb();
  const [program] = await db.select({ status: programs.status }).from(programs).where(eq(programs.id, input.programId));
  if (program?.status !== 'published') throw validationError({ programId: ['This program does not exist or is not published.'] });
  const [row] = await db
    .insert(savedPrograms)
    .values({ userId, programId: input.programId, note: input.note ?? null })
    // Saving again without a note keeps the one there (a no-op update, so the row is still returned).
    .onConflictDoUpdate({ target: [savedPrograms.userId, savedPrograms.programId], set: { note: input.note === undefined ? sql`${savedPrograms.note}` : input.note } })
    .returning();
  return { programId: row!.programId, note: row!.note, savedAt: row!.createdAt };
}

export async function removeSavedProgram(actor: Actor | null, programId: string): Promise<void> {
  const userId = shortlistOwner(actor);
  if (!isUuid(programId)) throw notFound('Saved program');
  const removed = await getDb()
    .delete(savedPrograms)
    .where(and(eq(savedPrograms.userId, userId), eq(savedPrograms.programId, programId)))
    .returning({ programId: savedPrograms.programId });
  if (removed.length === 0) throw notFound('Saved program');
}

/** The actor's shortlist, most recently saved first. */
export async function listShortlist(actor: Actor | null, today = new Date()): Promise<ShortlistEntry[]> {
  const userId = shortlistOwner(actor);
  const rows = await getDb()
    .select({ saved: savedPrograms, program: programs })
    .from(savedPrograms)
    .innerJoin(programs, eq(programs.id, savedPrograms.programId))
    .where(eq(savedPrograms.userId, userId))
    .orderBy(desc(savedPrograms.createdAt), programs.title);
  const todayIso = today.toISOString().slice(0, 10);
  return rows.map(({ saved, program: p }): ShortlistEntry => {
    const base = { programId: p.id, title: p.title, providerName: p.providerName, note: saved.note, savedAt: saved.createdAt };
    if (p.status !== 'published') return { ...base, isAvailable: false };
    const nextStartDate = p.startDates.filter((d) => d >= todayIso).sort()[0] ?? null;
    return { ...base, isAvailable: true, slug: p.slug, credentialType: p.credentialType, deliveryMode: p.deliveryMode, cost: p.cost, currency: p.currency, hours: p.hours, weeks: p.weeks, nextStartDate };
  });
}

/** Which of these programs the actor has saved (for program pages and result cards). */
export async function savedProgramIds(actor: Actor | null, programIds: string[]): Promise<Set<string>> {
  const userId = shortlistOwner(actor);
  const ids = programIds.filter(isUuid);
  if (ids.length === 0) return new Set();
  const rows = await getDb()
    .select({ programId: savedPrograms.programId })
    .from(savedPrograms)
    .where(and(eq(savedPrograms.userId, userId), inArray(savedPrograms.programId, ids)));
  return new Set(rows.map((r) => r.programId));
}
