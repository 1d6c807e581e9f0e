import 'server-only';
import { lte, sql } from 'drizzle-orm';
import type { Settings, Task } from 'meilisearch';
import { type Db, getDb } from '@/db';
import { searchOutbox } from '@/db/schema';
import { getMeili } from './client';
import type { IndexedEntity } from './outbox';
import { loadProgramDocuments, programIndexName, programIndexSettings, programPage } from './program-index';
import { loadOccupationDocuments, loadSkillDocuments, occupationIndexName, occupationIndexSettings, occupationPage, skillIndexName, skillIndexSettings, skillPage } from './taxonomy-index';

type Loaded = { documents: Array<{ id: string }>; removedIds: string[] };
type IndexDefinition = {
  uid: () => string;
  settings: Settings;
  /** Documents for changed ids; ids that no longer belong in the index are returned as removed. */
  load: (db: Db, ids: string[]) => Promise<Loaded>;
  /** All documents, a page at a time in id order (for rebuilds). */
  page: (db: Db, afterId: string, limit: number) => Promise<Loaded & { lastId?: string }>;
};

/** Every Meilisearch index Credpath keeps, with how to build its documents from Postgres. */
export const indexDefinitions: Record<IndexedEntity, IndexDefinition> = {
  program: { uid: programIndexName, settings: programIndexSettings, load: loadProgramDocuments, page: programPage },
  skill: { uid: skillIndexName, settings: skillIndexSettings, load: loadSkillDocuments, page: skillPage },
  occupation: { uid: occupationIndexName, settings: occupationIndexSettings, load: loadOccupationDocuments, page: occupationPage },
};

const bulkTaskTimeoutMs = 10 * 60_000;
const entities = Object.keys(indexDefinitions) as IndexedEntity[];

export async function applyIndexSettings(entity: IndexedEntity, uid = indexDefinitions[entity].uid()): Promise<void> {
  const meili = getMeili();
  await meili.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 }).catch(() => undefined);
  const task = await meili.index(uid).updateSettings(indexDefinitions[entity].settings).waitTask({ timeout: 120_000 });
  if (task.status === 'failed') throw new Error(`Meilisearch refused the ${entity} index settings: ${task.error?.message}`);
}

/** Applied at start: settings live in code. */
export async function applyAllIndexSettings(): Promise<void> {
  for (const entity of entities) await applyIndexSettings(entity);
}

/** Largest batch sent in one request (bulk habits: never the 1,000 default). */
const documentsPerRequest = 20_000;

/**
 * Queues documents and deletions in large batches without waiting: Meilisearch indexes
 * queued batches together (auto-batching), and the caller can load the next ones meanwhile.
 */
async function enqueueDocuments(uid: string, documents: Array<{ id: string }>, deletions: string[]): Promise<number[]> {
  const index = getMeili().index(uid);
  const taskUids: number[] = [];
  for (let i = 0; i < documents.length; i += documentsPerRequest) taskUids.push((await index.addDocuments(documents.slice(i, i + documentsPerRequest), { primaryKey: 'id' })).taskUid);
  if (deletions.length) taskUids.push((await index.deleteDocuments(deletions)).taskUid);
  return taskUids;
}

async function waitForIndexing(taskUids: number[]): Promise<void> {
  for (const taskUid of taskUids) {
    const done = await waitForTaskEnd(taskUid, bulkTaskTimeoutMs);
    if (done.status === 'failed') throw new Error(`Meilisearch task ${done.uid} failed: ${done.error?.message}`);
  }
}

/**
 * Polls a task until it ends, from every 25 ms (small writes) backing off to every second
 * (bulk imports). The client's own `waitForTask` polls every 50 ms and leaves an abort listener
 * per poll on one signal, which Node reports as a leak during minute-long imports.
 */
async function waitForTaskEnd(taskUid: number, timeoutMs: number): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  for (let delayMs = 25; ; delayMs = Math.min(1_000, delayMs * 1.5)) {
    const task = await getMeili().tasks.getTask(taskUid);
    if (task.status !== 'enqueued' && task.status !== 'processing') return task;
    if (Date.now() > deadline) throw new Error(`Meilisearch task ${taskUid} did not finish within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

/** Sends documents in large batches and waits until they are searchable. */
export async function pushDocuments(uid: string, documents: Array<{ id: string }>, deletions: string[]): Promise<void> {
  await waitForIndexing(await enqueueDocuments(uid, documents, deletions));
}

/** The claimed outbox rows as one array parameter: a batch can exceed Postgres's 65,535 parameters. */
const claimedRows = (ids: number[]) => sql`${searchOutbox.id} = any(${`{${ids.join(',')}}`}::bigint[])`;

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
        .limit(opts.batchSize ?? 100_000)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      try {
        // Documents are loaded and queued a chunk at a time (memory stays flat); Meilisearch
        // indexes one chunk while the next loads, and all are waited for before the rows go.
        const taskUids: number[] = [];
        for (const entity of entities) {
          const changed = [...new Set(rows.filter((r) => r.entity === entity).map((r) => r.entityId))];
          for (let i = 0; i < changed.length; i += documentsPerRequest) {
            const { documents, removedIds } = await indexDefinitions[entity].load(tx, changed.slice(i, i + documentsPerRequest));
            taskUids.push(...(await enqueueDocuments(indexDefinitions[entity].uid(), documents, removedIds)));
          }
        }
        await waitForIndexing(taskUids);
        await tx.delete(searchOutbox).where(claimedRows(ids));
        result.processed += rows.length;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // 2^attempts seconds, capped at five minutes.
        await tx
          .update(searchOutbox)
          .set({ attempts: sql`${searchOutbox.attempts} + 1`, lastError: message.slice(0, 500), nextAttemptAt: sql`now() + least(power(2, ${searchOutbox.attempts}) * interval '1 second', interval '5 minutes')` })
          .where(claimedRows(ids));
        result.failed += rows.length;
        return -1;
      }
      return rows.length;
    });
    if (claimed <= 0) break;
  }
  return result;
}

/** Drains until nothing is due (CLIs and start-up use it so data is searchable when they finish). */
export async function drainUntilEmpty(): Promise<void> {
  while ((await drainOutbox()).processed > 0);
}

/**
 * Rebuilds an index from Postgres without downtime: fill a fresh index, swap it with the
 * live one, then delete the old. Changes made meanwhile are re-queued.
 */
export async function reindex(entity: IndexedEntity, onProgress?: (done: number) => void): Promise<{ documents: number }> {
  const db = getDb();
  const meili = getMeili();
  const definition = indexDefinitions[entity];
  const live = definition.uid();
  const fresh = `${live}_rebuild_${Date.now()}`;
  const startedAt = new Date();
  await applyIndexSettings(entity, live);
  await applyIndexSettings(entity, fresh);
  let count = 0;
  let lastId: string | undefined = '00000000-0000-0000-0000-000000000000';
  while (lastId) {
    const page: Loaded & { lastId?: string } = await definition.page(db, lastId, 20_000);
    await pushDocuments(fresh, page.documents, []);
    count += page.documents.length;
    lastId = page.lastId;
    onProgress?.(count);
  }
  const swap = await meili.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask({ timeout: 120_000 });
  if (swap.status === 'failed') throw new Error(`Index swap failed: ${swap.error?.message}`);
  await meili.deleteIndex(fresh).waitTask({ timeout: 120_000 });
  if (entity === 'program') {
    await db.execute(sql`insert into search_outbox (entity, entity_id) select 'program', id from programs where updated_at >= ${startedAt.toISOString()}`);
  }
  return { documents: count };
}
