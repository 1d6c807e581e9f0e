'use server';

import { revalidatePath } from 'next/cache';
import { requireActionActor } from '@/lib/auth/session';
import { type ActionState, runAction } from '@/lib/http/actions';
import { requestOrigin } from '@/lib/http/origin';
import { createPlanShareLink, revokePlanShareLink } from '@/lib/plans/plan-share';

const planPath = (values: Record<string, string>) => `/clients/${values.clientId ?? ''}/plans/${values.planId ?? ''}`;

export async function createShareLinkAction(_prev: ActionState<{ link: string }>, formData: FormData): Promise<ActionState<{ link: string }>> {
  return runAction(formData, async (values) => {
    const link = await createPlanShareLink(await requireActionActor(), values.planId ?? '', { expiresInDays: values.expiresInDays });
    revalidatePath(planPath(values));
    return { message: `Read-only link created, valid until ${link.expiresAt.toISOString().slice(0, 10)}. Copy it now: it is shown only once.`, data: { link: `${await requestOrigin()}${link.path}` } };
  });
}

export async function revokeShareLinkAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await revokePlanShareLink(await requireActionActor(), values.planId ?? '', values.linkId ?? '');
    revalidatePath(planPath(values));
    return { message: 'Link revoked: it no longer opens the plan.' };
  });
}
