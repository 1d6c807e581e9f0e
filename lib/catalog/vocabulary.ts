/** Controlled values of the program record, shared by schema, forms, import, search and API. */

export const credentialTypes = [
  'short_course', 'bootcamp', 'digital_badge', 'certification', 'licence', 'nano_degree', 'micromasters', 'professional_certificate', 'other',
] as const;
export type CredentialType = (typeof credentialTypes)[number];

export const credentialTypeLabels: Record<CredentialType, string> = {
  short_course: 'Short course',
  bootcamp: 'Boot camp',
  digital_badge: 'Digital badge',
  certification: 'Certification',
  licence: 'Licence',
  nano_degree: 'Nano-degree',
  micromasters: 'MicroMasters',
  professional_certificate: 'Professional certificate',
  other: 'Other',
};

export const deliveryModes = ['online_self_paced', 'online_scheduled', 'in_person', 'blended'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export const deliveryModeLabels: Record<DeliveryMode, string> = {
  online_self_paced: 'Online, self-paced',
  online_scheduled: 'Online, scheduled',
  in_person: 'In person',
  blended: 'Blended',
};

/** EU "form of participation" (Council Recommendation 2022/C 243/02, Annex I, element 10). */
export const formOfParticipation: Record<DeliveryMode, string> = {
  online_self_paced: 'Online',
  online_scheduled: 'Online',
  in_person: 'Onsite',
  blended: 'Blended',
};

export const isOnlineMode = (mode: DeliveryMode) => mode === 'online_self_paced' || mode === 'online_scheduled';
/** Modes with a physical place a learner must reach (geo search applies). */
export const hasPhysicalPlace = (mode: DeliveryMode) => mode === 'in_person' || mode === 'blended';

export const programStatuses = ['draft', 'published', 'archived'] as const;
export type ProgramStatus = (typeof programStatuses)[number];

export const paces = ['full_time', 'part_time', 'self_paced', 'flexible'] as const;
export type Pace = (typeof paces)[number];
export const paceLabels: Record<Pace, string> = { full_time: 'Full time', part_time: 'Part time', self_paced: 'Self-paced', flexible: 'Flexible' };

export const programSources = ['manual', 'file_import', 'ctdl'] as const;
export type ProgramSource = (typeof programSources)[number];

export const eqfLevelLabels: Record<number, string> = {
  1: 'EQF 1 · basic general knowledge',
  2: 'EQF 2 · basic factual knowledge',
  3: 'EQF 3 · knowledge of facts and principles',
  4: 'EQF 4 · broad factual and theoretical knowledge',
  5: 'EQF 5 · comprehensive, specialised knowledge',
  6: 'EQF 6 · advanced knowledge (bachelor level)',
  7: 'EQF 7 · highly specialised knowledge (master level)',
  8: 'EQF 8 · most advanced knowledge (doctoral level)',
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
/** English name of an ISO 639-1 code, or undefined when the code is unknown. */
export function languageName(code: string): string | undefined {
  if (!/^[a-z]{2}$/.test(code)) return undefined;
  const name = languageNames.of(code);
  return name && name !== code ? name : undefined;
}

const currencySet = new Set(Intl.supportedValuesOf('currency'));
export const isCurrencyCode = (code: string) => currencySet.has(code);
