'use client';

import { useActionState } from 'react';
import { defaultPlanShareLinkExpiryDays, planShareLinkExpiryDays } from '@/lib/plans/plan-vocabulary';
import { Alert } from '../../../../../_components/alert';
import { CopyableLink } from '../../../../../_components/copyable-link';
import { SelectField } from '../../../../../_components/field';
import { formKey } from '../../../../../_components/form-key';
import { SubmitButton } from '../../../../../_components/submit-button';
import { createShareLinkAction } from './share-actions';

const expiryOptions = planShareLinkExpiryDays.map((days) => ({ value: String(days), label: `${days} days` }));

/** Creates a read-only link to the plan and shows it once. */
export function ShareLinkForm({ clientId, planId }: { clientId: string; planId: string }) {
  const [state, action] = useActionState(createShareLinkAction, { status: 'idle' });
  return (
    <div className="flex flex-col gap-3">
      <form key={formKey(state)} action={action} className="flex flex-col gap-3">
        <input type="hidden" name="clientId" value={clientId} />
        <input type="hidden" name="planId" value={planId} />
        <SelectField
          name="expiresInDays"
          label="Link valid for"
          hint="Anyone with the link can read the plan (no contact details, notes or comments) until it expires or you revoke it."
          options={expiryOptions}
          defaultValue={state.values?.expiresInDays ?? String(defaultPlanShareLinkExpiryDays)}
          errors={state.fieldErrors?.expiresInDays}
        />
        <div>
          <SubmitButton pendingLabel="Creating…">Create read-only link</SubmitButton>
        </div>
      </form>
      {state.status === 'error' && !state.fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === 'success' && state.data ? <CopyableLink title={state.message} label="Read-only plan link" link={state.data.link} /> : null}
    </div>
  );
}
