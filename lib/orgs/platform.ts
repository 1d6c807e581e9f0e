import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { memberships, organisations, users } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';

/** Platform-wide overview for platform admins: organisations with member counts, and users. */
export async function platformOverview(actor: Actor) {
  authorize(actor, 'platform:manage');
  const db = getDb();
  const [orgs, people] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name, slug: organisations.slug, kind: organisations.kind, createdAt: organisations.createdAt, members: count(memberships.id) })
      .from(organisations)
      .leftJoin(memberships, eq(memberships.orgId, organisations.id))
      .groupBy(organisations.id)
      .orderBy(asc(organisations.name)),
    db
      .select({ id: users.id, name: users.name, email: users.email, isPlatformAdmin: users.isPlatformAdmin, createdAt: users.createdAt })
      .from(users)
      .orderBy(asc(users.email))
      .limit(500),
  ]);
  return { orgs, people };
}
