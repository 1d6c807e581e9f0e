import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as planPdfRoute from '@/app/api/v1/plans/[id]/pdf/route';
import * as shareLinkRoute from '@/app/api/v1/plans/[id]/share-links/[linkId]/route';
import * as shareLinksRoute from '@/app/api/v1/plans/[id]/share-links/route';
import { getDb } from '@/db';
import { openApiDocument } from '@/lib/api/openapi';
import { clientEvents, clients, organisations, planShareLinks } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { hashToken } from '@/lib/auth/tokens';
import { createProgram, setProgramStatus } from '@/lib/catalog/programs';
import { createClient } from '@/lib/clients/clients';
import { AppError } from '@/lib/errors';
import { getPlan } from '@/lib/plans/plan-details';
import { planPdfFilename, renderPlanPdf, toWinAnsi } from '@/lib/plans/plan-pdf';
import { createPlanShareLink, getSharedPlan, listPlanShareLinks, revokePlanShareLink } from '@/lib/plans/plan-share';
import { createPlan, updatePlanStep } from '@/lib/plans/plans';
import { actorFor, createTestOrg, createTestUser } from '../support/factories';
import { programFixture } from '../support/programs';
import { callRoute } from '../support/routes';

// Route handlers read the session through next/headers, which only exists inside a request: serve it the test's cookie.
const session = vi.hoisted(() => ({ token: '' }));
vi.mock('next/headers', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/headers')>()),
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && session.token ? { name, value: session.token } : undefined) }),
}));

