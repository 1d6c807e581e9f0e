'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireActionActor } from '@/lib/auth/session';
import { type ActionState, runAction } from '@/lib/http/actions';
import { addPlanComment } from '@/lib/plans/plan-comments';
import { addPlanStep, createPlan, deletePlan, removePlanStep, reorderPlanSteps, updatePlan, updatePlanStep } from '@/lib/plans/plans';

const clientPath = (clientId: string) => `/clients/${clientId}`;
const planPath = (clientId: string, planId: string) => `/clients/${clientId}/plans/${planId}`;

/** A plan shows on the practitioner's pages and on the client's own (My plan). */
function revalidatePlan(values: Record<string, string>) {
  revalidatePath(planPath(values.clientId ?? '', values.planId ?? ''));
  revalidatePath(clientPath(values.clientId ?? ''));
  revalidatePath(`/my-plan/plans/${values.planId ?? ''}`);
  revalidatePath('/my-plan');
}

/** A comment by the practitioner or the client; the form names the plan (and the client, for the practitioner's page). */
export async function addPlanCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await addPlanComment(await requireActionActor(), values.planId ?? '', { body: values.body, stepId: values.stepId });
    revalidatePlan(values);
    return { message: 'Comment added.' };
  });
}

export async function createPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let target: string | undefined;
  const result = await runAction(formData, async (values) => {
    // From a recommendation, the steps come in order, each with the gap skills it was chosen for.
    const steps = formData.getAll('programId').map((programId) => ({ programId, gapSkillIds: formData.getAll(`covers.${String(programId)}`) }));
    const plan = await createPlan(await requireActionActor(), values.clientId ?? '', { title: values.title, goalId: values.goalId, steps });
    target = planPath(plan.clientId, plan.id);
    return {};
  });
  if (target) {
    revalidatePath(clientPath(formData.get('clientId') as string));
    redirect(target);
  }
  return result;
}

/** Rename, archive or restore. */
export async function updatePlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    const plan = await updatePlan(await requireActionActor(), values.planId ?? '', { title: values.title, status: values.status, expectedVersion: values.expectedVersion });
    revalidatePlan(values);
    return { message: values.status ? (plan.status === 'archived' ? 'Plan archived.' : 'Plan restored.') : 'Plan renamed.' };
  });
}

export async function deletePlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async (values) => {
    await deletePlan(await requireActionActor(), values.planId ?? '', { expectedVersion: values.expectedVersion });
    return {};
  });
  if (result.status === 'success') {
    const clientId = String(formData.get('clientId') ?? '');
    revalidatePath(clientPath(clientId));
    redirect(clientPath(clientId));
  }
  return result;
}

export async function addPlanStepAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await addPlanStep(await requireActionActor(), values.planId ?? '', { programId: values.programId, expectedVersion: values.expectedVersion });
    revalidatePlan(values);
    return { message: `${values.programTitle || 'The program'} added to the plan.` };
  });
}

export async function removePlanStepAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await removePlanStep(await requireActionActor(), values.stepId ?? '', { expectedVersion: values.expectedVersion }, { planId: values.planId });
    revalidatePlan(values);
    return { message: 'Step removed.' };
  });
}

export async function updatePlanStepAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    const input = { status: values.status, startDate: values.startDate ?? '', endDate: values.endDate ?? '', notes: values.notes ?? '', expectedVersion: values.expectedVersion };
    await updatePlanStep(await requireActionActor(), values.stepId ?? '', input, { planId: values.planId });
    revalidatePlan(values);
    return { message: values.status === 'completed' ? 'Step completed: its skills are on the client’s profile.' : 'Step saved.' };
  });
}

/** Called directly (not from a form) by drag and drop and the move buttons. */
export async function reorderPlanStepsAction(input: { clientId: string; planId: string; stepIds: string[]; expectedVersion: number }): Promise<ActionState<{ version: number }>> {
  const formData = new FormData();
  formData.set('clientId', input.clientId);
  formData.set('planId', input.planId);
  return runAction(formData, async (values) => {
    const plan = await reorderPlanSteps(await requireActionActor(), input.planId, { stepIds: input.stepIds, expectedVersion: input.expectedVersion });
    revalidatePlan(values);
    return { data: { version: plan.version } };
  });
}
