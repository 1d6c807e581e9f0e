import { randomUUID } from 'node:crypto';
import type { ProgramInputRaw } from '@/lib/catalog/program-schema';
import { applyAllIndexSettings, drainOutbox } from '@/lib/search/sync';
import { programSearchSchema, type ProgramSearchParams } from '@/lib/search/program-search-params';
import { searchPrograms } from '@/lib/search/program-search';

/** A complete, valid program; override what a test is about. */
export function programFixture(overrides: Partial<ProgramInputRaw> = {}): ProgramInputRaw {
  return {
    title: 'Cloud Security Fundamentals',
    summary: 'Secure cloud workloads on the major platforms.',
    description: 'A hands-on introduction to identity, network and data protection in public clouds.',
    learningOutcomes: ['Configure identity and access management', 'Encrypt data at rest and in transit'],
    providerName: `Provider ${randomUUID().slice(0, 8)}`,
    providerCountry: 'CA',
    credentialType: 'digital_badge',
    fieldOfStudy: '0612',
    country: 'CA',
    region: 'CA-ON',
    city: 'Toronto',
    latitude: 43.65,
    longitude: -79.38,
    deliveryMode: 'in_person',
    languages: ['en'],
    hours: 40,
    weeks: 6,
    eqfLevel: 5,
    assessmentType: 'Practical assessment',
    isCreditBearing: false,
    qaType: 'Provincial approval',
    cost: 900,
    currency: 'CAD',
    startDates: ['2027-01-11'],
    url: 'https://example.org/cloud-security',
    status: 'published',
    ...overrides,
  };
}

/** Pushes pending changes to Meilisearch, then searches with API-style parameters. */
let indexReady: Promise<void> | undefined;
/** The app applies index settings at start-up (instrumentation.ts); tests do it once per file. */
export const ensureProgramIndex = () => (indexReady ??= applyAllIndexSettings());

export async function searchAfterSync(params: Record<string, unknown>) {
  await ensureProgramIndex();
  await drainOutbox();
  return searchPrograms(programSearchSchema.parse(params) as ProgramSearchParams);
}
