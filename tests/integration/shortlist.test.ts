import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import * as savedProgramRoute from '@/app/api/v1/me/shortlist/[programId]/route';
import * as shortlistRoute from '@/app/api/v1/me/shortlist/route';
import { openApiDocument } from '@/lib/api/openapi';
import { createProgram, deleteProgram, setProgramStatus } from '@/lib/catalog/programs';
import { AppError } from '@/lib/errors';
import { listShortlist, removeSavedProgram, saveProgram, savedProgramIds } from '@/lib/seekers/shortlist';
import { actorFor, createTestOrg, createTestUser } from '../support/factories';
import { programFixture } from '../support/programs';
import { callRoute } from '../support/routes';

// Route handlers read the session through next/headers, which only exists inside a request: serve it the test's cookie.
const session = vi.hoisted(() => ({ token: '' }));
vi.mock('next/headers', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/headers')>()),
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && session.token ? { name, value: session.token } : undefined) }),
}));

/** A `cookie` header signed in as this user, as next-auth would set it. */
async function sessionCookie(userId: string): Promise<string> {
  session.token = await encode({ token: { userId }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${session.token}`;
}

type Handler = Parameters<typeof callRoute>[0];
const removeRoute = savedProgramRoute.DELETE as Handler;
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);
const today = new Date('2026-06-01T12:00:00Z');

async function scenario() {
  const provider = await createTestOrg('training_provider');
  const { actor: providerActor } = await provider.addMember('provider');
  const make = (title: string, over: Parameters<typeof programFixture>[0] = {}) => createProgram(providerActor, programFixture({ title, ...over }));
  const seeker = await createTestUser({ label: 'seeker' });
  const seekerActor = await actorFor(seeker.id);
  return { providerActor, make, seeker, seekerActor };
}

describe('shortlist of programs', () => {
  it('saves published programs with a note, lists them newest first with their details, and removes them', async () => {
    const { make, seekerActor } = await scenario();
    expect(seekerActor.role).toBe('seeker');
    const cloud = await make('Shortlist Cloud Basics', { startDates: ['2026-01-10', '2026-09-14', '2026-07-06'], cost: 900, currency: 'CAD', hours: 40, weeks: 6 });
    const data = await make('Shortlist Data Literacy');

    await saveProgram(seekerActor, { programId: cloud.id, note: '  Ask about funding  ' });
    await saveProgram(seekerActor, { programId: data.id });
    const list = await listShortlist(seekerActor, today);
    expect(list.map((e) => e.title)).toEqual(['Shortlist Data Literacy', 'Shortlist Cloud Basics']);
    expect(list[1]).toMatchObject({
      programId: cloud.id,
      isAvailable: true,
      slug: cloud.slug,
      providerName: cloud.providerName,
      credentialType: 'digital_badge',
      deliveryMode: 'in_person',
      cost: 900,
      currency: 'CAD',
      hours: 40,
      weeks: 6,
      nextStartDate: '2026-07-06',
      note: 'Ask about funding',
    });
    expect([...(await savedProgramIds(seekerActor, [cloud.id, data.id, randomUUID(), 'not-an-id']))].sort()).toEqual([cloud.id, data.id].sort());

    await removeSavedProgram(seekerActor, cloud.id);
    expect((await listShortlist(seekerActor)).map((e) => e.programId)).toEqual([data.id]);
    expect((await errorOf(removeSavedProgram(seekerActor, cloud.id)))?.code).toBe('not_found');
    expect((await errorOf(removeSavedProgram(seekerActor, 'nonsense')))?.code).toBe('not_found');
  });

  it('saving twice updates the note and never duplicates; without a note the note stays, an empty one clears it', async () => {
    const { make, seekerActor } = await scenario();
    const program = await make('Shortlist Twice');
    await saveProgram(seekerActor, { programId: program.id, note: 'First thought' });
    await saveProgram(seekerActor, { programId: program.id, note: 'Second thought' });
    expect((await listShortlist(seekerActor)).map((e) => [e.programId, e.note])).toEqual([[program.id, 'Second thought']]);
    await saveProgram(seekerActor, { programId: program.id });
    expect((await listShortlist(seekerActor))[0]!.note).toBe('Second thought');
    await saveProgram(seekerActor, { programId: program.id, note: '   ' });
    expect((await listShortlist(seekerActor)).map((e) => [e.programId, e.note])).toEqual([[program.id, null]]);
  });

  it('refuses drafts, unknown programs and long notes with field errors', async () => {
    const { make, seekerActor } = await scenario();
    const draft = await make('Shortlist Draft', { status: 'draft' });
    const published = await make('Shortlist Published');
    for (const programId of [draft.id, randomUUID()]) {
      const error = await errorOf(saveProgram(seekerActor, { programId }));
      expect(error?.code).toBe('validation_failed');
      expect(error?.fieldErrors?.programId).toEqual(['This program does not exist or is not published.']);
    }
    expect((await errorOf(saveProgram(seekerActor, { programId: 'abc' })))?.fieldErrors?.programId).toEqual(['Choose a program.']);
    const long = await errorOf(saveProgram(seekerActor, { programId: published.id, note: 'x'.repeat(501) }));
    expect(long?.fieldErrors?.note).toEqual(['Keep the note to 500 characters or fewer.']);
    await saveProgram(seekerActor, { programId: published.id, note: 'x'.repeat(500) });
    expect(await listShortlist(seekerActor)).toHaveLength(1);
  });

  it('shows a program archived since as no longer available, and drops a deleted one', async () => {
    const { make, providerActor, seekerActor } = await scenario();
    const archived = await make('Shortlist Archived Later');
    const deleted = await make('Shortlist Deleted Later');
    await saveProgram(seekerActor, { programId: archived.id, note: 'Was promising' });
    await saveProgram(seekerActor, { programId: deleted.id });
    await setProgramStatus(providerActor, archived.id, 'archived');
    await deleteProgram(providerActor, deleted.id);

    expect(await listShortlist(seekerActor)).toEqual([
      { programId: archived.id, title: 'Shortlist Archived Later', providerName: archived.providerName, note: 'Was promising', savedAt: expect.any(Date), isAvailable: false },
    ]);
    // It cannot be saved again, but it can still be removed.
    expect((await errorOf(saveProgram(seekerActor, { programId: archived.id })))?.code).toBe('validation_failed');
    await removeSavedProgram(seekerActor, archived.id);
    expect(await listShortlist(seekerActor)).toEqual([]);
  });

  it('is per person: nobody else sees or removes it, and organisation members keep their own', async () => {
    const { make, seekerActor } = await scenario();
    const program = await make('Shortlist Private');
    await saveProgram(seekerActor, { programId: program.id, note: 'Mine' });

    const otherActor = await actorFor((await createTestUser({ label: 'other' })).id);
    expect(await listShortlist(otherActor)).toEqual([]);
    expect((await savedProgramIds(otherActor, [program.id])).size).toBe(0);
    expect((await errorOf(removeSavedProgram(otherActor, program.id)))?.code).toBe('not_found');

    const { actor: practitioner } = await (await createTestOrg('career_service')).addMember('practitioner');
    await saveProgram(practitioner, { programId: program.id, note: 'For a client' });
    expect((await listShortlist(practitioner)).map((e) => e.note)).toEqual(['For a client']);
    expect((await listShortlist(seekerActor)).map((e) => e.note)).toEqual(['Mine']);
  });

  it('needs a signed-in person: anonymous callers are unauthenticated, organisation API keys are refused', async () => {
    const { make } = await scenario();
    const program = await make('Shortlist Anonymous');
    expect((await errorOf(listShortlist(null)))?.code).toBe('unauthenticated');
    expect((await errorOf(saveProgram(null, { programId: program.id })))?.code).toBe('unauthenticated');
    expect((await errorOf(removeSavedProgram(null, program.id)))?.code).toBe('unauthenticated');
    expect((await errorOf(savedProgramIds(null, [program.id])))?.code).toBe('unauthenticated');

    session.token = '';
    expect((await callRoute(shortlistRoute.GET, {})).status).toBe(401);
    expect((await callRoute(shortlistRoute.POST, { method: 'POST', body: { programId: program.id } })).status).toBe(401);
    expect((await callRoute(removeRoute, { method: 'DELETE', params: { programId: program.id } })).status).toBe(401);

    const apiKey = await (await createTestOrg('career_service')).apiKey('admin');
    const byKey = await callRoute(shortlistRoute.GET, { apiKey });
    expect(byKey.status).toBe(403);
    expect(byKey.body.error.code).toBe('forbidden');
  });

  it('round-trips through the API with a session: save, list, 422 for a draft, delete', async () => {
    const { make, seeker } = await scenario();
    const program = await make('Shortlist API');
    const draft = await make('Shortlist API Draft', { status: 'draft' });
    const cookie = await sessionCookie(seeker.id);

    const saved = await callRoute(shortlistRoute.POST, { method: 'POST', cookie, body: { programId: program.id, note: 'Via the API' } });
    expect(saved.status).toBe(200);
    expect(saved.body.savedProgram).toMatchObject({ programId: program.id, note: 'Via the API' });

    const refused = await callRoute(shortlistRoute.POST, { method: 'POST', cookie, body: { programId: draft.id } });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error.details.fields)).toEqual(['programId']);

    const listed = await callRoute(shortlistRoute.GET, { cookie });
    expect(listed.status).toBe(200);
    expect(listed.body.programs).toEqual([expect.objectContaining({ programId: program.id, slug: program.slug, isAvailable: true, note: 'Via the API' })]);

    const removed = await callRoute(removeRoute, { method: 'DELETE', cookie, params: { programId: program.id } });
    expect(removed.status).toBe(204);
    expect((await callRoute(removeRoute, { method: 'DELETE', cookie, params: { programId: program.id } })).status).toBe(404);
    expect((await callRoute(shortlistRoute.GET, { cookie })).body.programs).toEqual([]);
  });

  it('is documented in the OpenAPI document', () => {
    const { paths } = openApiDocument('http://localhost');
    expect(paths['/me/shortlist'].post.requestBody.content['application/json'].schema).toMatchObject({ properties: { programId: { format: 'uuid' } } });
    expect(paths['/me/shortlist/{programId}'].delete.responses).toHaveProperty('204');
  });
});
