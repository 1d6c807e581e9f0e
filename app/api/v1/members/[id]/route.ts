import { z } from 'zod';
import { apiRoute, readJson } from '@/lib/http/api';
import { orgRoleSchema } from '@/lib/auth/schemas';
import { parseInput } from '@/lib/errors';
import { changeMemberRole, getMember, removeMember } from '@/lib/orgs/organisations';

// GET /api/v1/members/{id} — one membership of the organisation
export const GET = apiRoute<{ id: string }>('members:read', async ({ actor, params }) => ({ member: await getMember(actor, params.id) }));

// PATCH /api/v1/members/{id} — change a member's role
export const PATCH = apiRoute<{ id: string }>('members:manage', async ({ actor, params, request }) => {
  const { role } = parseInput(z.object({ role: orgRoleSchema }), await readJson(request));
  await changeMemberRole(actor, params.id, role);
  return { member: await getMember(actor, params.id) };
});

// DELETE /api/v1/members/{id} — remove a member from the organisation
export const DELETE = apiRoute<{ id: string }>('members:manage', async ({ actor, params }) => {
  await removeMember(actor, params.id);
  return new Response(null, { status: 204 });
});
