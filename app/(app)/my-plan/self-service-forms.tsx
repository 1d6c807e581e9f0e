'use client';

import { useActionState } from 'react';
import { Alert } from '../../_components/alert';
import { CopyableLink } from '../../_components/copyable-link';
import { TextField } from '../../_components/field';
import { CheckboxField } from '../../_components/form-controls';
import { formKey } from '../../_components/form-key';
import { SubmitButton } from '../../_components/submit-button';
import { useFormAction } from '../../_components/use-form-action';
import { ConstraintFields } from '../clients/constraint-fields';
import { invitePractitionerAction, saveSelfServiceAction } from './actions';

/** The job seeker's own situation: where they are and what they can take on, with consent. */
export function SelfServiceForm({ defaults, isNew }: { defaults: Record<string, string | undefined>; isNew: boolean }) {
  const { state, formAction, attempt, summaryRef } = useFormAction(saveSelfServiceAction);
  const values = state.values ?? defaults;
  const errors = state.fieldErrors ?? {};
  const errorCount = Object.keys(errors).length;
  return (
    <form key={attempt} action={formAction} className="flex flex-col gap-6" noValidate>
      {state.status === 'error' ? (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert tone="error" title={errorCount ? `${errorCount === 1 ? '1 field needs' : `${errorCount} fields need`} attention` : 'Your details could not be saved'}>
            {errorCount ? 'See the messages next to each field.' : state.message}
          </Alert>
        </div>
      ) : null}
      {state.status === 'success' ? <Alert tone="success">{state.message}</Alert> : null}
      <ConstraintFields values={values} errors={errors} />
      <CheckboxField
        name="consentDataProcessing"
        label="I agree that Credpath keeps these details, my skills and my goal to work out my skill gap and recommend programs (I can ask for them to be deleted at any time)"
        errors={errors.consentDataProcessing}
        defaultChecked={values.consentDataProcessing === 'on' || values.consentDataProcessing === 'true'}
      />
      <div>
        <SubmitButton pendingLabel="Saving…">{isNew ? 'Start' : 'Save my details'}</SubmitButton>
      </div>
    </form>
  );
}

/** Invite a career adviser (by email) to take the record on. */
export function InviteAdviserForm() {
  const [state, action] = useActionState(invitePractitionerAction, { status: 'idle' });
  return (
    <div className="flex flex-col gap-3">
      <form key={formKey(state)} action={action} className="flex flex-col gap-3" noValidate>
        <TextField name="email" label="Your adviser’s email" type="email" hint="Only this address can use the link." defaultValue={state.values?.email ?? ''} errors={state.fieldErrors?.email} />
        <div>
          <SubmitButton pendingLabel="Creating…">Create invitation link</SubmitButton>
        </div>
      </form>
      {state.status === 'error' && !state.fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === 'success' && state.data ? <CopyableLink title={state.message} label="Adviser invitation link" link={state.data.link} /> : null}
    </div>
  );
}
