import { beforeAll, describe, expect, it } from 'vitest';
import { createTestOrg } from '../support/factories';
import { isolationMatrix } from '../support/isolation-matrix';
import { callRoute } from '../support/routes';

describe('organisation isolation', () => {
  let orgA: Awaited<ReturnType<typeof createTestOrg>>;
  let orgB: Awaited<ReturnType<typeof createTestOrg>>;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    orgA = await createTestOrg('career_service');
    orgB = await createTestOrg('career_service');
    keys.practitioner = await orgA.apiKey('practitioner');
    keys.admin = await orgA.apiKey('admin');
    keys.ownerAdmin = await orgB.apiKey('admin');
  });

  for (const testCase of isolationMatrix) {
    for (const request of testCase.requests) {
      it(`${request.method} ${testCase.resource} of org B is refused to org A's practitioner (403/404) and not found for org A's admin (404)`, async () => {
        const id = await testCase.create(orgB);
        const asPractitioner = await callRoute(request.handler, { method: request.method, apiKey: keys.practitioner, params: { id }, body: request.body });
        expect([403, 404]).toContain(asPractitioner.status);
        const asAdmin = await callRoute(request.handler, { method: request.method, apiKey: keys.admin, params: { id }, body: request.body });
        expect(asAdmin.status).toBe(404);
        expect(asAdmin.body.error.code).toBe('not_found');
        // The resource is untouched and still visible to its owner.
        const getRequest = testCase.requests.find((r) => r.method === 'GET')!;
        const asOwner = await callRoute(getRequest.handler, { apiKey: keys.ownerAdmin, params: { id } });
        expect(asOwner.status).toBe(200);
      });
    }
  }
});
