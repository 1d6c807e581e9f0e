import { rmSync } from 'node:fs';
import path from 'node:path';
import { type Profile, defaultPorts, loadOrCreateSecrets, profileDir } from './paths';
import { ensureDatabase, startEmbeddedPostgres } from './postgres';
import { startEmbeddedMeilisearch } from './meilisearch';

export type ServiceEnv = {
  DATABASE_URL: string;
  MEILI_HOST: string;
  MEILI_MASTER_KEY: string;
  NEXTAUTH_SECRET: string;
  /** Set when Credpath runs on its own embedded servers: demo credentials may be shown. */
  CREDPATH_LOCAL_SERVICES?: '1';
};

export type Services = {
  env: ServiceEnv;
  /** Env for a second database on the same cluster (tests keep vitest and e2e data apart). */
  envForDatabase(database: string): Promise<ServiceEnv>;
  stop(): Promise<void>;
  onUnexpectedExit(listener: (service: string, how: string) => void): void;
};

function port(name: string, fallback: number): number {
  const value = process.env[name];
  return value ? Number(value) : fallback;
}

/**
 * Brings up what Credpath needs: the servers named by DATABASE_URL / MEILI_HOST,
 * or the embedded ones of `profile` when those are unset.
 */
export async function startServices(opts: { profile: Profile; database?: string; isFresh?: boolean }): Promise<Services> {
  const database = opts.database ?? 'credpath';
  if (opts.isFresh) rmSync(profileDir(opts.profile), { recursive: true, force: true });
  const secrets = loadOrCreateSecrets(opts.profile);
  const ports = defaultPorts[opts.profile];
  const stops: Array<() => Promise<void>> = [];
  const exitListeners: Array<(add: (service: string, how: string) => void) => void> = [];
  const isLocal = !process.env.DATABASE_URL || !process.env.MEILI_HOST;

  try {
    let databaseUrl = process.env.DATABASE_URL;
    let urlFor: ((db: string) => Promise<string>) | undefined;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({ profile: opts.profile, port: port('PG_PORT', ports.postgres), password: secrets.postgresPassword });
      stops.push(() => pg.stop());
      exitListeners.push((listener) => pg.onUnexpectedExit((how) => listener('PostgreSQL', how)));
      await ensureDatabase(pg.adminUrl, database);
      databaseUrl = pg.urlFor(database);
      urlFor = async (db) => {
        await ensureDatabase(pg.adminUrl, db, { recreate: opts.isFresh });
        return pg.urlFor(db);
      };
    }

    let meiliHost = process.env.MEILI_HOST;
    let meiliKey = process.env.MEILI_MASTER_KEY ?? '';
    if (!meiliHost) {
      const meili = await startEmbeddedMeilisearch({ profile: opts.profile, port: port('MEILI_PORT', ports.meili), masterKey: secrets.meiliMasterKey });
      stops.unshift(() => meili.stop());
      exitListeners.push((listener) => meili.onUnexpectedExit((how) => listener('Meilisearch', how)));
      meiliHost = meili.host;
      meiliKey = secrets.meiliMasterKey;
    }

    const env: ServiceEnv = {
      DATABASE_URL: databaseUrl,
      MEILI_HOST: meiliHost,
      MEILI_MASTER_KEY: meiliKey,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.nextAuthSecret,
      ...(isLocal ? { CREDPATH_LOCAL_SERVICES: '1' as const } : {}),
    };
    return {
      env,
      async envForDatabase(db) {
        if (!urlFor) throw new Error('A second database needs the embedded PostgreSQL (DATABASE_URL is set).');
        return { ...env, DATABASE_URL: await urlFor(db) };
      },
      async stop() {
        for (const stop of stops) await stop().catch(() => {});
      },
      onUnexpectedExit(listener) {
        for (const add of exitListeners) add(listener);
      },
    };
  } catch (error) {
    for (const stop of stops) await stop().catch(() => {});
    throw error;
  }
}

export { profileDir, repoRoot } from './paths';
export const logsDir = (profile: Profile) => path.join(profileDir(profile), 'logs');
