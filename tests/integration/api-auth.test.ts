import { describe, expect, it } from 'vitest';
import * as meRoute from '@/app/api/v1/me/route';
import * as invitesRoute from '@/app/api/v1/invites/route';
import * as membersRoute from '@/app/api/v1/members/route';
import { revokeApiKey } from '@/lib/orgs/api-keys';
import { systemActor } from '@/lib/auth/actor';
import { getDb } from '@/db';
import { apiKeys } from '@/db/schema';
import { hashToken } from '@/lib/auth/tokens';
import { eq } from 'drizzle-orm';
import { createTestOrg } from '../support/factories';
import { callRoute } from '../support/routes';

describe('API authentication with organisation keys', () => {
  it('answers 401 with a JSON error for a malformed or unknown key', async () => {
    for (const apiKey of ['nonsense', 'cp_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']) {
      const res = await callRoute(meRoute.GET, { apiKey });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  it('acts as the key’s organisation and role, and stops working once revoked', async () => {
    const team = await createTestOrg('employer');
    const key = await team.apiKey('employer');
    const me = await callRoute(meRoute.GET, { apiKey: key });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'api_key', role: 'employer', organisation: { id: team.org.id } });
    expect((await callRoute(membersRoute.GET, { apiKey: key })).status).toBe(200);
    // An employer key may not manage invites.
    expect((await callRoute(invitesRoute.POST, { method: 'POST', apiKey: key, body: { role: 'employer' } })).status).toBe(403);

    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.keyHash, hashToken(key)));
    expect(row!.keyHash).not.toContain(key);
    await revokeApiKey(systemActor, row!.id);
    expect((await callRoute(meRoute.GET, { apiKey: key })).status).toBe(401);
  });

  it('answers 422 with field details for bad input, and 401 without credentials', async () => {
    const team = await createTestOrg('career_service');
    const key = await team.apiKey('admin');
    const bad = await callRoute(invitesRoute.POST, { method: 'POST', apiKey: key, body: { role: 'wizard', email: 'nope' } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['email', 'role']);
    const created = await callRoute(invitesRoute.POST, { method: 'POST', apiKey: key, body: { role: 'practitioner' } });
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(created.body.invite.tokenHash).toBeUndefined();
  });
});
