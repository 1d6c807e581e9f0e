import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { createProgram } from '@/lib/catalog/programs';
import { resetEnvCache } from '@/lib/env';
import { checkHealth } from '@/lib/health';
import { applyIndexSettings, drainOutbox } from '@/lib/search/sync';
import { programSearchSchema } from '@/lib/search/program-search-params';
import { searchPrograms } from '@/lib/search/program-search';
import { startEmbeddedMeilisearch, type RunningMeilisearch } from '../../scripts/services/meilisearch';
import { createTestOrg } from '../support/factories';
import { programFixture } from '../support/programs';

/**
 * A Meilisearch of its own (real binary, own port and data), so this test can stop and
 * restart it without disturbing the other test files.
 */
describe('search outage', () => {
  const port = 7792 + Math.floor(Math.random() * 100);
  const masterKey = `outage-key-${randomUUID()}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'credpath-meili-'));
  const originalEnv = { host: process.env.MEILI_HOST, key: process.env.MEILI_MASTER_KEY, prefix: process.env.MEILI_INDEX_PREFIX };
  let meili: RunningMeilisearch;
  const start = () => startEmbeddedMeilisearch({ profile: 'test', port, masterKey, dataDir });

  beforeAll(async () => {
    meili = await start();
    Object.assign(process.env, { MEILI_HOST: meili.host, MEILI_MASTER_KEY: masterKey, MEILI_INDEX_PREFIX: 'outage_' });
    resetEnvCache();
    await applyIndexSettings('program');
    // Rows queued by other test files belong to the shared server: keep them out of this one.
    await getDb().execute(sql`update search_outbox set next_attempt_at = now() + interval '1 hour' where next_attempt_at <= now()`);
  });

  afterAll(async () => {
    await meili?.stop();
    Object.assign(process.env, { MEILI_HOST: originalEnv.host, MEILI_MASTER_KEY: originalEnv.key, MEILI_INDEX_PREFIX: originalEnv.prefix });
    resetEnvCache();
    await getDb().execute(sql`update search_outbox set next_attempt_at = now()`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every saved change while Meilisearch is down and catches up after a restart', async () => {
    const team = await createTestOrg('training_provider');
    const { actor } = await team.addMember('provider');
    const provider = `Outage Provider ${randomUUID().slice(0, 6)}`;

    await meili.stop();
    const program = await createProgram(actor, programFixture({ providerName: provider }));
    expect(program.id).toBeTruthy();

    const failed = await drainOutbox();
    expect(failed.failed).toBeGreaterThan(0);
    const health = await checkHealth();
    expect(health.status).toBe('degraded');
    expect(health.search.status).toBe('down');
    expect(health.search.backlog?.pending).toBeGreaterThan(0);
    const [row] = await getDb().execute<{ attempts: number; backoff: number }>(
      sql`select attempts, extract(epoch from next_attempt_at - now())::float as backoff from search_outbox where entity_id = ${program.id}`,
    );
    expect(row!.attempts).toBe(1);
    expect(row!.backoff).toBeGreaterThan(0);

    meili = await start();
    await getDb().execute(sql`update search_outbox set next_attempt_at = now() where entity_id = ${program.id}`);
    const caughtUp = await drainOutbox();
    expect(caughtUp.processed).toBeGreaterThan(0);
    const found = await searchPrograms(programSearchSchema.parse({ provider: [provider] }));
    expect(found.hits.map((h) => h.id)).toEqual([program.id]);
    expect((await checkHealth()).status).toBe('ok');
  });
});
