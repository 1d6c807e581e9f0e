import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { invites, memberships, organisations, type Invite, type OrgRole } from '@/db/schema';
import { type Actor, authorize, orgScope } from '@/lib/auth/actor';
import { createInviteSchema } from '@/lib/auth/schemas';
import { hashToken, newSecretToken } from '@/lib/auth/tokens';
import { AppError, notFound, parseInput } from '@/lib/errors';
import { assertRoleFitsOrg } from './organisations';

export const inviteLifetimeDays = 7;

export type InviteStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export function inviteStatus(invite: Pick<Invite, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InviteStatus {
  if (invite.acceptedAt) return 'accepted';
  if (invite.revokedAt) return 'revoked';
  if (invite.expiresAt <= now) return 'expired';
  return 'pending';
}

export const invitePath = (token: string) => `/invite/${token}`;

/**
 * Creates a one-time invite link. No mail is sent: the admin copies the link
 * (see lib/mail for the interface a mail sender will implement).
 */
export async function createInvite(actor: Actor, input: { role: unknown; email?: unknown }, orgId?: string) {
  authorize(actor, 'invites:manage');
  const data = parseInput(createInviteSchema, input);
  const scopedOrgId = orgScope(actor, orgId);
  const org = await getDb().query.organisations.findFirst({ where: eq(organisations.id, scopedOrgId) });
  if (!org) throw notFound('Organisation');
  assertRoleFitsOrg(org.kind, data.role);
  const token = newSecretToken();
  const [invite] = await getDb()
    .insert(invites)
    .values({
      orgId: scopedOrgId,
      role: data.role,
      email: data.email ?? null,
      tokenHash: hashToken(token),
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + inviteLifetimeDays * 86_400_000),
    })
    .returning();
  return { invite: invite!, token, path: invitePath(token) };
}

export async function listInvites(actor: Actor) {
  authorize(actor, 'invites:manage');
  const rows = await getDb().select().from(invites).where(eq(invites.orgId, orgScope(actor))).orderBy(desc(invites.createdAt));
  return rows.map((invite) => ({ ...invite, status: inviteStatus(invite) }));
}

export async function getInvite(actor: Actor, inviteId: string) {
  authorize(actor, 'invites:manage');
  const invite = await getDb().query.invites.findFirst({ where: and(eq(invites.id, inviteId), eq(invites.orgId, orgScope(actor))) });
  if (!invite) throw notFound('Invite');
  return { ...invite, status: inviteStatus(invite) };
}

export async function revokeInvite(actor: Actor, inviteId: string): Promise<void> {
  const invite = await getInvite(actor, inviteId);
  if (invite.status !== 'pending') throw new AppError('conflict', `This invite is already ${invite.status}.`);
  await getDb().update(invites).set({ revokedAt: new Date() }).where(eq(invites.id, inviteId));
}

export type InvitePreview = {
  orgName: string;
  orgKind: string;
  role: OrgRole;
  email: string | null;
  expiresAt: Date;
};

const unusableMessages: Record<Exclude<InviteStatus, 'pending'>, (i: Invite) => string> = {
  accepted: () => 'This invite link has already been used. Ask your organisation admin for a new one.',
  revoked: () => 'This invite was withdrawn by the organisation. Ask your organisation admin for a new one.',
  expired: (i) => `This invite expired on ${i.expiresAt.toISOString().slice(0, 10)}. Ask your organisation admin for a new one.`,
};

async function findUsableInvite(db: Db, token: string): Promise<Invite & { orgName: string; orgKind: string }> {
  const [row] = await db
    .select({ invite: invites, orgName: organisations.name, orgKind: organisations.kind })
    .from(invites)
    .innerJoin(organisations, eq(organisations.id, invites.orgId))
    .where(eq(invites.tokenHash, hashToken(token)));
  if (!row) throw new AppError('not_found', 'This invite link is not valid. Check that you copied the whole link.');
  const status = inviteStatus(row.invite);
  if (status !== 'pending') throw new AppError('gone', unusableMessages[status](row.invite));
  return { ...row.invite, orgName: row.orgName, orgKind: row.orgKind };
}

/** What the invite page shows before the person accepts; throws a specific error for unusable links. */
export async function previewInvite(token: string): Promise<InvitePreview> {
  const invite = await findUsableInvite(getDb(), token);
  return { orgName: invite.orgName, orgKind: invite.orgKind, role: invite.role, email: invite.email, expiresAt: invite.expiresAt };
}

/**
 * Joins the invite's organisation. Runs in the caller's transaction so sign-up
 * plus accept is all-or-nothing; the row lock makes a link usable exactly once.
 */
export async function acceptInvite(db: Db, token: string, user: { id: string; email: string }): Promise<{ orgId: string }> {
  const found = await findUsableInvite(db, token);
  const [locked] = await db.select().from(invites).where(eq(invites.id, found.id)).for('update');
  if (!locked || inviteStatus(locked) !== 'pending') throw new AppError('gone', unusableMessages.accepted(found));
  if (locked.email && locked.email.toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError('forbidden', `This invite is for ${locked.email}. Sign in with that address to accept it.`);
  }
  const existing = await db.query.memberships.findFirst({ where: and(eq(memberships.userId, user.id), eq(memberships.orgId, locked.orgId)) });
  if (existing) throw new AppError('conflict', `You are already a member of ${found.orgName}.`);
  await db.insert(memberships).values({ userId: user.id, orgId: locked.orgId, role: locked.role });
  await db.update(invites).set({ acceptedAt: new Date(), acceptedBy: user.id }).where(eq(invites.id, locked.id));
  return { orgId: locked.orgId };
}
