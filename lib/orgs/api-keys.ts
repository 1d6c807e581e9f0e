import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys, organisations } from '@/db/schema';
import { type Actor, authorize, orgScope } from '@/lib/auth/actor';
import { createApiKeySchema } from '@/lib/auth/schemas';
import { hashToken } from '@/lib/auth/tokens';
import { AppError, notFound, parseInput } from '@/lib/errors';
import { assertRoleFitsOrg } from './organisations';

const publicColumns = {
  id: apiKeys.id,
  orgId: apiKeys.orgId,
  name: apiKeys.name,
  role: apiKeys.role,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** Creates a key `cp_<prefix>_<secret>`; the full key is returned once and only its hash is stored. */
export async function createApiKey(actor: Actor, input: { name: unknown; role?: unknown }, orgId?: string) {
  authorize(actor, 'apikeys:manage');
  const data = parseInput(createApiKeySchema, input);
  const scopedOrgId = orgScope(actor, orgId);
  const org = await getDb().query.organisations.findFirst({ where: eq(organisations.id, scopedOrgId) });
  if (!org) throw notFound('Organisation');
  assertRoleFitsOrg(org.kind, data.role);
  const prefix = randomBytes(6).toString('base64url');
  const key = `cp_${prefix}_${randomBytes(24).toString('base64url')}`;
  const [row] = await getDb()
    .insert(apiKeys)
    .values({ orgId: scopedOrgId, name: data.name, role: data.role, prefix, keyHash: hashToken(key), createdBy: actor.userId })
    .returning(publicColumns);
  return { apiKey: row!, key };
}

export async function listApiKeys(actor: Actor) {
  authorize(actor, 'apikeys:manage');
  return getDb().select(publicColumns).from(apiKeys).where(eq(apiKeys.orgId, orgScope(actor))).orderBy(desc(apiKeys.createdAt));
}

/** Revokes a key of the actor's organisation (platform admins: of any organisation). */
export async function revokeApiKey(actor: Actor, keyId: string): Promise<void> {
  authorize(actor, 'apikeys:manage');
  const where = actor.isPlatformAdmin && !actor.org ? eq(apiKeys.id, keyId) : and(eq(apiKeys.id, keyId), eq(apiKeys.orgId, orgScope(actor)));
  const [row] = await getDb().select(publicColumns).from(apiKeys).where(where);
  if (!row) throw notFound('API key');
  if (row.revokedAt) throw new AppError('conflict', 'This API key is already revoked.');
  await getDb().update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId));
}
