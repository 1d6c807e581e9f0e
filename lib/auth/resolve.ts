import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys, memberships, organisations, users } from '@/db/schema';
import type { Actor } from './actor';
import { hashToken } from './tokens';

/**
 * Loads a signed-in person with their role in the active organisation (the one they
 * chose, else their first). Read from the database on every request, so a removed
 * member or changed role takes effect at once.
 */
export async function resolveUserActor(userId: string, preferredOrgId?: string | null): Promise<Actor | null> {
  const db = getDb();
  const rows = await db
    .select({ user: users, membership: memberships, org: organisations })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(users.id, userId))
    .orderBy(memberships.createdAt);
  const first = rows[0];
  if (!first) return null;
  const chosen = rows.find((r) => r.org && r.org.id === preferredOrgId) ?? rows.find((r) => r.org);
  return {
    kind: 'user',
    userId: first.user.id,
    apiKeyId: null,
    name: first.user.name,
    email: first.user.email,
    isPlatformAdmin: first.user.isPlatformAdmin,
    org: chosen?.org ? { id: chosen.org.id, name: chosen.org.name, slug: chosen.org.slug, kind: chosen.org.kind } : null,
    role: chosen?.membership?.role ?? 'seeker',
  };
}

export const apiKeyPattern = /^cp_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{20,}$/;

/** Resolves `Authorization: Bearer cp_…`; revoked or unknown keys resolve to null. */
export async function resolveApiKeyActor(rawKey: string): Promise<Actor | null> {
  if (!apiKeyPattern.test(rawKey)) return null;
  const db = getDb();
  const [row] = await db
    .select({ key: apiKeys, org: organisations })
    .from(apiKeys)
    .innerJoin(organisations, eq(organisations.id, apiKeys.orgId))
    .where(and(eq(apiKeys.keyHash, hashToken(rawKey)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  // Record use at most once a minute per key, so busy integrations do not write on every call.
  const aMinuteAgo = new Date(Date.now() - 60_000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.id, row.key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, aMinuteAgo))));
  return {
    kind: 'api_key',
    userId: null,
    apiKeyId: row.key.id,
    name: `API key “${row.key.name}”`,
    email: null,
    isPlatformAdmin: false,
    org: { id: row.org.id, name: row.org.name, slug: row.org.slug, kind: row.org.kind },
    role: row.key.role,
  };
}
