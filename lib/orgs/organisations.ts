import 'server-only';
import { and, asc, eq, like, or } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { memberships, organisations, users, type Organisation, type OrgKind, type OrgRole } from '@/db/schema';
import { type Actor, authorize, orgScope } from '@/lib/auth/actor';
import { rolesByOrgKind } from '@/lib/auth/roles';
import { createOrganisationSchema } from '@/lib/auth/schemas';
import { AppError, notFound, parseInput } from '@/lib/errors';

export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'org'
  );
}

async function uniqueOrgSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.select({ slug: organisations.slug }).from(organisations).where(or(eq(organisations.slug, base), like(organisations.slug, `${base}-%`)))).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function assertRoleFitsOrg(kind: OrgKind, role: OrgRole, field = 'role'): void {
  if (!rolesByOrgKind[kind].includes(role)) {
    throw new AppError('validation_failed', 'That role does not exist in this kind of organisation.', {
      fieldErrors: { [field]: [`A ${kind.replace('_', ' ')} organisation has these roles: ${rolesByOrgKind[kind].join(', ')}.`] },
    });
  }
}

/**
 * Creates an organisation; a signed-in person who creates it becomes its admin.
 * The CLI (system actor) may name an existing user as the first admin.
 */
export async function createOrganisation(
  actor: Actor,
  input: { name: unknown; kind: unknown },
  opts: { isPlatformCatalogue?: boolean } = {},
): Promise<Organisation> {
  authorize(actor, 'org:create');
  const data = parseInput(createOrganisationSchema, input);
  return getDb().transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({ ...data, slug: await uniqueOrgSlug(tx, data.name), isPlatformCatalogue: opts.isPlatformCatalogue ?? false })
      .returning();
    if (actor.kind === 'user' && actor.userId) {
      await tx.insert(memberships).values({ userId: actor.userId, orgId: org!.id, role: 'admin' });
    }
    return org!;
  });
}

export async function getOrganisation(actor: Actor, orgId?: string): Promise<Organisation> {
  authorize(actor, 'org:read');
  const id = orgScope(actor, orgId);
  const org = await getDb().query.organisations.findFirst({ where: eq(organisations.id, id) });
  if (!org) throw notFound('Organisation');
  return org;
}

/** Finds an organisation by slug or id, for operators (CLI) only. */
export async function findOrganisationForOperator(actor: Actor, slugOrId: string): Promise<Organisation> {
  authorize(actor, 'platform:manage');
  const isUuid = /^[0-9a-f-]{36}$/i.test(slugOrId);
  const org = await getDb().query.organisations.findFirst({
    where: isUuid ? eq(organisations.id, slugOrId) : eq(organisations.slug, slugOrId),
  });
  if (!org) throw new AppError('not_found', `No organisation with slug or id “${slugOrId}”.`);
  return org;
}

export async function listOrganisations(actor: Actor) {
  authorize(actor, 'platform:manage');
  return getDb().select().from(organisations).orderBy(asc(organisations.name));
}

export type MemberRow = { id: string; userId: string; name: string; email: string; role: OrgRole; joinedAt: Date };

export async function listMembers(actor: Actor, orgId?: string): Promise<MemberRow[]> {
  authorize(actor, 'members:read');
  return getDb()
    .select({ id: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgScope(actor, orgId)))
    .orderBy(asc(users.name));
}

export async function getMember(actor: Actor, membershipId: string): Promise<MemberRow> {
  authorize(actor, 'members:read');
  const [row] = await getDb()
    .select({ id: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.orgId, orgScope(actor))));
  if (!row) throw notFound('Member');
  return row;
}

async function assertAnotherAdminRemains(db: Db, orgId: string, membershipId: string) {
  const admins = await db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin')));
  if (admins.every((a) => a.id === membershipId)) {
    throw new AppError('conflict', 'An organisation needs at least one admin: make someone else admin first.');
  }
}

export async function changeMemberRole(actor: Actor, membershipId: string, role: OrgRole): Promise<void> {
  authorize(actor, 'members:manage');
  const orgId = orgScope(actor);
  await getDb().transaction(async (tx) => {
    const member = await tx.query.memberships.findFirst({ where: and(eq(memberships.id, membershipId), eq(memberships.orgId, orgId)) });
    if (!member) throw notFound('Member');
    const org = await tx.query.organisations.findFirst({ where: eq(organisations.id, orgId) });
    assertRoleFitsOrg(org!.kind, role);
    if (member.role === 'admin' && role !== 'admin') await assertAnotherAdminRemains(tx, orgId, membershipId);
    await tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId));
  });
}

export async function removeMember(actor: Actor, membershipId: string): Promise<void> {
  authorize(actor, 'members:manage');
  const orgId = orgScope(actor);
  await getDb().transaction(async (tx) => {
    const member = await tx.query.memberships.findFirst({ where: and(eq(memberships.id, membershipId), eq(memberships.orgId, orgId)) });
    if (!member) throw notFound('Member');
    if (member.role === 'admin') await assertAnotherAdminRemains(tx, orgId, membershipId);
    await tx.delete(memberships).where(eq(memberships.id, membershipId));
  });
}

/** Adds an existing user to an organisation (operators, seed). */
export async function addMember(db: Db, orgId: string, userId: string, role: OrgRole): Promise<void> {
  const org = await db.query.organisations.findFirst({ where: eq(organisations.id, orgId) });
  if (!org) throw notFound('Organisation');
  assertRoleFitsOrg(org.kind, role);
  await db.insert(memberships).values({ orgId, userId, role }).onConflictDoUpdate({ target: [memberships.userId, memberships.orgId], set: { role } });
}
