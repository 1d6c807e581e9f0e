import type { OrgKind } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type Permission, type Role, roleHasPermission } from './roles';

export type ActorOrg = { id: string; name: string; slug: string; kind: OrgKind };

/** Who is asking: a signed-in person, an organisation API key, or the operator's CLI. */
export type Actor = {
  kind: 'user' | 'api_key' | 'system';
  /** Set for `user` actors. */
  userId: string | null;
  apiKeyId: string | null;
  name: string;
  email: string | null;
  isPlatformAdmin: boolean;
  org: ActorOrg | null;
  role: Role;
};

/** The operator's CLI: a platform admin with no organisation of its own. */
export const systemActor: Actor = {
  kind: 'system',
  userId: null,
  apiKeyId: null,
  name: 'Credpath CLI',
  email: null,
  isPlatformAdmin: true,
  org: null,
  role: 'admin',
};

export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  return actor.isPlatformAdmin || roleHasPermission(actor.role, permission);
}

/** The single role check used by pages, server actions, route handlers and CLIs. */
export function authorize(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (!can(actor, permission)) throw new AppError('forbidden', 'Your role does not allow this.');
  return actor;
}

/**
 * The organisation an operation works on: the actor's own, or (platform admins only)
 * the one named. Anything of another organisation is then simply not found.
 */
export function orgScope(actor: Actor, requestedOrgId?: string | null): string {
  if (requestedOrgId && actor.isPlatformAdmin) return requestedOrgId;
  if (!actor.org) throw new AppError('forbidden', 'This needs an organisation: create one or accept an invite first.');
  return actor.org.id;
}
