'use client';

import { formKey } from '../../../_components/form-key';
import { useActionState } from 'react';
import { orgKinds } from '@/db/schema';
import { orgKindLabels } from '@/lib/auth/roles';
import { Alert } from '../../../_components/alert';
import { SelectField, TextField } from '../../../_components/field';
import { SubmitButton } from '../../../_components/submit-button';
import { createOrganisationAction } from './actions';

export function CreateOrgForm() {
  const [state, action] = useActionState(createOrganisationAction, { status: 'idle' });
  const errors = state.fieldErrors ?? {};
  return (
    <form key={formKey(state)} action={action} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
      {state.status === 'error' ? <Alert tone="error">{state.message}</Alert> : null}
      <TextField name="name" label="Organisation name" required defaultValue={state.values?.name} errors={errors.name} />
      <SelectField
        name="kind"
        label="Kind of organisation"
        hint="Career services coach clients; employers post skill gaps; training providers publish programs."
        defaultValue={state.values?.kind ?? 'career_service'}
        errors={errors.kind}
        options={orgKinds.map((k) => ({ value: k, label: orgKindLabels[k] }))}
      />
      <SubmitButton pendingLabel="Creating…">Create organisation</SubmitButton>
    </form>
  );
}
