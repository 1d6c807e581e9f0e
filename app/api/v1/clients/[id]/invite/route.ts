import { NextResponse } from 'next/server';
import { inviteClientToSignIn } from '@/lib/clients/client-invites';
import { apiRoute, readJson } from '@/lib/http/api';

// POST /api/v1/clients/{id}/invite — { email? } a one-time link for the client to sign in and follow their goals and plan
export const POST = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  // The body is optional: without one, the link goes to the email on the client's record.
  const body = (await request.clone().text()).trim() ? await readJson(request) : {};
  const invite = await inviteClientToSignIn(actor, params.id, body);
  return NextResponse.json({ link: `${process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : new URL(request.url).origin}${invite.path}`, email: invite.email, expiresAt: invite.expiresAt }, { status: 201 });
});
