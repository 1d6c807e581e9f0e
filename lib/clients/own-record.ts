import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clientGoals, organisations, users } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';
import { findOwnClientRecord } from './clients';
import { goalGaps, type GoalGap } from './goals';

export type OwnRecord = {
  clientId: string;
  fullName: string;
  orgName: string | null;
  adviserName: string | null;
  goals: GoalGap[];
};

/** What a signed-in job seeker sees of the record their career service shares with them. */
export async function getOwnRecord(actor: Actor | null): Promise<OwnRecord | null> {
  authorize(actor, 'plan:follow');
  const db = getDb();
  const client = await findOwnClientRecord(db, actor);
  if (!client) return null;
  const [[org], [adviser], goals] = await Promise.all([
    client.orgId ? db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, client.orgId)) : Promise.resolve([]),
    client.assignedTo ? db.select({ name: users.name }).from(users).where(eq(users.id, client.assignedTo)) : Promise.resolve([]),
    db.select().from(clientGoals).where(eq(clientGoals.clientId, client.id)).orderBy(asc(clientGoals.priority), asc(clientGoals.createdAt)),
  ]);
  return {
    clientId: client.id,
    fullName: client.fullName,
    orgName: org?.name ?? null,
    adviserName: adviser?.name ?? null,
    goals: await goalGaps(db, client, goals.filter((g) => g.status === 'active')),
  };
}
