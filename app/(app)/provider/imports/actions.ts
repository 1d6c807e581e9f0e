'use server';

import { redirect } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { type ActionState, runAction } from '@/lib/http/actions';
import { confirmImport, createImportPreview } from '@/lib/imports/program-import';

const maxUploadBytes = 100 * 1024 * 1024;

export async function previewImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let importId: string | undefined;
  const result = await runAction(formData, async () => {
    const actor = await getCurrentActor();
    if (!actor) throw new AppError('unauthenticated', 'Your session ended. Sign in again.');
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) throw new AppError('validation_failed', 'Choose a file to upload.', { fieldErrors: { file: ['Choose a CSV, JSON or CTDL JSON-LD file.'] } });
    if (file.size > maxUploadBytes) throw new AppError('validation_failed', 'The file is larger than 100 MB.', { fieldErrors: { file: ['Split it, or use the CLI: npm run import -- <file>.'] } });
    const record = await createImportPreview(actor, { filename: file.name, content: Buffer.from(await file.arrayBuffer()) });
    importId = record.id;
    return {};
  });
  if (importId) redirect(`/provider/imports/${importId}`);
  return result;
}

/** Claims the import, lets it run in the background and shows its progress page at once. */
export async function confirmImportAction(formData: FormData): Promise<void> {
  const actor = await getCurrentActor();
  if (!actor) redirect('/signin');
  const importId = String(formData.get('importId') ?? '');
  try {
    const { run } = await confirmImport(actor, importId);
    void run();
  } catch (error) {
    // Already started or finished (a double click): the report page says which.
    if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
  }
  redirect(`/provider/imports/${importId}`);
}
