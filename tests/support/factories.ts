import { randomUUID } from 'node:crypto';
import { getDb } from '@/db';
import type { OrgKind, OrgRole } from '@/db/schema';
import { createUserAccount } from '@/lib/auth/accounts';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { resolveUserActor } from '@/lib/auth/resolve';
import { createApiKey } from '@/lib/orgs/api-keys';
import { addMember, createOrganisation } from '@/lib/orgs/organisations';

export const testPassword = 'correct horse battery staple';
export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@tests.credpath.test`;

export async function createTestUser(opts: { label?: string; isPlatformAdmin?: boolean } = {}) {
  return createUserAccount(getDb(), { name: opts.label ?? 'Test User', email: uniqueEmail(opts.label), password: testPassword, isPlatformAdmin: opts.isPlatformAdmin });
}

export async function actorFor(userId: string, orgId?: string): Promise<Actor> {
  const actor = await resolveUserActor(userId, orgId);
  if (!actor) throw new Error(`no actor for ${userId}`);
  return actor;
}

/** An organisation with an admin, plus helpers to add members and API keys to it. */
export async function createTestOrg(kind: OrgKind = 'career_service', name = `Org ${randomUUID().slice(0, 6)}`) {
  const org = await createOrganisation(systemActor, { name, kind });
  const admin = await createTestUser({ label: 'admin' });
  await addMember(getDb(), org.id, admin.id, 'admin');
  return {
    org,
    admin,
    adminActor: () => actorFor(admin.id, org.id),
    async addMember(role: OrgRole, label: string = role) {
      const user = await createTestUser({ label });
      await addMember(getDb(), org.id, user.id, role);
      return { user, actor: await actorFor(user.id, org.id) };
    },
    async apiKey(role: OrgRole = 'admin') {
      return (await createApiKey(systemActor, { name: `test ${role}`, role }, org.id)).key;
    },
  };
}

/** A member of a new training provider: the actor most tests create programs as. */
export async function createTestProvider(): Promise<Actor> {
  return (await (await createTestOrg('training_provider')).addMember('provider')).actor;
}
