'use server';

import { revalidatePath } from 'next/cache';
import { requireActionActor } from '@/lib/auth/session';
import { type ActionState, runAction } from '@/lib/http/actions';
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
