'use server';

import { revalidatePath } from 'next/cache';
import { requireActionActor } from '@/lib/auth/session';
import { type ActionState, runAction } from '@/lib/http/actions';
import { removeSavedProgram, saveProgram } from '@/lib/seekers/shortlist';

/** The shortlist shows on its own page and as the toggle on every program page. */
function revalidateShortlist() {
  revalidatePath('/shortlist');
  revalidatePath('/programs/[slug]', 'page');
}

export async function saveProgramAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await saveProgram(await requireActionActor(), { programId: values.programId });
    revalidateShortlist();
    return { message: 'Saved to your shortlist.' };
  });
}

export async function saveShortlistNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await saveProgram(await requireActionActor(), { programId: values.programId, note: values.note ?? '' });
    revalidateShortlist();
    return { message: 'Note saved.' };
  });
}

export async function removeSavedProgramAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await removeSavedProgram(await requireActionActor(), values.programId ?? '');
    revalidateShortlist();
    return { message: 'Removed from your shortlist.' };
  });
}
