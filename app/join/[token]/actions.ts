'use server';

import { redirect } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/session';
import { acceptClientInvite } from '@/lib/clients/client-invites';
import { type ActionState, runAction } from '@/lib/http/actions';

export async function acceptClientInviteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async (values) => {
    await acceptClientInvite(await getCurrentActor(), values.token ?? '');
    return {};
  });
  if (result.status === 'success') redirect('/my-plan?linked=1');
  return result;
}
