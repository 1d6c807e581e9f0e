'use client';

import { Alert } from '../../../../_components/alert';
import { TextField } from '../../../../_components/field';
import { SubmitButton } from '../../../../_components/submit-button';
import { useFormAction } from '../../../../_components/use-form-action';
import { deleteClientAction } from '../../lifecycle-actions';

/** Erasure needs the client's full name typed in: a deliberate act, never a stray click. */
export function DeleteClientForm({ clientId, fullName }: { clientId: string; fullName: string }) {
  const { state, formAction, attempt, summaryRef } = useFormAction(deleteClientAction);
  const errors = state.fieldErrors?.confirmName;
  return (
    <form key={attempt} action={formAction} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="id" value={clientId} />
      {state.status === 'error' ? (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert tone="error">{state.message}</Alert>
        </div>
      ) : null}
      <TextField
        name="confirmName"
        label={`Type the client’s full name (${fullName}) to confirm`}
        errors={errors}
        defaultValue={state.values?.confirmName ?? ''}
        autoComplete="off"
        spellCheck={false}
      />
      <div>
        <SubmitButton variant="danger" pendingLabel="Deleting…">
          Delete client
        </SubmitButton>
      </div>
    </form>
  );
}
