'use server';

import { revalidatePath } from 'next/cache';
import { requireActionActor } from '@/lib/auth/session';
import { type ActionState, runAction } from '@/lib/http/actions';
import { invitePractitioner } from '@/lib/clients/client-invites';
import { saveSelfServiceProfile } from '@/lib/clients/self-service';
import { requestOrigin } from '@/lib/http/origin';
import { updatePlanStep } from '@/lib/plans/plans';

/** The client marks a step's progress on their own plan; their adviser sees it on the plan and the timeline. */
export async function markStepProgressAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await updatePlanStep(await requireActionActor(), values.stepId ?? '', { status: values.status, expectedVersion: values.expectedVersion }, { planId: values.planId });
    revalidatePath(`/my-plan/plans/${values.planId}`);
    revalidatePath('/my-plan');
    return { message: values.status === 'completed' ? 'Well done! Step marked completed: your adviser will see it.' : 'Progress saved: your adviser will see it.' };
  });
}

/** Self-service: the job seeker's own situation and constraints (creates their record the first time). */
export async function saveSelfServiceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await saveSelfServiceProfile(await requireActionActor(), {
      ...values,
      deliveryModes: formData.getAll('deliveryModes').filter((v) => typeof v === 'string'),
      consentDataProcessing: values.consentDataProcessing === 'on',
    });
    revalidatePath('/my-plan');
    return { message: 'Saved: your gap and recommendations use these details.' };
  });
}

/** Self-service: invite a career adviser to take the record into their caseload. */
export async function invitePractitionerAction(_prev: ActionState<{ link: string }>, formData: FormData): Promise<ActionState<{ link: string }>> {
  return runAction(formData, async (values) => {
    const invite = await invitePractitioner(await requireActionActor(), { email: values.email });
    revalidatePath('/my-plan');
    return { message: `Link for ${invite.email} created, valid until ${invite.expiresAt.toISOString().slice(0, 10)}. Send it to your adviser.`, data: { link: `${await requestOrigin()}${invite.path}` } };
  });
}
