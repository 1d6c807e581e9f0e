import type { ProgramInputRaw } from '@/lib/catalog/program-schema';

/**
 * The fields of the program form, named exactly as the program schema names them, so
 * field errors (`region`, `languages.0`) land under the right control. Shared by the
 * client form (labels, error summary) and the server actions (which keys to pass on).
 */
export const programFormFields = [
  'title', 'summary', 'description', 'learningOutcomes', 'credentialType', 'fieldOfStudy', 'status',
  'providerName', 'providerCountry', 'providerWebsite',
  'deliveryMode', 'country', 'region', 'city', 'latitude', 'longitude', 'openWorldwide', 'openCountries',
  'hours', 'ects', 'weeks', 'pace', 'eqfLevel', 'assessmentType', 'languages',
  'isCreditBearing', 'creditValue', 'creditQualification', 'stacksInto', 'prerequisites',
  'qaType', 'qaBody',
  'cost', 'currency', 'fundingOptions', 'startDates', 'url', 'badgeImageUrl',
  'skills',
  'externalId', 'ctid',
] as const satisfies ReadonlyArray<keyof ProgramInputRaw>;

export type ProgramFormField = (typeof programFormFields)[number];

// Fails to compile when the schema gains a field the form does not offer.
type MissingFromForm = Exclude<keyof ProgramInputRaw, ProgramFormField>;
const _everySchemaFieldIsInTheForm: [MissingFromForm] extends [never] ? true : MissingFromForm = true;

export const programFieldLabels: Record<ProgramFormField, string> = {
  title: 'Title',
  summary: 'Summary',
  description: 'Description',
  learningOutcomes: 'Learning outcomes',
  credentialType: 'Credential type',
  fieldOfStudy: 'Field of study',
  status: 'Status',
  providerName: 'Awarding body name',
  providerCountry: 'Awarding body country',
  providerWebsite: 'Awarding body website',
  deliveryMode: 'Delivery mode',
  country: 'Country of delivery',
  region: 'Region',
  city: 'City',
  latitude: 'Latitude',
  longitude: 'Longitude',
  openWorldwide: 'Open to learners worldwide',
  openCountries: 'Open to learners in these countries',
  hours: 'Hours of learning',
  ects: 'ECTS credits',
  weeks: 'Duration in weeks',
  pace: 'Pace',
  eqfLevel: 'EQF level',
  assessmentType: 'Type of assessment',
  languages: 'Languages of instruction',
  isCreditBearing: 'Carries academic credit',
  creditValue: 'Credit value',
  creditQualification: 'Qualification the credit counts towards',
  stacksInto: 'Stacks into',
  prerequisites: 'Prerequisites',
  qaType: 'Type of quality assurance',
  qaBody: 'Accrediting or recognising body',
  cost: 'Cost',
  currency: 'Currency',
  fundingOptions: 'Funding options',
  startDates: 'Start dates',
  url: 'Program web page',
  badgeImageUrl: 'Badge image URL',
  skills: 'Skills',
  externalId: 'External id',
  ctid: 'Credential Engine CTID',
};

/** Yes/no fields: the form sends "false" from a hidden input and "on" when ticked. */
export const programCheckboxFields = ['openWorldwide', 'isCreditBearing'] as const satisfies ReadonlyArray<ProgramFormField>;

/** List fields where a comma also separates entries (codes never contain one). */
export const programCommaListFields = ['languages', 'openCountries'] as const satisfies ReadonlyArray<ProgramFormField>;

export type ProgramFormValues = Partial<Record<ProgramFormField, string>>;

/** A stored or default program → the strings the form controls start with (lists one per line). */
export function programFormDefaults(input: ProgramInputRaw): ProgramFormValues {
  const out: ProgramFormValues = {};
  for (const name of programFormFields) {
    const value: unknown = input[name];
    if (value === undefined || value === null) continue;
    out[name] = Array.isArray(value) ? value.join('\n') : String(value);
  }
  return out;
}

/** Submitted form strings → the plain object the program schema parses (blank = not given). */
export function programInputFromForm(values: Record<string, string>): ProgramFormValues {
  const out: ProgramFormValues = {};
  for (const name of programFormFields) {
    const value = values[name];
    // A field the form did not send is left out, so an update keeps its stored value.
    if (value === undefined) continue;
    out[name] = (programCommaListFields as readonly string[]).includes(name) ? value.replace(/,/g, '|') : value;
  }
  return out;
}
