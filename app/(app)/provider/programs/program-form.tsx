'use client';

import type { MouseEvent } from 'react';
import { iscedFields } from '@/lib/catalog/isced-f';
import { credentialTypeLabels, credentialTypes, deliveryModeLabels, deliveryModes, eqfLevelLabels, paceLabels, paces } from '@/lib/catalog/vocabulary';
import type { FieldErrors } from '@/lib/errors';
import { countries, subdivisions } from '@/lib/geo/regions';
import { Alert } from '../../../_components/alert';
import { LinkButton } from '../../../_components/button';
import { SelectField, TextField } from '../../../_components/field';
import { SkillPicker, pickedSkillsFrom, type PickedSkill } from '../../../_components/skill-picker';
import { SubmitButton } from '../../../_components/submit-button';
import { useFormAction } from '../../../_components/use-form-action';
import { createProgramAction, updateProgramAction } from './actions';
import { CheckboxField, FormSection, GroupedSelectField, TextAreaField, type OptionGroup } from '../../../_components/form-controls';
import { programFieldLabels, programFormFields, type ProgramFormField, type ProgramFormValues } from './program-form-fields';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');
const sortedCountries = [...countries].sort(byName);
const countryOptions = sortedCountries.map((c) => ({ value: c.code, label: c.name }));

/** Every subdivision, grouped under its country. */
const regionGroups: OptionGroup[] = sortedCountries
  .map((c) => ({ label: c.name, options: subdivisions.filter((s) => s.country === c.code).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })) }))
  .filter((g) => g.options.length > 0);

/** Every ISCED-F detailed field, grouped under its broad field. */
const fieldOfStudyGroups: OptionGroup[] = iscedFields
  .filter((f) => f.level === 'broad')
  .map((broad) => ({
    label: `${broad.code} ${broad.label}`,
    options: iscedFields.filter((f) => f.level === 'detailed' && f.code.startsWith(broad.code)).map((f) => ({ value: f.code, label: `${f.code} · ${f.label}` })),
  }));

const credentialTypeOptions = credentialTypes.map((t) => ({ value: t, label: credentialTypeLabels[t] }));
const deliveryModeOptions = deliveryModes.map((m) => ({ value: m, label: deliveryModeLabels[m] }));
const paceOptions = paces.map((p) => ({ value: p, label: paceLabels[p] }));
const eqfOptions = Object.entries(eqfLevelLabels).map(([level, label]) => ({ value: level, label }));
const statusOptions = [
  { value: 'draft', label: 'Draft: only your organisation sees it' },
  { value: 'published', label: 'Published: shown in search' },
  { value: 'archived', label: 'Archived: hidden, kept for your records' },
];

/** The schema's enum messages list codes; a select deserves words. */
const choiceMessages: Partial<Record<ProgramFormField, string>> = {
  credentialType: 'Choose the type of credential.',
  deliveryMode: 'Choose how the program is delivered.',
  pace: 'Choose a pace from the list.',
  status: 'Choose a status from the list.',
};

const isFormField = (key: string | undefined): key is ProgramFormField => !!key && (programFormFields as readonly string[]).includes(key);

/** `languages.1` → shown under languages as "Entry 2: …"; keys outside the form are kept apart. */
function groupFieldErrors(fieldErrors: FieldErrors | undefined) {
  const byField: Partial<Record<ProgramFormField, string[]>> = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const [base, index] = key.split('.');
    if (!isFormField(base)) {
      other.push(...messages);
      continue;
    }
    const prefix = index !== undefined && /^\d+$/.test(index) ? `Entry ${Number(index) + 1}: ` : '';
    const friendly = (m: string) => (m.startsWith('Use one of:') ? (choiceMessages[base] ?? m) : m);
    (byField[base] ??= []).push(...messages.map((m) => `${prefix}${friendly(m)}`));
  }
  return { byField, other, fields: programFormFields.filter((f) => byField[f]) };
}

const isChecked = (value: string | undefined) => value === 'on' || value === 'true';

function focusField(event: MouseEvent<HTMLAnchorElement>, name: ProgramFormField) {
  const control = document.getElementById(`field-${name}`);
  if (!control) return;
  event.preventDefault();
  control.scrollIntoView({ block: 'center' });
  control.focus();
}

