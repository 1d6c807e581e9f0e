'use client';

import { useActionState } from 'react';
import type { GapImportReport } from '@/lib/employers/gap-import';
import type { ActionState } from '@/lib/http/actions';
import { DeleteButton } from '../../../_components/action-form';
import { Alert } from '../../../_components/alert';
import { SubmitButton } from '../../../_components/submit-button';
import { DataTable } from '../../../_components/table';
import { useActionToast } from '../../../_components/toaster';
import { deleteGapAction, importGapsAction, setGapStatusAction } from './actions';

/** Close or reopen a gap. */
export function GapStatusButton({ gapId, status, title }: { gapId: string; status: 'open' | 'closed'; title: string }) {
  const [state, action] = useActionState(setGapStatusAction, { status: 'idle' });
  useActionToast(state);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={gapId} />
      <input type="hidden" name="status" value={status === 'open' ? 'closed' : 'open'} />
      <div>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          {status === 'open' ? 'Close gap' : 'Reopen gap'}
          <span className="sr-only"> {title}</span>
        </SubmitButton>
      </div>
      {state.status === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          {state.fieldErrors?.targetDate?.[0] ?? state.message}
        </p>
      ) : null}
    </form>
  );
}

export function DeleteGapButton({ gapId, title }: { gapId: string; title: string }) {
  return <DeleteButton action={deleteGapAction} fields={{ id: gapId }} confirm={`Delete “${title}”? This cannot be undone.`} label="Delete gap" />;
}

/** CSV upload: check first (dry run) or post; every bad cell is listed by row and column. */
export function GapUpload() {
  const [state, action] = useActionState<ActionState<GapImportReport>, FormData>(importGapsAction, { status: 'idle' });
  useActionToast(state);
  const report = state.data;
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <label htmlFor="gap-file" className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          CSV file
          <input id="gap-file" name="file" type="file" accept=".csv,text/csv" className="text-sm" aria-describedby="gap-file-hint" />
        </label>
        <SubmitButton name="mode" value="check" variant="secondary" pendingLabel="Checking…">
          Check file
        </SubmitButton>
        <SubmitButton name="mode" value="post" pendingLabel="Posting…">
          Post valid rows
        </SubmitButton>
      </form>
      <p id="gap-file-hint" className="text-sm text-slate-600">
        Columns: role_title, region, headcount, must_have_skills (separated by |), and optionally nice_to_have_skills, skill_level, occupation, city, urgency,
        target_date, description.{' '}
        <a href="/api/v1/skill-gaps/template" className="text-brand-700 underline">
          Download the template
        </a>
        .
      </p>
      {state.status === 'error' ? <Alert tone="error">{state.fieldErrors?.file?.[0] ?? state.message}</Alert> : null}
      {report && report.errors.length ? (
        <DataTable
          caption="Problems in the file"
          rows={report.errors.map((e, i) => ({ ...e, key: String(i) }))}
          rowKey={(e) => e.key}
          columns={[
            { header: 'Row', cell: (e) => e.row },
            { header: 'Column', cell: (e) => <code>{e.field}</code> },
            { header: 'Problem', cell: (e) => e.message },
          ]}
        />
      ) : null}
    </div>
  );
}
