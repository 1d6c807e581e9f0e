import { describe, expect, it } from 'vitest';
import type { OrgKind } from '@/db/schema';
import { createTestOrg } from '../support/factories';
import { isolationMatrix, memberRoleOf } from '../support/isolation-matrix';
import { callRoute } from '../support/routes';

type Orgs = { ownerAdminKey: string; memberKey: string; adminKey: string; owner: Awaited<ReturnType<typeof createTestOrg>> };
const orgsByKind = new Map<OrgKind, Promise<Orgs>>();

/** Two organisations of one kind: B owns the resources, A's member and admin try to reach them. */
function orgsOf(kind: OrgKind): Promise<Orgs> {
  if (!orgsByKind.has(kind)) {
    orgsByKind.set(
      kind,
      (async () => {
        const orgA = await createTestOrg(kind);
        const orgB = await createTestOrg(kind);
        return { owner: orgB, ownerAdminKey: await orgB.apiKey('admin'), memberKey: await orgA.apiKey(memberRoleOf[kind]), adminKey: await orgA.apiKey('admin') };
      })(),
    );
  }
  return orgsByKind.get(kind)!;
}

describe('organisation isolation', () => {
  for (const testCase of isolationMatrix) {
    for (const request of testCase.requests) {
      it(`${request.method} ${testCase.resource} of org B: refused to org A's ${memberRoleOf[testCase.orgKind]} (403/404), not found for org A's admin (404)`, async () => {
        const { owner, ownerAdminKey, memberKey, adminKey } = await orgsOf(testCase.orgKind);
        const created = await testCase.create(owner);
        const params = typeof created === 'string' ? { id: created } : created;
        const asMember = await callRoute(request.handler, { method: request.method, apiKey: memberKey, params, body: request.body });
        expect([403, 404]).toContain(asMember.status);
        const asAdmin = await callRoute(request.handler, { method: request.method, apiKey: adminKey, params, body: request.body });
        expect(asAdmin.status).toBe(404);
        expect(asAdmin.body.error.code).toBe('not_found');
        // The resource is untouched and still visible to its owner.
        const getRequest = testCase.requests.find((r) => r.method === 'GET')!;
        const asOwner = await callRoute(getRequest.handler, { apiKey: ownerAdminKey, params });
        expect(asOwner.status).toBe(200);
      });
    }
  }
});
