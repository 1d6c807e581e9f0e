'use server';

import { revalidatePath } from 'next/cache';
import { getCurrentActor } from '@/lib/auth/session';
import { orgRoleSchema } from '@/lib/auth/schemas';
import { AppError, parseInput } from '@/lib/errors';
import { type ActionState, runAction } from '@/lib/http/actions';
import { requestOrigin } from '@/lib/http/origin';
import { createInvite, revokeInvite } from '@/lib/orgs/invites';
import { changeMemberRole, removeMember } from '@/lib/orgs/organisations';

async function actorOrThrow() {
  const actor = await getCurrentActor();
  if (!actor) throw new AppError('unauthenticated', 'Your session ended. Sign in again.');
  return actor;
}

export async function createInviteAction(_prev: ActionState<{ link: string }>, formData: FormData): Promise<ActionState<{ link: string }>> {
  return runAction(formData, async (values) => {
    const { path } = await createInvite(await actorOrThrow(), { role: values.role, email: values.email });
    revalidatePath('/settings/members');
    return { message: 'Invite link created. Copy it now and send it to your colleague.', data: { link: `${await requestOrigin()}${path}` } };
  });
}

export async function revokeInviteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await revokeInvite(await actorOrThrow(), values.inviteId ?? '');
    revalidatePath('/settings/members');
    return { message: 'Invite withdrawn.' };
  });
}

export async function changeRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await changeMemberRole(await actorOrThrow(), values.membershipId ?? '', parseInput(orgRoleSchema, values.role));
    revalidatePath('/settings/members');
    return { message: 'Role updated.' };
  });
}

export async function removeMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await removeMember(await actorOrThrow(), values.membershipId ?? '');
    revalidatePath('/settings/members');
    return { message: 'Member removed.' };
  });
}
