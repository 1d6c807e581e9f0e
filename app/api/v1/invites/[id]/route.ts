import { apiRoute } from '@/lib/http/api';
import { getInvite, revokeInvite } from '@/lib/orgs/invites';

// GET /api/v1/invites/{id} — one invite of the organisation
export const GET = apiRoute<{ id: string }>('invites:manage', async ({ actor, params }) => {
  const { tokenHash: _omit, ...invite } = await getInvite(actor, params.id);
  return { invite };
});

// DELETE /api/v1/invites/{id} — withdraw a pending invite
export const DELETE = apiRoute<{ id: string }>('invites:manage', async ({ actor, params }) => {
  await revokeInvite(actor, params.id);
  return new Response(null, { status: 204 });
});
