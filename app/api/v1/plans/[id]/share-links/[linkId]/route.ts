import { apiRoute } from '@/lib/http/api';
import { revokePlanShareLink } from '@/lib/plans/plan-share';

// DELETE /api/v1/plans/{id}/share-links/{linkId} — revoke a read-only link at once
export const DELETE = apiRoute<{ id: string; linkId: string }>('clients:manage', async ({ actor, params }) => {
  await revokePlanShareLink(actor, params.id, params.linkId);
  return new Response(null, { status: 204 });
});
