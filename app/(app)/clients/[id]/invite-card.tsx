'use client';

import { useActionState } from 'react';
import { Alert } from '../../../_components/alert';
import { CopyableLink } from '../../../_components/copyable-link';
import { TextField } from '../../../_components/field';
import { formKey } from '../../../_components/form-key';
import { SubmitButton } from '../../../_components/submit-button';
import { inviteClientAction } from './invite-action';

/** Lets the practitioner give the client a sign-in link to follow their goals and plan. */
export function InviteClientForm({ clientId, email }: { clientId: string; email: string | null }) {
  const [state, action] = useActionState(inviteClientAction, { status: 'idle' });
  return (
    <div className="flex flex-col gap-3">
      <form key={formKey(state)} action={action} className="flex flex-col gap-3" noValidate>
        <input type="hidden" name="id" value={clientId} />
        <TextField name="email" label="Client’s email" type="email" hint="Only this address can use the link." defaultValue={state.values?.email ?? email ?? ''} errors={state.fieldErrors?.email} />
        <div>
          <SubmitButton pendingLabel="Creating…">Create sign-in link</SubmitButton>
        </div>
      </form>
      {state.status === 'error' && !state.fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === 'success' && state.data ? <CopyableLink title={state.message} label="Client sign-in link" link={state.data.link} /> : null}
    </div>
  );
}