async function sessionCookie(userId: string): Promise<string> {
  session.token = await encode({ token: { userId }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${session.token}`;
}

type Handler = Parameters<typeof callRoute>[0];
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);
const tokenOf = (path: string) => path.split('/').pop()!;

let providerOrgId: string;
beforeAll(async () => {
  const [provider] = await getDb().insert(organisations).values({ name: 'Sharing provider', slug: `sharing-${randomUUID()}`, kind: 'training_provider' }).returning();
  providerOrgId = provider!.id;
});

/** A client with contact details and a plan of two programs, one of them archived since. */
async function sharedPlanFixture() {
  const team = await createTestOrg('career_service', `Harbour Careers ${randomUUID().slice(0, 4)}`);
  const { actor } = await team.addMember('practitioner');
  const client = await createClient(actor, { fullName: 'Rita Doucet', email: 'rita@example.org', phone: '+1 902 555 0100', region: 'CA-NS' });
  const first = await createProgram(systemActor, programFixture({ title: `Welding badge ${randomUUID().slice(0, 6)}`, cost: 900, currency: 'CAD', hours: 40, weeks: 6 }), { orgId: providerOrgId });
  const second = await createProgram(systemActor, programFixture({ title: `Forklift ticket ${randomUUID().slice(0, 6)}` }), { orgId: providerOrgId });
  const plan = await createPlan(actor, client.id, { title: 'Welding – Nova Scotia route', steps: [{ programId: first.id }, { programId: second.id }] });
  await setProgramStatus(systemActor, second.id, 'archived');
  return { team, actor, client, plan, programs: { first, second } };
}

describe('plan PDF', () => {
  it('is a real PDF named after the plan, for the career service and the linked seeker only', async () => {
    const { team, client, plan } = await sharedPlanFixture();
    const key = await team.apiKey('practitioner');
    const response = await (planPdfRoute.GET as Handler)(new Request('http://localhost/', { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id: plan.id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="plan-welding-nova-scotia-route.pdf"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const other = await createTestOrg('career_service');
    const asOther = await callRoute(planPdfRoute.GET as Handler, { apiKey: await other.apiKey('admin'), params: { id: plan.id } });
    expect(asOther.status).toBe(404);
    session.token = '';
    const anonymous = await callRoute(planPdfRoute.GET as Handler, { params: { id: plan.id } });
    expect(anonymous.status).toBe(401);

    const seeker = await createTestUser({ label: 'seeker' });
    await getDb().update(clients).set({ seekerUserId: seeker.id }).where(eq(clients.id, client.id));
    const asSeeker = await (planPdfRoute.GET as Handler)(new Request('http://localhost/', { headers: { cookie: await sessionCookie(seeker.id) } }), { params: Promise.resolve({ id: plan.id }) });
    expect(asSeeker.status).toBe(200);
    expect(asSeeker.headers.get('content-type')).toBe('application/pdf');
    session.token = '';
  });

  it('wraps long text onto further pages and keeps characters Helvetica cannot print out of the file', async () => {
    const { actor, plan } = await sharedPlanFixture();
    const details = await getPlan(actor, plan.id);
    const long = 'A very long program title that must wrap over several lines of the page '.repeat(6);
    const many = Array.from({ length: 30 }, (_, i) => ({ ...details.steps[0]!, id: randomUUID(), programTitle: `${i + 1} ${long}` }));
    const short = await renderPlanPdf(details);
    const pdf = await renderPlanPdf({ ...details, steps: many });
    const pageCount = (buffer: Buffer) => (buffer.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pageCount(short)).toBe(1);
    expect(pageCount(pdf)).toBeGreaterThan(3);
    expect(toWinAnsi('Zoë → Łódź ≈ 5 € 東')).toBe('Zoë -> Lódz ~ 5 € ?');
    expect(planPdfFilename('Ünïcode plan: 2026/27!')).toBe('plan-unicode-plan-2026-27.pdf');
  });
});

describe('plan share links', () => {
  it('shares a read-only plan until revoked, storing only the token’s hash', async () => {
    const { team, actor, client, plan, programs } = await sharedPlanFixture();
    const details = await getPlan(actor, plan.id);
    await updatePlanStep(actor, details.steps[0]!.id, { notes: 'Private: discuss funding with Rita', expectedVersion: details.plan.version });

    const link = await createPlanShareLink(actor, plan.id, { expiresInDays: 7 });
    expect(link.path).toMatch(/^\/shared\/plans\/[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const [stored] = await getDb().select().from(planShareLinks).where(eq(planShareLinks.id, link.id));
    expect(stored!.tokenHash).toBe(hashToken(link.token));
    expect(JSON.stringify(stored)).not.toContain(link.token);
    const events = await getDb().select().from(clientEvents).where(eq(clientEvents.clientId, client.id));
    expect(events.map((e) => e.message)).toContainEqual(expect.stringContaining('Read-only link to the plan'));

    const shared = await getSharedPlan(tokenOf(link.path));
    expect(shared.orgName).toBe(team.org.name);
    expect(shared.details.plan.id).toBe(plan.id);
    expect(shared.details.client).toEqual({ id: client.id, fullName: 'Rita Doucet', region: 'CA-NS', country: 'CA', stage: expect.any(String) });
    expect(JSON.stringify(shared)).not.toMatch(/rita@example\.org|555 0100|Private: discuss/);
    expect(shared.details.steps.map((s) => [s.programId, s.programState])).toEqual([
      [programs.first.id, 'published'],
      [programs.second.id, 'archived'],
    ]);

    expect(await listPlanShareLinks(actor, plan.id)).toEqual([expect.objectContaining({ id: link.id, status: 'active', createdByName: actor.name, revokedAt: null })]);
    await revokePlanShareLink(actor, plan.id, link.id);
    expect((await listPlanShareLinks(actor, plan.id))[0]!.status).toBe('revoked');
    const revoked = await errorOf(getSharedPlan(tokenOf(link.path)));
    expect(revoked).toMatchObject({ code: 'gone', message: `This link was revoked on ${new Date().toISOString().slice(0, 10)}. Ask ${team.org.name} for a new link.` });
    expect(await errorOf(revokePlanShareLink(actor, plan.id, link.id))).toMatchObject({ code: 'conflict' });
  });

  it('tells an expired link apart from an unknown one', async () => {
    const { actor, plan } = await sharedPlanFixture();
    const link = await createPlanShareLink(actor, plan.id, {});
    expect(Math.round((link.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(14);
    await getDb().update(planShareLinks).set({ expiresAt: new Date('2026-01-05T10:00:00Z') }).where(eq(planShareLinks.id, link.id));
    expect(await errorOf(getSharedPlan(tokenOf(link.path)))).toMatchObject({ code: 'gone', message: expect.stringContaining('This link expired on 2026-01-05.') });
    expect((await listPlanShareLinks(actor, plan.id))[0]!.status).toBe('expired');
    expect(await errorOf(getSharedPlan('not-a-real-token'))).toMatchObject({ code: 'not_found', message: expect.stringContaining('This link is not valid') });
  });

  it('is created, listed and revoked over the API by practitioners only, with field errors for a bad lifetime', async () => {
    const { team, plan } = await sharedPlanFixture();
    const key = await team.apiKey('practitioner');
    for (const expiresInDays of [0, 91, 2.5, 'soon']) {
      const bad = await callRoute(shareLinksRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: plan.id }, body: { expiresInDays } });
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.fields.expiresInDays).toHaveLength(1);
    }
    const created = await callRoute(shareLinksRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: plan.id }, body: { expiresInDays: 30 } });
    expect(created.status).toBe(201);
    expect(created.body.url).toBe(`http://localhost${created.body.path}`);
    const listed = await callRoute(shareLinksRoute.GET as Handler, { apiKey: key, params: { id: plan.id } });
    expect(listed.body.links).toEqual([expect.objectContaining({ id: created.body.id, status: 'active' })]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    const revoked = await callRoute(shareLinkRoute.DELETE as Handler, { method: 'DELETE', apiKey: key, params: { id: plan.id, linkId: created.body.id } });
    expect(revoked.status).toBe(204);
    const unknown = await callRoute(shareLinkRoute.DELETE as Handler, { method: 'DELETE', apiKey: key, params: { id: plan.id, linkId: randomUUID() } });
    expect(unknown.status).toBe(404);

    // The linked seeker reads the plan but does not share it.
    const seeker = await createTestUser({ label: 'seeker' });
    await getDb().update(clients).set({ seekerUserId: seeker.id }).where(eq(clients.id, plan.clientId));
    expect(await errorOf(createPlanShareLink(await actorFor(seeker.id), plan.id, {}))).toMatchObject({ code: 'forbidden' });
  });

  it('is documented in the OpenAPI document', () => {
    const paths = openApiDocument('http://localhost').paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/plans/{id}/share-links']!)).toEqual(['get', 'post']);
    expect(Object.keys(paths['/plans/{id}/share-links/{linkId}']!)).toEqual(['delete']);
    expect(Object.keys(paths['/plans/{id}/pdf']!)).toEqual(['get']);
  });
});
