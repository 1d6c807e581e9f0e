'use server';

import { redirect } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/session';
import { acceptClientInvite } from '@/lib/clients/client-invites';
import { type ActionState, runAction } from '@/lib/http/actions';

export async function acceptClientInviteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let target = '/my-plan?linked=1';
  const result = await runAction(formData, async (values) => {
    const client = await acceptClientInvite(await getCurrentActor(), values.token ?? '');
    // A practitioner who took a self-service record on goes to it in their caseload.
    if (values.kind === 'practitioner') target = `/clients/${client.id}?created=1`;
    return {};
  });
  if (result.status === 'success') redirect(target);
  return result;
}
