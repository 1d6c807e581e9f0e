import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { memberships, organisations } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';

/** The organisations a signed-in person belongs to, with their role in each. */
export async function listMyMemberships(actor: Actor) {
  authorize(actor, 'account:read');
  if (!actor.userId) return [];
  return getDb()
    .select({ orgId: organisations.id, orgName: organisations.name, kind: organisations.kind, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(asc(memberships.createdAt));
}
