import { describe, expect, it } from 'vitest';
import * as inviteRoute from '@/app/api/v1/clients/[id]/invite/route';
import { getDb } from '@/db';
import { skills } from '@/db/schema';
import { acceptClientInvite, inviteClientToSignIn, previewClientInvite } from '@/lib/clients/client-invites';
import { createClient, findOrgClient } from '@/lib/clients/clients';
import { createGoal } from '@/lib/clients/goals';
import { getOwnRecord } from '@/lib/clients/own-record';
import { randomUUID } from 'node:crypto';
import { actorFor, createTestOrg, createTestUser } from '../support/factories';
import { callRoute } from '../support/routes';

type Handler = Parameters<typeof callRoute>[0];

const tokenOf = (path: string) => path.split('/').pop()!;

describe('a client follows their own plan', () => {
  it('links the invited address only, once, and then shows the client their goals', async () => {
    const team = await createTestOrg('career_service');
    const { actor } = await team.addMember('practitioner');
    const seeker = await createTestUser({ label: 'seeker' });
    const stranger = await createTestUser({ label: 'stranger' });
    const client = await createClient(actor, { fullName: 'Sam Seeker', region: 'US-NY' });
    const [skill] = await getDb().insert(skills).values({ source: 'custom', sourceUri: `custom:${randomUUID()}`, preferredLabel: `Access skill ${randomUUID()}`, kind: 'skill' }).returning();
    await createGoal(actor, client.id, { kind: 'custom', title: 'Data clerk', skills: [skill!.id] });

    await expect(inviteClientToSignIn(actor, client.id, {})).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { email: [expect.stringContaining('email')] } });
    const first = await inviteClientToSignIn(actor, client.id, { email: seeker.email });
    const second = await inviteClientToSignIn(actor, client.id, { email: seeker.email });
    await expect(previewClientInvite(tokenOf(first.path))).rejects.toMatchObject({ code: 'gone', message: expect.stringContaining('replaced by a newer one') });
    expect(await previewClientInvite(tokenOf(second.path))).toMatchObject({ orgName: team.org.name, email: seeker.email });

    const strangerActor = await actorFor(stranger.id);
    await expect(acceptClientInvite(strangerActor, tokenOf(second.path))).rejects.toMatchObject({ code: 'forbidden', message: `This link is for ${seeker.email}. Sign in with that address to use it.` });
    await expect(acceptClientInvite(null, tokenOf(second.path))).rejects.toMatchObject({ code: 'unauthenticated' });

    const seekerActor = await actorFor(seeker.id);
    expect(seekerActor.role).toBe('seeker');
    expect((await acceptClientInvite(seekerActor, tokenOf(second.path))).seekerUserId).toBe(seeker.id);
    await expect(acceptClientInvite(seekerActor, tokenOf(second.path))).rejects.toMatchObject({ code: 'gone' });
    await expect(inviteClientToSignIn(actor, client.id, { email: seeker.email })).rejects.toMatchObject({ code: 'conflict' });

    const own = await getOwnRecord(seekerActor);
    expect(own).toMatchObject({ client: expect.objectContaining({ id: client.id }), isSelfManaged: false, orgName: team.org.name, goals: [expect.objectContaining({ goal: expect.objectContaining({ title: 'Data clerk' }) })] });
    expect(await getOwnRecord(strangerActor)).toBeNull();
    // The seeker reaches their record only where a caller allows it, and never anyone else's.
    expect((await findOrgClient(getDb(), seekerActor, client.id, false, { allowSelf: true })).id).toBe(client.id);
    await expect(findOrgClient(getDb(), seekerActor, client.id)).rejects.toMatchObject({ code: 'forbidden' });
    const other = await createClient(actor, { fullName: 'Someone Else' });
    await expect(findOrgClient(getDb(), seekerActor, other.id, false, { allowSelf: true })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('creates the link through the API, and never for another organisation’s client', async () => {
    const team = await createTestOrg('career_service');
    const { actor } = await team.addMember('practitioner');
    const client = await createClient(actor, { fullName: 'Api Client', email: 'api.client@example.org' });
    const res = await callRoute(inviteRoute.POST as Handler, { method: 'POST', apiKey: await team.apiKey('practitioner'), params: { id: client.id } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'api.client@example.org', link: expect.stringMatching(/\/join\/[\w-]{40,}$/) });
    const other = await createTestOrg('career_service');
    const denied = await callRoute(inviteRoute.POST as Handler, { method: 'POST', apiKey: await other.apiKey('practitioner'), params: { id: client.id }, body: { email: 'x@example.org' } });
    expect(denied.status).toBe(404);
  });
});
