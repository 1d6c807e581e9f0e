'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireActionActor } from '@/lib/auth/session';
import { importGaps, type GapImportReport } from '@/lib/employers/gap-import';
import { createGap, deleteGap, setGapStatus, updateGap } from '@/lib/employers/gaps';
import { AppError } from '@/lib/errors';
import { type ActionState, runAction } from '@/lib/http/actions';

const listPath = '/employer/gaps';
const formFields = ['roleTitle', 'occupation', 'region', 'city', 'headcount', 'urgency', 'targetDate', 'description'] as const;

/** Form strings → the gap schema's input; the skills editor sends its rows as JSON. */
function gapInputFromForm(values: Record<string, string>) {
  let skills: unknown;
  try {
    skills = JSON.parse(values.skills || '[]');
  } catch {
    throw new AppError('validation_failed', 'The skills list could not be read; reload the page and try again.', { fieldErrors: { skills: ['Could not read the skills.'] } });
  }
  return { ...Object.fromEntries(formFields.map((f) => [f, values[f] ?? ''])), skills };
}

export async function createGapAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let target: string | undefined;
  const result = await runAction(formData, async (values) => {
    const { gap } = await createGap(await requireActionActor(), gapInputFromForm(values));
    target = `${listPath}/${gap.id}?created=1`;
    return {};
  });
  if (target) {
    revalidatePath(listPath);
    redirect(target);
  }
  return result;
}

export async function updateGapAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async (values) => {
    await updateGap(await requireActionActor(), values.id ?? '', gapInputFromForm(values));
    return {};
  });
  if (result.status === 'success') {
    revalidatePath(listPath);
    redirect(`${listPath}/${formData.get('id')}?saved=1`);
  }
  return result;
}

export async function setGapStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    const status = values.status === 'open' ? 'open' : 'closed';
    const { gap } = await setGapStatus(await requireActionActor(), values.id ?? '', status);
    revalidatePath(listPath);
    revalidatePath(`${listPath}/${gap.id}`);
    return { message: status === 'open' ? `“${gap.roleTitle}” is open again and counts towards regional demand.` : `“${gap.roleTitle}” is closed and no longer counts towards demand.` };
  });
}

export async function deleteGapAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async (values) => {
    await deleteGap(await requireActionActor(), values.id ?? '');
    return {};
  });
  if (result.status === 'success') {
    revalidatePath(listPath);
    redirect(`${listPath}?deleted=1`);
  }
  return result;
}

export async function importGapsAction(_prev: ActionState<GapImportReport>, formData: FormData): Promise<ActionState<GapImportReport>> {
  const file = formData.get('file');
  const isDryRun = formData.get('mode') === 'check';
  return runAction(formData, async () => {
    if (!(file instanceof File) || file.size === 0) throw new AppError('validation_failed', 'Choose a CSV file to upload.', { fieldErrors: { file: ['Choose a CSV file.'] } });
    const report = await importGaps(await requireActionActor(), { content: Buffer.from(await file.arrayBuffer()), format: 'csv' }, { isDryRun });
    if (report.created) revalidatePath(listPath);
    const summary = isDryRun ? `${report.validRows} of ${report.totalRows} rows are valid.` : `${report.created} gap${report.created === 1 ? '' : 's'} posted.`;
    return { message: `${summary}${report.errors.length ? ` ${report.errors.length} problem${report.errors.length === 1 ? '' : 's'} listed below.` : ''}`, data: report };
  });
}
