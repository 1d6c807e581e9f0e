import 'server-only';
import { asc, count, gt, inArray } from 'drizzle-orm';
import type { Settings } from 'meilisearch';
import type { Db } from '@/db';
import { occupations, occupationSkills, skills, type Occupation, type Skill } from '@/db/schema';
import { indexName } from './client';

export type SkillDocument = {
  id: string;
  label: string;
  altLabels: string[];
  description: string | null;
  kind: string;
  source: string;
  sourceUri: string;
  reuseLevel: string | null;
  onetTechnologies: string[];
  isHotTechnology: boolean;
  inDemandOccupations: number;
  /** How many occupations need it: ranks common skills first among equal matches. */
  occupationCount: number;
};

export type OccupationDocument = { id: string; title: string; altTitles: string[]; description: string | null; code: string; source: string; sourceUri: string; jobZone: number | null };

export const skillIndexName = () => indexName('skills');
export const occupationIndexName = () => indexName('occupations');

/** Alternate labels are searchable like the preferred one: they act as the synonyms of each skill. */
export const skillIndexSettings: Settings = {
  searchableAttributes: ['label', 'altLabels', 'onetTechnologies', 'description'],
  filterableAttributes: ['kind', 'source', 'isHotTechnology', 'reuseLevel'],
  sortableAttributes: ['occupationCount', 'label'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'occupationCount:desc'],
  pagination: { maxTotalHits: 1000 },
  typoTolerance: { minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
};

export const occupationIndexSettings: Settings = {
  searchableAttributes: ['title', 'altTitles', 'code', 'description'],
  filterableAttributes: ['source', 'jobZone'],
  sortableAttributes: ['title'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness'],
  pagination: { maxTotalHits: 1000 },
  typoTolerance: { minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
};

async function occupationCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ skillId: occupationSkills.skillId, n: count() }).from(occupationSkills).where(inArray(occupationSkills.skillId, ids)).groupBy(occupationSkills.skillId);
  return new Map(rows.map((r) => [r.skillId, r.n]));
}

function skillDocument(skill: Skill, occupationCount: number): SkillDocument {
  return {
    id: skill.id,
    label: skill.preferredLabel,
    altLabels: skill.altLabels.slice(0, 60),
    description: skill.description ? skill.description.slice(0, 600) : null,
    kind: skill.kind,
    source: skill.source,
    sourceUri: skill.sourceUri,
    reuseLevel: skill.reuseLevel,
    onetTechnologies: skill.onetTechnologies,
    isHotTechnology: skill.isHotTechnology,
    inDemandOccupations: skill.inDemandOccupations,
    occupationCount,
  };
}

const occupationDocument = (o: Occupation): OccupationDocument => ({
  id: o.id,
  title: o.title,
  altTitles: o.altTitles.slice(0, 50),
  description: o.description ? o.description.slice(0, 800) : null,
  code: o.code,
  source: o.source,
  sourceUri: o.sourceUri,
  jobZone: o.jobZone,
});

export async function skillDocumentsFromRows(db: Db, rows: Skill[], requestedIds: string[]) {
  const counts = await occupationCounts(db, rows.map((r) => r.id));
  const found = new Set(rows.map((r) => r.id));
  return { documents: rows.map((r) => skillDocument(r, counts.get(r.id) ?? 0)), removedIds: requestedIds.filter((id) => !found.has(id)) };
}

export async function loadSkillDocuments(db: Db, ids: string[]) {
  const rows = ids.length ? await db.select().from(skills).where(inArray(skills.id, ids)) : [];
  return skillDocumentsFromRows(db, rows, ids);
}

export async function loadOccupationDocuments(db: Db, ids: string[]) {
  const rows = ids.length ? await db.select().from(occupations).where(inArray(occupations.id, ids)) : [];
  const found = new Set(rows.map((r) => r.id));
  return { documents: rows.map(occupationDocument), removedIds: ids.filter((id) => !found.has(id)) };
}

export async function skillPage(db: Db, afterId: string, limit: number) {
  const rows = await db.select().from(skills).where(gt(skills.id, afterId)).orderBy(asc(skills.id)).limit(limit);
  return { ...(await skillDocumentsFromRows(db, rows, [])), lastId: rows.at(-1)?.id };
}

export async function occupationPage(db: Db, afterId: string, limit: number) {
  const rows = await db.select().from(occupations).where(gt(occupations.id, afterId)).orderBy(asc(occupations.id)).limit(limit);
  return { documents: rows.map(occupationDocument), removedIds: [] as string[], lastId: rows.at(-1)?.id };
}

