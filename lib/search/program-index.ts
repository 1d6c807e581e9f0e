import 'server-only';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Settings } from 'meilisearch';
import type { Db } from '@/db';
import { programLinks, programs, type Program } from '@/db/schema';
import { acceptedSkillsByProgram } from '@/lib/skills/program-skills';
import { indexName } from './client';
import { programDocument, type ProgramDocument } from './program-documents';

export const programIndexBase = 'programs';
export const programIndexName = () => indexName(programIndexBase);

/** Index settings live in code and are applied on start (and before every reindex). */
export const programIndexSettings: Settings = {
  searchableAttributes: ['title', 'skills', 'summary', 'learningOutcomes', 'providerName', 'fieldLabels', 'stacksIntoTitles', 'description', 'city'],
  filterableAttributes: [
    'country', 'region', 'fieldCodes', 'deliveryMode', 'credentialType', 'eqfLevel', 'languages', 'isCreditBearing', 'providerName',
    'costEur', 'costBand', 'hours', 'hoursBand', 'isOnline', 'openCountries', '_geo', 'orgId', 'skills', 'skillIds', 'nextStartDate',
  ],
  sortableAttributes: ['costEur', 'hours', 'nextStartDate', 'createdAt', 'completeness', '_geo', 'title'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'completeness:desc'],
  displayedAttributes: ['*'],
  synonyms: {
    'cyber security': ['cybersecurity'],
    cybersecurity: ['cyber security', 'infosec'],
    infosec: ['cybersecurity'],
    'micro masters': ['micromasters'],
    micromasters: ['micro masters'],
    'micro credential': ['microcredential'],
    microcredential: ['micro credential'],
    'nano degree': ['nanodegree'],
    nanodegree: ['nano degree'],
    bootcamp: ['boot camp'],
    'boot camp': ['bootcamp'],
    ai: ['artificial intelligence'],
    'artificial intelligence': ['ai'],
    ml: ['machine learning'],
    'machine learning': ['ml'],
    ux: ['user experience'],
    'user experience': ['ux'],
    hr: ['human resources'],
    'human resources': ['hr'],
    pm: ['project management'],
    'project management': ['pm'],
    excel: ['spreadsheet'],
    forklift: ['lift truck'],
    nursing: ['nurse'],
    nurse: ['nursing'],
  },
  pagination: { maxTotalHits: 5000 },
  faceting: { maxValuesPerFacet: 60, sortFacetValuesBy: { '*': 'count' } },
  typoTolerance: { minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
};

/** Loads programs with what their search documents need (link titles, skills) in two queries. */
export async function loadProgramDocuments(db: Db, ids: string[]): Promise<{ documents: ProgramDocument[]; removedIds: string[] }> {
  if (ids.length === 0) return { documents: [], removedIds: [] };
  const rows = await db.select().from(programs).where(inArray(programs.id, ids));
  return programDocumentsFromRows(db, rows, ids);
}

/** Documents of the published rows; the other requested ids are to be removed from the index. */
export async function programDocumentsFromRows(db: Db, rows: Program[], requestedIds: string[]) {
  const published = rows.filter((r) => r.status === 'published');
  const titles = new Map<string, string[]>();
  if (published.length) {
    const links = await db
      .select({ programId: programLinks.programId, title: programs.title })
      .from(programLinks)
      .innerJoin(programs, eq(programs.id, programLinks.targetProgramId))
      .where(and(inArray(programLinks.programId, published.map((p) => p.id)), eq(programLinks.kind, 'stacks_into')));
    for (const link of links) titles.set(link.programId, [...(titles.get(link.programId) ?? []), link.title]);
  }
  const skillsOf = await acceptedSkillsByProgram(db, published.map((p) => p.id));
  const publishedIds = new Set(published.map((p) => p.id));
  return {
    documents: published.map((p) => programDocument(p, { stacksIntoTitles: titles.get(p.id) ?? p.stacksInto, skills: skillsOf.get(p.id) ?? [] })),
    removedIds: requestedIds.filter((id) => !publishedIds.has(id)),
  };
}


/** One page of published programs in id order, for a full rebuild. */
export async function programPage(db: Db, afterId: string, limit: number) {
  const rows = await db
    .select()
    .from(programs)
    .where(and(eq(programs.status, 'published'), gt(programs.id, afterId)))
    .orderBy(asc(programs.id))
    .limit(limit);
  return { ...(await programDocumentsFromRows(db, rows, [])), lastId: rows.at(-1)?.id };
}
