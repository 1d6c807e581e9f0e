'use server';

import { revalidatePath } from 'next/cache';
import { requireActionActor } from '@/lib/auth/session';
import { type ActionState, runAction } from '@/lib/http/actions';
import { setProgramExcluded } from '@/lib/recommendations/recommendations';

/** Excludes a program from (or lets it back into) a goal's recommendations; the page re-runs them. */
export async function setProgramExcludedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await setProgramExcluded(await requireActionActor(), values.goalId ?? '', { programId: values.programId, isExcluded: values.isExcluded });
    revalidatePath(`/clients/${values.clientId}/goals/${values.goalId}`);
    return { message: values.isExcluded === 'false' ? 'Program allowed again: recommendations updated.' : 'Program excluded: recommendations updated.' };
  });
}
