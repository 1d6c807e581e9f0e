'use client';

import { gapUrgencies, gapUrgencyLabels } from '@/lib/employers/vocabulary';
import { countries, subdivisions } from '@/lib/geo/regions';
import { Alert } from '../../../_components/alert';
import { LinkButton } from '../../../_components/button';
import { SelectField, TextField } from '../../../_components/field';
import { GroupedSelectField, TextAreaField, type OptionGroup } from '../../../_components/form-controls';
import { SubmitButton } from '../../../_components/submit-button';
import { useFormAction } from '../../../_components/use-form-action';
import { createGapAction, updateGapAction } from './actions';
import { GapSkillsEditor, gapSkillRowsFrom, type GapSkillRow } from './gap-skills-editor';

const regionGroups: OptionGroup[] = [...countries]
  .sort((a, b) => a.name.localeCompare(b.name, 'en'))
  .map((c) => ({ label: c.name, options: subdivisions.filter((s) => s.country === c.code).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })) }))
  .filter((g) => g.options.length > 0);
const urgencyOptions = gapUrgencies.map((u) => ({ value: u, label: gapUrgencyLabels[u] }));

export type GapFormValues = Partial<Record<'roleTitle' | 'occupation' | 'region' | 'city' | 'headcount' | 'urgency' | 'targetDate' | 'description', string>>;

/** The one gap form, for posting and editing. */
export function GapForm({ gapId, defaults, skills }: { gapId?: string; defaults: GapFormValues; skills: GapSkillRow[] }) {
  const { state, formAction: action, attempt, summaryRef } = useFormAction(gapId ? updateGapAction : createGapAction);
  const values: Record<string, string | undefined> = state.values ?? defaults;
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof GapFormValues, label: string) => ({ name, label, errors: errors[name], defaultValue: values[name] ?? '' });
  const errorCount = Object.keys(errors).length;

  return (
    <form key={attempt} action={action} className="flex flex-col gap-5" noValidate>
      {gapId ? <input type="hidden" name="id" value={gapId} /> : null}
      {state.status === 'error' ? (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert tone="error" title={errorCount ? `${errorCount === 1 ? '1 field needs' : `${errorCount} fields need`} attention` : 'The gap could not be saved'}>
            {errorCount ? 'See the messages next to each field.' : state.message}
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field('roleTitle', 'Role title')} maxLength={200} required />
        <TextField {...field('occupation', 'Occupation (optional)')} hint="O*NET-SOC code such as 15-2051.00, or the exact occupation title." maxLength={300} />
        <GroupedSelectField {...field('region', 'Region')} groups={regionGroups} emptyLabel="Choose a region" />
        <TextField {...field('city', 'City (optional)')} maxLength={120} />
        <TextField {...field('headcount', 'Number of people')} inputMode="numeric" />
        <SelectField {...field('urgency', 'Urgency')} options={urgencyOptions} />
        <TextField {...field('targetDate', 'Target date (optional)')} type="date" />
      </div>
      <TextAreaField {...field('description', 'Description (optional)')} rows={4} />
      <GapSkillsEditor initial={gapSkillRowsFrom(state.values?.skillsLabels, skills)} fieldErrors={errors} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Saving…">{gapId ? 'Save changes' : 'Post skill gap'}</SubmitButton>
        <LinkButton href={gapId ? `/employer/gaps/${gapId}` : '/employer/gaps'} variant="secondary">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
