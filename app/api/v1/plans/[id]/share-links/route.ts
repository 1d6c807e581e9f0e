import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api';
import { createPlanShareLink, listPlanShareLinks } from '@/lib/plans/plan-share';

// GET /api/v1/plans/{id}/share-links — the plan's read-only links with their status (active, expired, revoked)
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => ({ links: await listPlanShareLinks(actor, params.id) }));

// POST /api/v1/plans/{id}/share-links — { "expiresInDays"?: 1–90 (14) }; the token, path and url are returned only now
export const POST = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  // The body is optional: without one the link gets the default lifetime.
  const body = (await request.clone().text()).trim() ? await readJson(request) : {};
  const link = await createPlanShareLink(actor, params.id, body);
  return NextResponse.json({ ...link, url: new URL(link.path, request.url).toString() }, { status: 201 });
});
