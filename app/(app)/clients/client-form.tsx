'use client';

import { Alert } from '../../_components/alert';
import { LinkButton } from '../../_components/button';
import { SelectField, TextField } from '../../_components/field';
import { CheckboxField, FormSection } from '../../_components/form-controls';
import { SubmitButton } from '../../_components/submit-button';
import { useFormAction } from '../../_components/use-form-action';
import { createClientAction, updateClientAction } from './actions';
import { ConstraintFields } from './constraint-fields';


export type ClientFormValues = Record<string, string | undefined>;

/** The client record form: contact, location, constraints for recommendations, consent. */
export function ClientForm({ clientId, defaults, practitioners }: { clientId?: string; defaults: ClientFormValues; practitioners: Array<{ userId: string; name: string }> }) {
  const { state, formAction: action, attempt, summaryRef } = useFormAction(clientId ? updateClientAction : createClientAction);
  const values = state.values ?? defaults;
  const errors = state.fieldErrors ?? {};
  const field = (name: string, label: string) => ({ name, label, errors: errors[name], defaultValue: values[name] ?? '' });
  const errorCount = Object.keys(errors).length;

  return (
    <form key={attempt} action={action} className="flex flex-col gap-6" noValidate>
      {clientId ? <input type="hidden" name="id" value={clientId} /> : null}
      {state.status === 'error' ? (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert tone="error" title={errorCount ? `${errorCount === 1 ? '1 field needs' : `${errorCount} fields need`} attention` : 'The client could not be saved'}>
            {errorCount ? 'See the messages next to each field.' : state.message}
          </Alert>
        </div>
      ) : null}
      <FormSection legend="Contact">
        <TextField {...field('fullName', 'Full name')} maxLength={200} />
        <TextField {...field('email', 'Email (optional)')} type="email" />
        <TextField {...field('phone', 'Phone (optional)')} maxLength={40} />
        <SelectField
          {...field('assignedTo', 'Practitioner')}
          options={[{ value: '', label: 'Not assigned' }, ...practitioners.map((p) => ({ value: p.userId, label: p.name }))]}
        />
      </FormSection>
      <ConstraintFields values={values} errors={errors} />
      <FormSection legend="Consent" description="Recorded with the date; every change appears on the timeline.">
        <CheckboxField name="consentDataProcessing" label="Consents to Credpath processing their data (and being counted, anonymously, in regional supply)" errors={errors.consentDataProcessing} defaultChecked={values.consentDataProcessing === 'on' || values.consentDataProcessing === 'true'} />
        <CheckboxField name="consentEmployerVisible" label="Agrees to employers seeing their name next to matching skill gaps" errors={errors.consentEmployerVisible} defaultChecked={values.consentEmployerVisible === 'on' || values.consentEmployerVisible === 'true'} />
      </FormSection>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Saving…">{clientId ? 'Save changes' : 'Create client'}</SubmitButton>
        <LinkButton href={clientId ? `/clients/${clientId}` : '/clients'} variant="secondary">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
