import { deliveryModeLabels, deliveryModes } from '@/lib/catalog/vocabulary';
import type { FieldErrors } from '@/lib/errors';
import { countries, subdivisions } from '@/lib/geo/regions';
import { SelectField, TextField } from '../../_components/field';
import { FormSection, GroupedSelectField, type OptionGroup } from '../../_components/form-controls';

const sortedCountries = [...countries].sort((a, b) => a.name.localeCompare(b.name, 'en'));
const countryOptions = sortedCountries.map((c) => ({ value: c.code, label: c.name }));
const regionGroups: OptionGroup[] = sortedCountries
  .map((c) => ({ label: c.name, options: subdivisions.filter((s) => s.country === c.code).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })) }))
  .filter((g) => g.options.length > 0);

/** Where a client is and what they can take on: the fields recommendations respect (practitioner and self-service forms). */
export function ConstraintFields({ values, errors }: { values: Record<string, string | undefined>; errors: FieldErrors }) {
  const field = (name: string, label: string) => ({ name, label, errors: errors[name], defaultValue: values[name] ?? '' });
  const chosenModes = new Set((values.deliveryModes ?? '').split(',').filter(Boolean));
  return (
    <>
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
    </>
  );
}
