import 'server-only';
import { getDb, sqlClient } from '@/db';
import { outboxBacklog, type OutboxBacklog } from '@/lib/search/outbox';
import { getMeili } from '@/lib/search/client';

type DependencyState = { status: 'up' | 'down'; version?: string; latencyMs?: number; error?: string };
export type Health = { status: 'ok' | 'degraded'; db: DependencyState; search: DependencyState & { backlog?: OutboxBacklog } };

async function probe(check: () => Promise<string>): Promise<DependencyState> {
  const started = performance.now();
  try {
    const version = await Promise.race([check(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000))]);
    return { status: 'up', version, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

/** Each dependency's state and version; `degraded` when any is down (the app still serves what it can). */
export async function checkHealth(): Promise<Health> {
  const [db, search] = await Promise.all([
    probe(async () => {
      const [row] = await sqlClient()`select current_setting('server_version') as version`;
      return String(row?.version);
    }),
    probe(async () => (await getMeili().getVersion()).pkgVersion),
  ]);
  // Changes not yet in the search index (Postgres stays the source of truth meanwhile).
  const backlog = db.status === 'up' ? await outboxBacklog(getDb()).catch(() => undefined) : undefined;
  const isBehind = !!backlog && backlog.failing > 0;
  return { status: db.status === 'up' && search.status === 'up' && !isBehind ? 'ok' : 'degraded', db, search: { ...search, backlog } };
}
