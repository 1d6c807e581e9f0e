'use client';

import { useActionState } from 'react';
import { Alert } from '../../../_components/alert';
import { TextField } from '../../../_components/field';
import { SubmitButton } from '../../../_components/submit-button';
import { previewImportAction } from './actions';

export function UploadForm() {
  const [state, action] = useActionState(previewImportAction, { status: 'idle' });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.status === 'error' ? <Alert tone="error">{state.message}</Alert> : null}
      <TextField
        name="file"
        label="File"
        type="file"
        accept=".csv,.json,.jsonld,text/csv,application/json,application/ld+json"
        hint="CSV (UTF-8), a JSON array of programs, or CTDL JSON-LD from the Credential Engine Registry. Nothing is written until you confirm."
        errors={state.fieldErrors?.file}
      />
      <div>
        <SubmitButton pendingLabel="Checking the file…">Check file</SubmitButton>
      </div>
    </form>
  );
}
