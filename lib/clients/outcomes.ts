import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { clientOutcomes, clients } from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { notFound, parseInput } from '@/lib/errors';
import { findOrgClient, recordClientEvent } from './clients';
import { outcomeInputSchema, outcomeKindLabels } from './lifecycle-schemas';
import { clientStageLabels, laterStage } from './stages';

export type ClientOutcome = typeof clientOutcomes.$inferSelect;

/** The stage an outcome proves the client has reached. */
const stageOfOutcome = { credential_earned: 'credential_earned', job_obtained: 'employed' } as const;

export async function listOutcomes(db: Db, clientId: string): Promise<ClientOutcome[]> {
  return db.select().from(clientOutcomes).where(eq(clientOutcomes.clientId, clientId)).orderBy(desc(clientOutcomes.occurredOn), desc(clientOutcomes.createdAt));
}

export async function listClientOutcomes(actor: Actor, clientId: string): Promise<ClientOutcome[]> {
  const db = getDb();
  const client = await findOrgClient(db, actor, clientId);
  return listOutcomes(db, client.id);
}

/** Records a credential earned or a job obtained, moving the client's stage forward (never back). */
export async function recordOutcome(actor: Actor, clientId: string, raw: unknown): Promise<ClientOutcome> {
  return getDb().transaction(async (tx) => {
    const client = await findOrgClient(tx, actor, clientId, true);
    const input = parseInput(outcomeInputSchema, raw);
    const [outcome] = await tx
      .insert(clientOutcomes)
      .values({ clientId: client.id, kind: input.kind, title: input.title, occurredOn: input.occurredOn, note: input.note ?? null, createdBy: actor.userId })
      .returning();
    await recordClientEvent(tx, client.id, actor, 'outcome', `Outcome recorded: ${outcomeKindLabels[input.kind].toLowerCase()}, ${input.title} (${input.occurredOn}).`);
    const stage = laterStage(client.stage, stageOfOutcome[input.kind]);
    if (stage !== client.stage) {
      await tx.update(clients).set({ stage, updatedAt: new Date() }).where(eq(clients.id, client.id));
      await recordClientEvent(tx, client.id, actor, 'stage', `Stage moved to ${clientStageLabels[stage].toLowerCase()}.`);
    }
    return outcome!;
  });
}

/** Removes an outcome recorded by mistake; the stage stays where it is. */
export async function deleteOutcome(actor: Actor, clientId: string, outcomeId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const client = await findOrgClient(tx, actor, clientId);
    if (!/^[0-9a-f-]{36}$/i.test(outcomeId)) throw notFound('Outcome');
    const [removed] = await tx.delete(clientOutcomes).where(and(eq(clientOutcomes.id, outcomeId), eq(clientOutcomes.clientId, client.id))).returning();
    if (!removed) throw notFound('Outcome');
    await recordClientEvent(tx, client.id, actor, 'outcome', `Outcome removed: ${outcomeKindLabels[removed.kind].toLowerCase()}, ${removed.title} (${removed.occurredOn}).`);
  });
}
