import 'server-only';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Settings } from 'meilisearch';
import { type Db, getDb } from '@/db';
import { programLinks, programs, searchOutbox, type Program } from '@/db/schema';
import { getMeili, indexName } from './client';
import { programDocument, type ProgramDocument } from './program-documents';

export const programIndexBase = 'programs';
export const programIndexName = () => indexName(programIndexBase);

/** Index settings live in code and are applied on start (and before every reindex). */
export const programIndexSettings: Settings = {
  searchableAttributes: ['title', 'skills', 'summary', 'learningOutcomes', 'providerName', 'fieldLabels', 'stacksIntoTitles', 'description', 'city'],
  filterableAttributes: [
    'country', 'region', 'fieldCodes', 'deliveryMode', 'credentialType', 'eqfLevel', 'languages', 'isCreditBearing', 'providerName',
    'costEur', 'costBand', 'hours', 'hoursBand', 'isOnline', 'openCountries', '_geo', 'orgId', 'skills', 'nextStartDate',
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
  faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
  typoTolerance: { minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
};

const bulkTaskTimeoutMs = 10 * 60_000;

export async function applyProgramIndexSettings(uid = programIndexName()): Promise<void> {
  const meili = getMeili();
  await meili.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 }).catch(() => undefined);
  const task = await meili.index(uid).updateSettings(programIndexSettings).waitTask({ timeout: 120_000 });
  if (task.status === 'failed') throw new Error(`Meilisearch refused the program index settings: ${task.error?.message}`);
}

/** Loads programs with what their search documents need (link titles, skills) in two queries. */
export async function loadProgramDocuments(db: Db, ids: string[]): Promise<{ documents: ProgramDocument[]; unpublishedIds: string[] }> {
  if (ids.length === 0) return { documents: [], unpublishedIds: [] };
  const rows = await db.select().from(programs).where(inArray(programs.id, ids));
  return buildDocuments(db, rows, ids);
}

async function buildDocuments(db: Db, rows: Program[], requestedIds: string[]) {
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
  const publishedIds = new Set(published.map((p) => p.id));
  return {
    documents: published.map((p) => programDocument(p, { stacksIntoTitles: titles.get(p.id) ?? p.stacksInto, skills: p.skillRefs })),
    unpublishedIds: requestedIds.filter((id) => !publishedIds.has(id)),
  };
}

/** Sends documents in large batches and waits for indexing (bulk habits: never the 1,000 default). */
export async function pushProgramDocuments(documents: ProgramDocument[], deletions: string[], uid = programIndexName()): Promise<void> {
  const index = getMeili().index<ProgramDocument>(uid);
  const tasks = [];
  for (let i = 0; i < documents.length; i += 20_000) tasks.push(await index.addDocuments(documents.slice(i, i + 20_000), { primaryKey: 'id' }));
  if (deletions.length) tasks.push(await index.deleteDocuments(deletions));
  for (const task of tasks) {
    const done = await getMeili().tasks.waitForTask(task.taskUid, { timeout: bulkTaskTimeoutMs });
    if (done.status === 'failed') throw new Error(`Meilisearch task ${done.uid} failed: ${done.error?.message}`);
  }
}

export type DrainResult = { processed: number; failed: number };

/**
 * Pushes due outbox rows to Meilisearch. Rows are claimed with SKIP LOCKED so several
 * app instances can drain together; on failure they are retried with exponential backoff.
 */
export async function drainOutbox(opts: { batchSize?: number; maxBatches?: number } = {}): Promise<DrainResult> {
  const db = getDb();
  const result: DrainResult = { processed: 0, failed: 0 };
  for (let batch = 0; batch < (opts.maxBatches ?? 100); batch++) {
    const claimed = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(searchOutbox)
        .where(lte(searchOutbox.nextAttemptAt, sql`now()`))
        .orderBy(searchOutbox.id)
        .limit(opts.batchSize ?? 20_000)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      try {
        const { documents, unpublishedIds } = await loadProgramDocuments(tx, [...new Set(rows.map((r) => r.entityId))]);
        await pushProgramDocuments(documents, unpublishedIds);
        await tx.delete(searchOutbox).where(inArray(searchOutbox.id, ids));
        result.processed += rows.length;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // 2^attempts seconds, capped at five minutes.
        await tx
          .update(searchOutbox)
          .set({ attempts: sql`${searchOutbox.attempts} + 1`, lastError: message.slice(0, 500), nextAttemptAt: sql`now() + least(power(2, ${searchOutbox.attempts}) * interval '1 second', interval '5 minutes')` })
          .where(inArray(searchOutbox.id, ids));
        result.failed += rows.length;
        return -1;
      }
      return rows.length;
    });
    if (claimed <= 0) break;
  }
  return result;
}

/**
 * Rebuilds the program index from Postgres without downtime: fill a fresh index, swap it
 * with the live one, then delete the old. Changes made meanwhile are re-queued.
 */
export async function reindexPrograms(onProgress?: (done: number) => void): Promise<{ documents: number }> {
  const db = getDb();
  const meili = getMeili();
  const live = programIndexName();
  const fresh = `${live}_rebuild_${Date.now()}`;
  const startedAt = new Date();
  await applyProgramIndexSettings(live);
  await applyProgramIndexSettings(fresh);
  let count = 0;
  let lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select()
      .from(programs)
      .where(and(eq(programs.status, 'published'), sql`${programs.id} > ${lastId}`))
      .orderBy(programs.id)
      .limit(20_000);
    if (rows.length === 0) break;
    const { documents } = await buildDocuments(db, rows, []);
    await pushProgramDocuments(documents, [], fresh);
    count += documents.length;
    lastId = rows[rows.length - 1]!.id;
    onProgress?.(count);
  }
  const swap = await meili.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask({ timeout: 120_000 });
  if (swap.status === 'failed') throw new Error(`Index swap failed: ${swap.error?.message}`);
  await meili.deleteIndex(fresh).waitTask({ timeout: 120_000 });
  const changed = await db.select({ id: programs.id }).from(programs).where(sql`${programs.updatedAt} >= ${startedAt.toISOString()}`);
  if (changed.length) await db.insert(searchOutbox).values(changed.map((c) => ({ entity: 'program', entityId: c.id })));
  return { documents: count };
}
