'use server';

import { revalidatePath } from 'next/cache';
import { requireActionActor } from '@/lib/auth/session';
import { orgRoleSchema } from '@/lib/auth/schemas';
import { parseInput } from '@/lib/errors';
import { type ActionState, runAction } from '@/lib/http/actions';
import { requestOrigin } from '@/lib/http/origin';
import { createInvite, revokeInvite } from '@/lib/orgs/invites';
import { changeMemberRole, removeMember } from '@/lib/orgs/organisations';


export async function createInviteAction(_prev: ActionState<{ link: string }>, formData: FormData): Promise<ActionState<{ link: string }>> {
  return runAction(formData, async (values) => {
    const { path } = await createInvite(await requireActionActor(), { role: values.role, email: values.email });
    revalidatePath('/settings/members');
    return { message: 'Invite link created. Copy it now and send it to your colleague.', data: { link: `${await requestOrigin()}${path}` } };
  });
}

export async function revokeInviteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await revokeInvite(await requireActionActor(), values.inviteId ?? '');
    revalidatePath('/settings/members');
    return { message: 'Invite withdrawn.' };
  });
}

export async function changeRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await changeMemberRole(await requireActionActor(), values.membershipId ?? '', parseInput(orgRoleSchema, values.role));
    revalidatePath('/settings/members');
    return { message: 'Role updated.' };
  });
}

export async function removeMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await removeMember(await requireActionActor(), values.membershipId ?? '');
    revalidatePath('/settings/members');
    return { message: 'Member removed.' };
  });
}
