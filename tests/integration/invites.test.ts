import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { invites, users } from '@/db/schema';
import { acceptInvite, createInvite, previewInvite, revokeInvite } from '@/lib/orgs/invites';
import { listMembers } from '@/lib/orgs/organisations';
import { signUp } from '@/lib/auth/sign-up';
import { AppError } from '@/lib/errors';
import { createTestOrg, createTestUser, testPassword, uniqueEmail } from '../support/factories';

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);

describe('invites', () => {
  it('lets a new person sign up with the link and join with the invited role, once', async () => {
    const team = await createTestOrg('career_service');
    const { token } = await createInvite(await team.adminActor(), { role: 'practitioner' });
    expect((await previewInvite(token)).role).toBe('practitioner');

    const email = uniqueEmail('joiner');
    const user = await signUp({ name: 'Joiner', email, password: testPassword, inviteToken: token });
    const members = await listMembers(await team.adminActor());
    expect(members.find((m) => m.userId === user.id)?.role).toBe('practitioner');

    const reused = await errorOf(signUp({ name: 'Second', email: uniqueEmail('second'), password: testPassword, inviteToken: token }));
    expect(reused?.code).toBe('gone');
    expect(reused?.message).toMatch(/already been used/);
  });

  it('writes nothing when sign-up with an unusable invite fails', async () => {
    const email = uniqueEmail('orphan');
    const error = await errorOf(signUp({ name: 'Orphan', email, password: testPassword, inviteToken: 'not-a-real-token' }));
    expect(error?.code).toBe('not_found');
    const rows = await getDb().select().from(users).where(sql`lower(${users.email}) = ${email}`);
    expect(rows).toHaveLength(0);
  });

  it('refuses expired and withdrawn invites with specific messages', async () => {
    const team = await createTestOrg('employer');
    const admin = await team.adminActor();
    const expired = await createInvite(admin, { role: 'employer' });
    await getDb().update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invites.id, expired.invite.id));
    expect((await errorOf(previewInvite(expired.token)))?.message).toMatch(/expired on/);

    const withdrawn = await createInvite(admin, { role: 'employer' });
    await revokeInvite(admin, withdrawn.invite.id);
    expect((await errorOf(previewInvite(withdrawn.token)))?.message).toMatch(/withdrawn/);
  });

  it('holds an invite for a named email to that address', async () => {
    const team = await createTestOrg('training_provider');
    const invitedEmail = uniqueEmail('named');
    const { token } = await createInvite(await team.adminActor(), { role: 'provider', email: invitedEmail });
    const stranger = await createTestUser({ label: 'stranger' });
    const error = await errorOf(getDb().transaction((tx) => acceptInvite(tx, token, stranger)));
    expect(error?.code).toBe('forbidden');
    expect((await previewInvite(token)).email).toBe(invitedEmail);
  });

  it('refuses a role the kind of organisation does not have', async () => {
    const team = await createTestOrg('employer');
    const error = await errorOf(createInvite(await team.adminActor(), { role: 'practitioner' }));
    expect(error?.code).toBe('validation_failed');
    expect(error?.fieldErrors?.role?.[0]).toMatch(/admin, employer/);
  });

  it('refuses invite management to a non-admin', async () => {
    const team = await createTestOrg('career_service');
    const { actor } = await team.addMember('practitioner');
    expect((await errorOf(createInvite(actor, { role: 'practitioner' })))?.code).toBe('forbidden');
  });
});
