import type { Program } from '@/db/schema';

/**
 * EU Council Recommendation 2022/C 243/02, Annex I. For a program (not an awarded
 * credential), "identification of the learner" and "date of issuing" do not apply, so
 * nine mandatory elements are counted, plus the optional ones a catalogue can carry.
 */
type Element = { key: string; label: string; isPresent: (p: Program) => boolean };

const has = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '');

export const mandatoryElements: Element[] = [
  { key: 'title', label: 'Title of the micro-credential', isPresent: (p) => has(p.title) },
  { key: 'issuerPlace', label: 'Country/region of the issuer', isPresent: (p) => has(p.providerCountry) || has(p.country) },
  { key: 'awardingBody', label: 'Awarding body', isPresent: (p) => has(p.providerName) },
  { key: 'learningOutcomes', label: 'Learning outcomes', isPresent: (p) => has(p.learningOutcomes) },
  { key: 'workload', label: 'Notional workload (ECTS where possible)', isPresent: (p) => has(p.hours) || has(p.ects) },
  { key: 'level', label: 'Level (EQF)', isPresent: (p) => has(p.eqfLevel) },
  { key: 'assessment', label: 'Type of assessment', isPresent: (p) => has(p.assessmentType) },
  { key: 'participation', label: 'Form of participation', isPresent: (p) => has(p.deliveryMode) },
  { key: 'qualityAssurance', label: 'Type of quality assurance', isPresent: (p) => has(p.qaType) || has(p.qaBody) },
];

export const optionalElements: Element[] = [
  { key: 'prerequisites', label: 'Prerequisites needed to enrol', isPresent: (p) => has(p.prerequisites) },
  { key: 'stackability', label: 'Integration / stackability options', isPresent: (p) => has(p.stacksInto) || p.isCreditBearing },
  { key: 'furtherInformation', label: 'Further information', isPresent: (p) => has(p.url) || has(p.description) },
];

export type Completeness = {
  mandatory: { present: number; total: number; missing: string[] };
  optional: { present: number; total: number; missing: string[] };
  /** 0–100, mandatory elements weigh three times the optional ones. */
  score: number;
};

export function programCompleteness(program: Program): Completeness {
  const count = (elements: Element[]) => {
    const missing = elements.filter((e) => !e.isPresent(program)).map((e) => e.label);
    return { present: elements.length - missing.length, total: elements.length, missing };
  };
  const mandatory = count(mandatoryElements);
  const optional = count(optionalElements);
  const score = Math.round(((mandatory.present * 3 + optional.present) / (mandatory.total * 3 + optional.total)) * 100);
  return { mandatory, optional, score };
}
