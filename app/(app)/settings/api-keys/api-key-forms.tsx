'use client';

import { formKey } from '../../../_components/form-key';
import { useActionState } from 'react';
import type { OrgRole } from '@/db/schema';
import { roleLabels } from '@/lib/auth/roles';
import { Alert } from '../../../_components/alert';
import { SelectField, TextField } from '../../../_components/field';
import { SubmitButton } from '../../../_components/submit-button';
import { useActionToast } from '../../../_components/toaster';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

export function CreateApiKeyForm({ roles }: { roles: readonly OrgRole[] }) {
  const [state, action] = useActionState(createApiKeyAction, { status: 'idle' });
  const errors = state.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-4">
      <form key={formKey(state)} action={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
        <TextField name="name" label="Name" hint="The system that will use it, e.g. “HR system”." defaultValue={state.values?.name} errors={errors.name} />
        <SelectField name="role" label="Acts as" defaultValue={state.values?.role ?? 'admin'} errors={errors.role} options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} />
        <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
      </form>
      {state.status === 'error' ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === 'success' && state.data ? (
        <Alert tone="success" title={state.message}>
          <label htmlFor="new-api-key" className="sr-only">
            New API key
          </label>
          <input id="new-api-key" readOnly value={state.data.key} className="mt-2 w-full rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <p className="mt-2">
            Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
          </p>
        </Alert>
      ) : null}
    </div>
  );
}

export function RevokeApiKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const [state, action] = useActionState(revokeApiKeyAction, { status: 'idle' });
  useActionToast(state);
  return (
    <form action={action} onSubmit={(e) => (!window.confirm(`Revoke “${name}”? Systems using it stop working at once.`) ? e.preventDefault() : undefined)}>
      <input type="hidden" name="keyId" value={keyId} />
      <SubmitButton variant="danger">Revoke</SubmitButton>
      {state.status === 'error' ? <span className="ml-2 text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}
