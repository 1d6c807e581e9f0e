import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { searchOutbox } from '@/db/schema';

export type IndexedEntity = 'program' | 'skill' | 'occupation';

/** Records that entities changed; call inside the transaction that changed them. */
export async function enqueueIndexing(db: Db, entity: IndexedEntity, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  // One array parameter per 50,000 ids instead of one bind parameter per row.
  for (let i = 0; i < unique.length; i += 50_000) {
    await db.execute(sql`insert into ${searchOutbox} (entity, entity_id) select ${entity}, unnest(${`{${unique.slice(i, i + 50_000).join(',')}}`}::uuid[])`);
  }
}

export type OutboxBacklog = { pending: number; failing: number; oldestSeconds: number | null };

export async function outboxBacklog(db: Db): Promise<OutboxBacklog> {
  const [row] = await db.execute<{ pending: number; failing: number; oldest: number | null }>(sql`
    select count(*)::int as pending,
           count(*) filter (where attempts > 0)::int as failing,
           extract(epoch from now() - min(created_at))::float as oldest
    from ${searchOutbox}`);
  return { pending: row?.pending ?? 0, failing: row?.failing ?? 0, oldestSeconds: row?.oldest === null || row?.oldest === undefined ? null : Math.round(row.oldest) };
}
