'use client';

import { deliveryModeLabels, deliveryModes } from '@/lib/catalog/vocabulary';
import { countries, subdivisions } from '@/lib/geo/regions';
import { Alert } from '../../_components/alert';
import { LinkButton } from '../../_components/button';
import { SelectField, TextField } from '../../_components/field';
import { CheckboxField, FormSection, GroupedSelectField, type OptionGroup } from '../../_components/form-controls';
import { SubmitButton } from '../../_components/submit-button';
import { useFormAction } from '../../_components/use-form-action';
import { createClientAction, updateClientAction } from './actions';

const sortedCountries = [...countries].sort((a, b) => a.name.localeCompare(b.name, 'en'));
const countryOptions = sortedCountries.map((c) => ({ value: c.code, label: c.name }));
const regionGroups: OptionGroup[] = sortedCountries
  .map((c) => ({ label: c.name, options: subdivisions.filter((s) => s.country === c.code).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })) }))
  .filter((g) => g.options.length > 0);

export type ClientFormValues = Record<string, string | undefined>;

/** The client record form: contact, location, constraints for recommendations, consent. */
export function ClientForm({ clientId, defaults, practitioners }: { clientId?: string; defaults: ClientFormValues; practitioners: Array<{ userId: string; name: string }> }) {
  const { state, formAction: action, attempt, summaryRef } = useFormAction(clientId ? updateClientAction : createClientAction);
  const values = state.values ?? defaults;
  const errors = state.fieldErrors ?? {};
  const field = (name: string, label: string) => ({ name, label, errors: errors[name], defaultValue: values[name] ?? '' });
  const errorCount = Object.keys(errors).length;
  const chosenModes = new Set((values.deliveryModes ?? '').split(',').filter(Boolean));

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
      <FormSection legend="Location">
        <SelectField {...field('country', 'Country')} options={[{ value: '', label: 'Choose a country' }, ...countryOptions]} />
        <GroupedSelectField {...field('region', 'Region')} groups={regionGroups} emptyLabel="Choose a region" />
        <TextField {...field('city', 'City (optional)')} maxLength={120} />
        <TextField {...field('travelRadiusKm', 'Travel radius in km (optional)')} inputMode="numeric" />
      </FormSection>
      <FormSection legend="Preferences and constraints" description="Recommendations respect these.">
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-800">Delivery modes (none ticked: any)</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {deliveryModes.map((mode) => (
              <label key={mode} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="deliveryModes" value={mode} defaultChecked={chosenModes.has(mode)} className="size-4" />
                {deliveryModeLabels[mode]}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField {...field('languages', 'Languages (optional)')} hint="Two-letter codes, comma-separated, e.g. en, fr." />
        <TextField {...field('maxBudget', 'Maximum budget (optional)')} inputMode="decimal" />
        <TextField {...field('budgetCurrency', 'Budget currency')} maxLength={3} hint="ISO 4217 code such as USD." />
        <TextField {...field('hoursPerWeek', 'Hours per week available (optional)')} inputMode="numeric" />
        <TextField {...field('earliestStart', 'Earliest start (optional)')} type="date" />
      </FormSection>
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
