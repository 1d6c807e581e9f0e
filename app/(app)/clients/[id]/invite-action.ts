'use server';

import { revalidatePath } from 'next/cache';
import { requireActionActor } from '@/lib/auth/session';
import { inviteClientToSignIn } from '@/lib/clients/client-invites';
import { type ActionState, runAction } from '@/lib/http/actions';
import { requestOrigin } from '@/lib/http/origin';

export async function inviteClientAction(_prev: ActionState<{ link: string }>, formData: FormData): Promise<ActionState<{ link: string }>> {
  return runAction(formData, async (values) => {
    const invite = await inviteClientToSignIn(await requireActionActor(), values.id ?? '', { email: values.email });
    revalidatePath(`/clients/${values.id}`);
    return { message: `Link for ${invite.email} created, valid until ${invite.expiresAt.toISOString().slice(0, 10)}. Copy it now and send it to your client.`, data: { link: `${await requestOrigin()}${invite.path}` } };
  });
}
