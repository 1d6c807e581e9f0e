'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireActionActor } from '@/lib/auth/session';
import { createProgram, deleteProgram, setProgramStatus, updateProgram } from '@/lib/catalog/programs';
import { programStatuses, type ProgramStatus } from '@/lib/catalog/vocabulary';
import { AppError } from '@/lib/errors';
import { type ActionState, runAction } from '@/lib/http/actions';
import { refreshSkillSuggestions, reviewSkillSuggestions } from '@/lib/skills/program-skills';
import { programInputFromForm } from './program-form-fields';

const listPath = '/provider/programs';


export async function createProgramAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let target: string | undefined;
  const result = await runAction(formData, async (values) => {
    const program = await createProgram(await requireActionActor(), programInputFromForm(values));
    target = program.status === 'draft' ? `${listPath}/${program.id}/edit?created=1` : `${listPath}?saved=1`;
    return {};
  });
  if (target) {
    revalidatePath(listPath);
    redirect(target);
  }
  return result;
}

/** The program id travels in a hidden `id` field. */
export async function updateProgramAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async (values) => {
    await updateProgram(await requireActionActor(), values.id ?? '', programInputFromForm(values));
    return {};
  });
  if (result.status === 'success') {
    revalidatePath(listPath);
    redirect(`${listPath}?saved=1`);
  }
  return result;
}

const statusMessages: Record<ProgramStatus, (title: string) => string> = {
  published: (title) => `“${title}” is published. It appears in search within a few seconds.`,
  draft: (title) => `“${title}” is back to draft and no longer public.`,
  archived: (title) => `“${title}” is archived and no longer public.`,
};

export async function setProgramStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async (values) => {
    const status = values.status as ProgramStatus;
    if (!programStatuses.includes(status)) throw new AppError('validation_failed', 'Unknown status.');
    const program = await setProgramStatus(await requireActionActor(), values.id ?? '', status);
    revalidatePath(listPath);
    return { message: statusMessages[status](program.title) };
  });
  // The whole record is re-validated on a status change: point to the edit form rather than list field errors here.
  const fieldCount = Object.keys(result.fieldErrors ?? {}).length;
  if (result.status === 'error' && fieldCount > 0) {
    return { ...result, message: `Edit the program first: ${fieldCount === 1 ? '1 field needs' : `${fieldCount} fields need`} attention.` };
  }
  return result;
}

export async function deleteProgramAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async (values) => {
    await deleteProgram(await requireActionActor(), values.id ?? '');
    return {};
  });
  if (result.status === 'success') {
    revalidatePath(listPath);
    redirect(`${listPath}?deleted=1`);
  }
  return result;
}

/** Accept or reject suggested skills: `decision` comes from the button pressed, ids from the ticked boxes. */
export async function reviewSkillSuggestionsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const skillIds = formData.getAll('skillId').filter((v): v is string => typeof v === 'string');
  return runAction(formData, async (values) => {
    const { updated } = await reviewSkillSuggestions(await requireActionActor(), values.id ?? '', { decision: values.decision, skillIds });
    revalidatePath(`${listPath}/${values.id}/edit`);
    const noun = updated === 1 ? 'skill' : 'skills';
    return { message: values.decision === 'accept' ? `${updated} ${noun} added to the program.` : `${updated} ${noun} rejected.` };
  });
}

export async function refreshSkillSuggestionsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    const { suggested } = await refreshSkillSuggestions(await requireActionActor(), values.id ?? '');
    revalidatePath(`${listPath}/${values.id}/edit`);
    return { message: suggested ? `${suggested} new ${suggested === 1 ? 'suggestion' : 'suggestions'}.` : 'No new suggestions: the text matches no other skill.' };
  });
}
