'use server';

import { redirect } from 'next/navigation';
import { cookies } from 'next/headers';
import { getDb } from '@/db';
import { acceptInvite } from '@/lib/orgs/invites';
import { activeOrgCookie, getCurrentActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { type ActionState, runAction } from '@/lib/http/actions';

export async function acceptInviteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async () => {
    const actor = await getCurrentActor();
    if (!actor?.userId || !actor.email) throw new AppError('unauthenticated', 'Sign in to accept this invite.');
    const token = String(formData.get('token') ?? '');
    const { orgId } = await getDb().transaction((tx) => acceptInvite(tx, token, { id: actor.userId!, email: actor.email! }));
    (await cookies()).set(activeOrgCookie, orgId, { httpOnly: true, sameSite: 'lax', path: '/' });
    return {};
  });
  if (result.status === 'success') redirect('/account?joined=1');
  return result;
}
