'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ProgramStatus } from '@/lib/catalog/vocabulary';
import type { ActionState } from '@/lib/http/actions';
import { Button } from '../../../_components/button';
import { DeleteButton } from '../../../_components/action-form';
import { useToast } from '../../../_components/toaster';
import { deleteProgramAction, setProgramStatusAction } from './actions';

/** Which status changes a row offers, by its current status. */
const statusChanges: Record<ProgramStatus, ReadonlyArray<{ status: ProgramStatus; label: string }>> = {
  draft: [
    { status: 'published', label: 'Publish' },
    { status: 'archived', label: 'Archive' },
  ],
  published: [
    { status: 'draft', label: 'Unpublish' },
    { status: 'archived', label: 'Archive' },
  ],
  archived: [
    { status: 'published', label: 'Publish' },
    { status: 'draft', label: 'Move to draft' },
  ],
};

function StatusChangeButton({ status, label, title }: { status: ProgramStatus; label: string; title: string }) {
  const { pending, data } = useFormStatus();
  const isThisOne = pending && data?.get('status') === status;
  return (
    <Button type="submit" name="status" value={status} variant={status === 'published' ? 'primary' : 'secondary'} disabled={pending} aria-disabled={pending} className="px-3 py-1">
      {isThisOne ? 'Saving…' : label}
      <span className="sr-only"> {title}</span>
    </Button>
  );
}

/**
 * The status changes of one table row, in one form (the pressed button sends the status).
 * The toast is raised from the action itself: a changed row may leave a filtered list,
 * unmounting this component before it could show the result.
 */
export function ProgramStatusActions({ programId, title, status }: { programId: string; title: string; status: ProgramStatus }) {
  const toast = useToast();
  const [state, action] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await setProgramStatusAction(prev, formData);
    if (next.status === 'success' && next.message) toast(next.message);
    return next;
  }, { status: 'idle' });
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="id" value={programId} />
      <div className="flex flex-wrap gap-2">
        {statusChanges[status].map((change) => (
          <StatusChangeButton key={change.status} status={change.status} label={change.label} title={title} />
        ))}
      </div>
      {state.status === 'error' ? (
        <span role="alert" className="max-w-56 text-xs text-red-700">
          {state.message}{' '}
          {state.fieldErrors ? (
            <Link href={`/provider/programs/${programId}/edit`} className="underline">
              Edit<span className="sr-only"> {title}</span>
            </Link>
          ) : null}
        </span>
      ) : null}
    </form>
  );
}

export function DeleteProgramButton({ programId, title }: { programId: string; title: string }) {
  return <DeleteButton action={deleteProgramAction} fields={{ id: programId }} confirm={`Delete “${title}”? This cannot be undone.`} label="Delete program" />;
}
