import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api';
import { createInvite, listInvites } from '@/lib/orgs/invites';

const publicInvite = ({ tokenHash: _omit, ...invite }: { tokenHash: string } & Record<string, unknown>) => invite;

// GET /api/v1/invites — the organisation's invites
export const GET = apiRoute('invites:manage', async ({ actor }) => ({ invites: (await listInvites(actor)).map(publicInvite) }));

// POST /api/v1/invites — create a one-time invite link
export const POST = apiRoute('invites:manage', async ({ actor, request }) => {
  const body = (await readJson(request)) as { role?: unknown; email?: unknown };
  const { invite, path } = await createInvite(actor, { role: body?.role, email: body?.email });
  return NextResponse.json({ invite: publicInvite(invite), url: new URL(path, request.url).toString() }, { status: 201 });
});
