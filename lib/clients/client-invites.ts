import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, getDb } from '@/db';
import { clientInvites, clients, organisations, type Client } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';
import { hashToken, newSecretToken } from '@/lib/auth/tokens';
import { AppError, parseInput, validationError } from '@/lib/errors';
import { inviteStatus } from '@/lib/orgs/invites';
import { assertCaseloadAccess, findOrgClient, findOwnClientRecord, recordClientEvent } from './clients';

export const clientInviteLifetimeDays = 14;
export const clientInvitePath = (token: string) => `/join/${token}`;

const clientInviteSchema = z.object({
  email: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.email('Give the client’s email address.').max(320).optional()),
});

/**
 * A link for the client to sign in (or sign up) and see their goals and plan. Only the
 * invited address can use it; a new link withdraws the previous one.
 */
export async function inviteClientToSignIn(actor: Actor, clientId: string, raw: unknown): Promise<{ token: string; path: string; email: string; expiresAt: Date }> {
  const input = parseInput(clientInviteSchema, raw);
  return getDb().transaction(async (tx) => {
    const client = await findOrgClient(tx, actor, clientId, true);
    if (client.seekerUserId) throw new AppError('conflict', `${client.fullName} has already linked their account.`);
    const email = input.email ?? client.email;
    if (!email) throw new AppError('validation_failed', 'Give the client’s email address.', { fieldErrors: { email: ['Give the client’s email address (it is not on their record).'] } });
    await tx.update(clientInvites).set({ revokedAt: new Date() }).where(and(eq(clientInvites.clientId, client.id), eq(clientInvites.kind, 'seeker'), isNull(clientInvites.acceptedAt), isNull(clientInvites.revokedAt)));
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + clientInviteLifetimeDays * 86_400_000);
    await tx.insert(clientInvites).values({ clientId: client.id, kind: 'seeker', email, tokenHash: hashToken(token), expiresAt, createdBy: actor.userId });
    await recordClientEvent(tx, client.id, actor, 'invite', `Invited ${email} to sign in and follow their plan (link valid until ${expiresAt.toISOString().slice(0, 10)}).`);
    return { token, path: clientInvitePath(token), email, expiresAt };
  });
}

export type ClientInvitePreview = { kind: 'seeker' | 'practitioner'; orgName: string; seekerName: string; email: string; expiresAt: Date };

async function findUsableClientInvite(db: Db, token: string) {
  const [row] = await db
    .select({ invite: clientInvites, orgName: organisations.name, seekerName: clients.fullName })
    .from(clientInvites)
    .innerJoin(clients, eq(clients.id, clientInvites.clientId))
    .leftJoin(organisations, eq(organisations.id, clients.orgId))
    .where(eq(clientInvites.tokenHash, hashToken(token)));
  if (!row) throw new AppError('not_found', 'This link is not valid. Check that you copied the whole link.');
  const status = inviteStatus(row.invite);
  const sender = row.invite.kind === 'seeker' ? 'your career adviser' : 'the job seeker';
  if (status === 'accepted') throw new AppError('gone', row.invite.kind === 'seeker' ? 'This link has already been used. Sign in to see your plan.' : 'This link has already been used: the record is with a career service now.');
  if (status === 'revoked') throw new AppError('gone', `This link was replaced by a newer one. Ask ${sender} for the latest link.`);
  if (status === 'expired') throw new AppError('gone', `This link expired on ${row.invite.expiresAt.toISOString().slice(0, 10)}. Ask ${sender} for a new one.`);
  return { invite: row.invite, orgName: row.orgName ?? 'your career service', seekerName: row.seekerName };
}

export async function previewClientInvite(token: string): Promise<ClientInvitePreview> {
  const { invite, orgName, seekerName } = await findUsableClientInvite(getDb(), token);
  return { kind: invite.kind, orgName, seekerName, email: invite.email, expiresAt: invite.expiresAt };
}

/**
 * Uses a link: a client links their account to their record (`seeker` links), or a
 * practitioner takes a self-service seeker's record into their caseload (`practitioner` links).
 */
export async function acceptClientInvite(actor: Actor | null, token: string): Promise<Client> {
  if (!actor?.userId || !actor.email) throw new AppError('unauthenticated', 'Sign in to use this link.');
  const email = actor.email;
  const userId = actor.userId;
  return getDb().transaction(async (tx) => {
    const { invite } = await findUsableClientInvite(tx, token);
    const [locked] = await tx.select().from(clientInvites).where(eq(clientInvites.id, invite.id)).for('update');
    if (!locked || inviteStatus(locked) !== 'pending') throw new AppError('gone', 'This link has already been used.');
    if (locked.email.toLowerCase() !== email.toLowerCase()) throw new AppError('forbidden', `This link is for ${locked.email}. Sign in with that address to use it.`);
    const [client] = await tx.select().from(clients).where(eq(clients.id, locked.clientId)).for('update');
    let linked: Client[];
    if (locked.kind === 'seeker') {
      const [already] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.seekerUserId, userId));
      if (already && already.id !== client!.id) throw new AppError('conflict', 'Your account is already linked to another client record. Ask your career adviser to help.');
      if (client!.seekerUserId && client!.seekerUserId !== userId) throw new AppError('conflict', 'This client record is already linked to another account.');
      linked = await tx.update(clients).set({ seekerUserId: userId, updatedAt: new Date() }).where(eq(clients.id, client!.id)).returning();
      await recordClientEvent(tx, client!.id, actor, 'linked', `${client!.fullName} signed in and linked their account.`);
    } else {
      const practitioner = assertCaseloadAccess(actor);
      if (client!.orgId) throw new AppError('conflict', 'This record is already with a career service.');
      linked = await tx.update(clients).set({ orgId: practitioner.org.id, assignedTo: userId, updatedAt: new Date() }).where(eq(clients.id, client!.id)).returning();
      await recordClientEvent(tx, client!.id, actor, 'assigned', `${practitioner.name} of ${practitioner.org.name} took the record on at the job seeker’s invitation.`);
    }
    await tx.update(clientInvites).set({ acceptedAt: new Date(), acceptedBy: userId }).where(eq(clientInvites.id, locked.id));
    return linked[0]!;
  });
}

/** A self-service seeker invites a practitioner (by email) to take their record into a career service's caseload. */
export async function invitePractitioner(actor: Actor | null, raw: unknown): Promise<{ token: string; path: string; email: string; expiresAt: Date }> {
  const input = parseInput(clientInviteSchema, raw);
  if (!input.email) throw validationError({ email: ['Give your career adviser’s email address.'] });
  const email = input.email;
  const checked = authorize(actor, 'plan:follow');
  return getDb().transaction(async (tx) => {
    const own = await findOwnClientRecord(tx, checked);
    if (!own) throw new AppError('conflict', 'Set up your profile first: then invite an adviser to take it on.');
    if (own.orgId) throw new AppError('conflict', 'A career service already manages your record.');
    await tx.update(clientInvites).set({ revokedAt: new Date() }).where(and(eq(clientInvites.clientId, own.id), eq(clientInvites.kind, 'practitioner'), isNull(clientInvites.acceptedAt), isNull(clientInvites.revokedAt)));
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + clientInviteLifetimeDays * 86_400_000);
    await tx.insert(clientInvites).values({ clientId: own.id, kind: 'practitioner', email, tokenHash: hashToken(token), expiresAt, createdBy: checked.userId });
    await recordClientEvent(tx, own.id, checked, 'invite', `Invited the career adviser ${email} to take the record on.`);
    return { token, path: clientInvitePath(token), email, expiresAt };
  });
}
