'use server';

import { after } from 'next/server';
import { redirect } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { type ActionState, runAction } from '@/lib/http/actions';
import { createImportPreview, runConfirmedImport } from '@/lib/imports/program-import';

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

/** Starts the confirmed import after the response, so the page can show its progress. */
export async function confirmImportAction(formData: FormData): Promise<void> {
  const actor = await getCurrentActor();
  if (!actor) redirect('/signin');
  const importId = String(formData.get('importId') ?? '');
  after(async () => {
    await runConfirmedImport(actor, importId).catch((error: unknown) => console.error('[import]', error));
  });
  redirect(`/provider/imports/${importId}?started=1`);
}