type ProgramFormProps = {
  /** Set when editing: the form posts to the update action with a hidden id. */
  programId?: string;
  defaults: ProgramFormValues;
  /** Accepted skills of the program, for the picker. */
  skills?: PickedSkill[];
  /** Skill references from an import that no taxonomy skill answered. */
  unmatchedSkills?: string[];
};

/** The one program form, for both creating and editing. */
export function ProgramForm({ programId, defaults, skills = [], unmatchedSkills = [] }: ProgramFormProps) {
  const { state, formAction: action, attempt, summaryRef } = useFormAction(programId ? updateProgramAction : createProgramAction);

  const values: ProgramFormValues = state.values ?? defaults;
  const { byField: errors, other, fields: fieldsWithErrors } = groupFieldErrors(state.fieldErrors);
  const field = (name: ProgramFormField) => ({ name, label: programFieldLabels[name], errors: errors[name], defaultValue: values[name] ?? '' });
  const checkbox = (name: ProgramFormField) => ({ name, label: programFieldLabels[name], errors: errors[name], defaultChecked: isChecked(values[name]) });

  return (
    <div className="flex flex-col gap-6">
      {state.status === 'error' ? (
        <div ref={summaryRef} tabIndex={-1} className="rounded-md focus:outline-2 focus:outline-offset-2 focus:outline-red-700">
          <Alert
            tone="error"
            title={fieldsWithErrors.length ? `${fieldsWithErrors.length === 1 ? '1 field needs' : `${fieldsWithErrors.length} fields need`} attention` : (state.message ?? 'The program could not be saved.')}
          >
            {fieldsWithErrors.length || other.length ? (
              <ul className="list-disc pl-5">
                {fieldsWithErrors.map((name) => (
                  <li key={name}>
                    <a href={`#field-${name}`} onClick={(e) => focusField(e, name)} className="underline">
                      {programFieldLabels[name]}: {errors[name]?.[0]}
                    </a>
                  </li>
                ))}
                {other.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}

      <form key={attempt} action={action} className="flex flex-col gap-6" noValidate>
        {programId ? <input type="hidden" name="id" value={programId} /> : null}
        <p className="text-sm text-slate-700">
          Title, awarding body, credential type and delivery mode are required. The more you fill in, the easier the program is to find and compare: the EU standard
          elements (workload, level, assessment, quality assurance and learning outcomes) are shown on its public page.
        </p>

        <FormSection legend="Basics">
          <div className="sm:col-span-2">
            <TextField {...field('title')} required maxLength={200} />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField {...field('summary')} rows={2} maxLength={500} hint="One or two sentences shown in search results (up to 500 characters)." />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField {...field('description')} rows={6} />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField {...field('learningOutcomes')} rows={4} hint="One per line: what a learner knows or can do after the program." />
          </div>
          <GroupedSelectField {...field('credentialType')} required emptyLabel="Choose a type" options={credentialTypeOptions} />
          <GroupedSelectField {...field('fieldOfStudy')} emptyLabel="Not stated" groups={fieldOfStudyGroups} hint="ISCED-F 2013 detailed field, grouped by broad field." />
          <SelectField {...field('status')} options={statusOptions} hint="Published programs appear in search within a few seconds." />
        </FormSection>

        <FormSection legend="Awarding body">
          <div className="sm:col-span-2">
            <TextField {...field('providerName')} required maxLength={200} hint="The organisation that awards the credential." />
          </div>
          <GroupedSelectField {...field('providerCountry')} emptyLabel="Not stated" options={countryOptions} />
          <TextField {...field('providerWebsite')} type="url" inputMode="url" placeholder="https://" />
        </FormSection>

        <FormSection legend="Where and how">
          <GroupedSelectField {...field('deliveryMode')} required emptyLabel="Choose a mode" options={deliveryModeOptions} />
          <GroupedSelectField {...field('country')} emptyLabel="Not stated" options={countryOptions} hint="Required for in-person and blended programs." />
          <GroupedSelectField {...field('region')} emptyLabel="Not stated" groups={regionGroups} hint="Must lie in the country of delivery." />
          <TextField {...field('city')} maxLength={120} />
          <TextField {...field('latitude')} inputMode="decimal" hint="Decimal degrees, −90 to 90, such as 43.65." />
          <TextField {...field('longitude')} inputMode="decimal" hint="Decimal degrees, −180 to 180, such as −79.38." />
          <div className="sm:col-span-2">
            <CheckboxField {...checkbox('openWorldwide')} hint="Online programs: learners anywhere may enrol." />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField {...field('openCountries')} rows={2} hint="Online programs open only in some countries: ISO codes such as CA or GB, separated by commas or one per line." />
          </div>
        </FormSection>

        <FormSection legend="Workload and level">
          <TextField {...field('hours')} inputMode="decimal" hint="Notional learning hours, including self-study." />
          <TextField {...field('ects')} inputMode="decimal" />
          <TextField {...field('weeks')} inputMode="decimal" />
          <GroupedSelectField {...field('pace')} emptyLabel="Not stated" options={paceOptions} />
          <GroupedSelectField {...field('eqfLevel')} emptyLabel="Not stated" options={eqfOptions} hint="European Qualifications Framework level, 1 to 8." />
          <TextField {...field('assessmentType')} maxLength={300} hint="Such as “Practical exam and portfolio”." />
          <div className="sm:col-span-2">
            <TextAreaField {...field('languages')} rows={2} hint="ISO 639-1 codes such as en or fr, separated by commas or one per line. English if left blank." />
          </div>
        </FormSection>

        <FormSection legend="Credit and stackability">
          <div className="sm:col-span-2">
            <CheckboxField {...checkbox('isCreditBearing')} hint="Leave unticked for a non-credit program; then give no credit value." />
          </div>
          <TextField {...field('creditValue')} inputMode="decimal" />
          <TextField {...field('creditQualification')} maxLength={300} hint="Such as “Diploma in Renewable Energy”." />
          <TextAreaField {...field('stacksInto')} rows={3} hint="External ids or exact titles of larger credentials, one per line." />
          <TextAreaField {...field('prerequisites')} rows={3} hint="External ids or titles of programs, or short statements, one per line." />
        </FormSection>

        <FormSection legend="Quality assurance">
          <TextField {...field('qaType')} maxLength={300} hint="Such as “Internal review” or “External accreditation”." />
          <TextField {...field('qaBody')} maxLength={300} />
        </FormSection>

        <FormSection legend="Cost and dates">
          <TextField {...field('cost')} inputMode="decimal" hint="0 for free programs." />
          <TextField {...field('currency')} maxLength={3} autoCapitalize="characters" hint="ISO 4217 code such as CAD or EUR." />
          <TextAreaField {...field('fundingOptions')} rows={3} hint="One per line." />
          <TextAreaField {...field('startDates')} rows={3} hint="One per line, as YYYY-MM-DD." />
          <TextField {...field('url')} type="url" inputMode="url" placeholder="https://" hint="Where learners read more and enrol." />
          <TextField {...field('badgeImageUrl')} type="url" inputMode="url" placeholder="https://" />
        </FormSection>

        <FormSection legend="Skills">
          <div className="sm:col-span-2">
            <SkillPicker
              name="skills"
              label={programFieldLabels.skills}
              errors={errors.skills}
              initial={pickedSkillsFrom(state.values?.skillsLabels, skills)}
              hint="What a learner can do after the program. Search the ESCO / O*NET taxonomy and choose; suggestions from your description appear above once saved."
            />
            {unmatchedSkills.length ? (
              <p className="mt-2 text-sm text-slate-700">
                From your import, not found in the taxonomy: {unmatchedSkills.map((s) => `“${s}”`).join(', ')}. Search for the closest skill to add it; these notes go away when you save.
              </p>
            ) : null}
          </div>
        </FormSection>

        <FormSection legend="External id">
          <TextField {...field('externalId')} maxLength={200} hint="Your own stable identifier: re-importing a file with the same id updates this program." />
          <TextField {...field('ctid')} maxLength={200} hint="If the credential is in the Credential Engine Registry." />
        </FormSection>

        <div className="flex flex-wrap gap-3">
          <SubmitButton pendingLabel="Saving…">{programId ? 'Save changes' : 'Create program'}</SubmitButton>
          <LinkButton href="/provider/programs" variant="secondary">
            Cancel
          </LinkButton>
        </div>
      </form>
    </div>
  );
}
