import type { ProgramInputRaw } from '@/lib/catalog/program-schema';

type Field = keyof ProgramInputRaw;

/**
 * The documented CSV columns, in template order, and the program field each fills.
 * Lists are separated by `|`; enums, codes and booleans as in the JSON Schema.
 */
export const csvColumns: ReadonlyArray<{ column: string; field: Field; isRequired?: boolean; example: string; note: string }> = [
  { column: 'external_id', field: 'externalId', isRequired: true, example: 'DS-101', note: 'Your stable id; re-importing it updates the program' },
  { column: 'title', field: 'title', isRequired: true, example: 'Data Analysis with Python', note: 'Title of the micro-credential' },
  { column: 'provider', field: 'providerName', isRequired: true, example: 'Maple Ridge College', note: 'Awarding body' },
  { column: 'provider_country', field: 'providerCountry', example: 'CA', note: 'ISO 3166-1 alpha-2' },
  { column: 'provider_website', field: 'providerWebsite', example: 'https://example.org', note: 'https URL' },
  { column: 'summary', field: 'summary', example: 'Clean, analyse and visualise data with pandas.', note: 'One or two sentences' },
  { column: 'description', field: 'description', example: 'A practical course…', note: 'Full description' },
  { column: 'learning_outcomes', field: 'learningOutcomes', example: 'Clean messy data|Build charts with matplotlib', note: 'List, | separated' },
  { column: 'credential_type', field: 'credentialType', isRequired: true, example: 'short_course', note: 'short_course, bootcamp, digital_badge, certification, licence, nano_degree, micromasters, professional_certificate, other' },
  { column: 'field_of_study', field: 'fieldOfStudy', example: '0613', note: 'ISCED-F 2013 code (2, 3 or 4 digits)' },
  { column: 'country', field: 'country', example: 'CA', note: 'Where it takes place: ISO 3166-1 alpha-2' },
  { column: 'region', field: 'region', example: 'CA-ON', note: 'ISO 3166-2 code' },
  { column: 'city', field: 'city', example: 'Toronto', note: '' },
  { column: 'latitude', field: 'latitude', example: '43.6532', note: '-90 to 90' },
  { column: 'longitude', field: 'longitude', example: '-79.3832', note: '-180 to 180' },
  { column: 'open_worldwide', field: 'openWorldwide', example: 'no', note: 'Online programs: yes/no' },
  { column: 'open_countries', field: 'openCountries', example: 'CA|US', note: 'Online programs: countries whose learners may enrol' },
  { column: 'delivery_mode', field: 'deliveryMode', isRequired: true, example: 'blended', note: 'online_self_paced, online_scheduled, in_person, blended' },
  { column: 'languages', field: 'languages', example: 'en|fr', note: 'ISO 639-1 codes' },
  { column: 'hours', field: 'hours', example: '60', note: 'Notional workload in hours' },
  { column: 'ects', field: 'ects', example: '2', note: 'ECTS credits, where known' },
  { column: 'weeks', field: 'weeks', example: '8', note: 'Duration in weeks' },
  { column: 'pace', field: 'pace', example: 'part_time', note: 'full_time, part_time, self_paced, flexible' },
  { column: 'eqf_level', field: 'eqfLevel', example: '5', note: 'EQF level 1–8' },
  { column: 'assessment', field: 'assessmentType', example: 'Capstone project', note: 'Type of assessment' },
  { column: 'credit_bearing', field: 'isCreditBearing', example: 'yes', note: 'yes/no' },
  { column: 'credit_value', field: 'creditValue', example: '3', note: 'Credits awarded' },
  { column: 'credit_qualification', field: 'creditQualification', example: 'Diploma in Computer Programming', note: 'What the credit counts towards' },
  { column: 'qa_type', field: 'qaType', example: 'Provincial program approval', note: 'Type of quality assurance' },
  { column: 'qa_body', field: 'qaBody', example: 'Ontario Ministry of Colleges and Universities', note: 'Accrediting body' },
  { column: 'cost', field: 'cost', example: '1200', note: '0 for free' },
  { column: 'currency', field: 'currency', example: 'CAD', note: 'ISO 4217' },
  { column: 'funding_options', field: 'fundingOptions', example: 'Better Jobs Ontario|Employer sponsorship', note: 'List' },
  { column: 'start_dates', field: 'startDates', example: '2027-01-11|2027-05-03', note: 'YYYY-MM-DD list' },
  { column: 'url', field: 'url', example: 'https://example.org/ds-101', note: '' },
  { column: 'badge_image_url', field: 'badgeImageUrl', example: '', note: '' },
  { column: 'skills', field: 'skills', example: 'Python|data analysis', note: 'Skill labels, ESCO URIs or O*NET ids' },
  { column: 'stacks_into', field: 'stacksInto', example: 'DS-CERT', note: 'external_id or title of larger credentials' },
  { column: 'prerequisites', field: 'prerequisites', example: '', note: 'external_id or title of required programs' },
  { column: 'status', field: 'status', example: 'published', note: 'draft, published, archived (default draft)' },
];

const columnByField = new Map(csvColumns.map((c) => [c.field as string, c.column]));
/** Reports name the CSV column a person sees, not the internal field. */
export const columnForField = (fieldPath: string) => {
  const [head, ...rest] = fieldPath.split('.');
  const column = columnByField.get(head ?? '') ?? head ?? fieldPath;
  return [column, ...rest].join('.');
};

export function csvTemplate(): string {
  const escape = (v: string) => (/[",\n|]/.test(v) && !v.includes('|') ? `"${v.replace(/"/g, '""')}"` : v.includes(',') ? `"${v}"` : v);
  return [csvColumns.map((c) => c.column).join(','), csvColumns.map((c) => escape(c.example)).join(',')].join('\n') + '\n';
}
