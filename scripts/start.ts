/**
 * `npm start`: brings up PostgreSQL and Meilisearch (embedded unless DATABASE_URL /
 * MEILI_HOST are set), migrates, seeds demo data once, builds if sources changed,
 * and serves the production build on PORT (default 3000). `--dev` runs `next dev`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { runMigrations } from '@/db/migrate';
import { logsDir, repoRoot, startServices, type Services } from './services';
import { isBuildCurrent, markBuilt, sourceHash } from './lib/build-stamp';
import { nextBin, run, stopChild } from './lib/run';

const started = performance.now();
const isDev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

let services: Services | undefined;
let app: ChildProcess | undefined;
let isShuttingDown = false;

async function shutdown(code: number, reason?: string): Promise<never> {
  if (isShuttingDown) process.exit(code);
  isShuttingDown = true;
  if (reason) console.error(reason);
  await stopChild(app);
  await services?.stop();
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0, '\nStopping Credpath…'));
process.on('SIGTERM', () => void shutdown(0, 'Stopping Credpath…'));

/** The ESCO/O*NET taxonomy is loaded once (about 15 s); later starts see it and skip. */
async function loadTaxonomyOnFirstStart() {
  const { getDb, closeDb } = await import('@/db');
  const { skills } = await import('@/db/schema');
  const [any] = await getDb().select({ id: skills.id }).from(skills).limit(1);
  if (!any) {
    try {
      const { loadTaxonomy } = await import('@/lib/skills/taxonomy-loader');
      console.log('Loading the ESCO and O*NET skills taxonomy (first start only)…');
      const counts = await loadTaxonomy();
      console.log(`Loaded ${counts.skills.total.toLocaleString('en')} skills and ${(counts.occupations.esco + counts.occupations.onet).toLocaleString('en')} occupations.`);
    } catch (error) {
      // Credpath still runs without it; skills pages stay empty until `npm run taxonomy:load`.
      console.warn(`Skills taxonomy not loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  } else {
    const { ensureLabourMarketSignals } = await import('@/lib/demand/labour-market');
    await ensureLabourMarketSignals(getDb());
  }
  await closeDb();
}

async function main() {
  services = await startServices({ profile: 'dev' });
  services.onUnexpectedExit((name, how) =>
    void shutdown(1, `${name} stopped unexpectedly (${how}); see ${path.relative(process.cwd(), logsDir('dev'))}/. Stopping Credpath.`),
  );
  const env = { ...process.env, ...services.env, NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
  Object.assign(process.env, env);

  await runMigrations(env.DATABASE_URL);
  await loadTaxonomyOnFirstStart();
  if (services.env.CREDPATH_LOCAL_SERVICES || process.env.CREDPATH_SEED_DEMO === '1') {
    const { getDb } = await import('@/db');
    const { seedDemoData } = await import('@/db/seed');
    const { isSeeded } = await seedDemoData(getDb());
    if (isSeeded) console.log('Seeded demo data (accounts are listed on the sign-in page).');
  }
  {
    // Index whatever is queued (demo data, taxonomy) before serving, so the first search finds it.
    const { getDb, closeDb } = await import('@/db');
    const { applyAllIndexSettings, drainUntilEmpty } = await import('@/lib/search/sync');
    const { outboxBacklog } = await import('@/lib/search/outbox');
    if ((await outboxBacklog(getDb())).pending > 0) {
      await applyAllIndexSettings()
        .then(drainUntilEmpty)
        .catch((error: unknown) => console.warn(`Search index not ready yet (${error instanceof Error ? error.message : String(error)}); it catches up in the background.`));
    }
    await closeDb();
  }

  if (!isDev) {
    const hash = sourceHash();
    if (!isBuildCurrent(hash)) {
      console.log('Building the production bundle (first start or sources changed)…');
      const code = await run(process.execPath, [nextBin(), 'build'], { cwd: repoRoot, env });
      if (code !== 0) await shutdown(code, 'The build failed; see the output above.');
      markBuilt(hash);
    }
  }

  app = spawn(process.execPath, [nextBin(), isDev ? 'dev' : 'start', '-p', String(port), '-H', process.env.HOST ?? '0.0.0.0'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let isAnnounced = false;
  app.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!isAnnounced && /ready|started/i.test(chunk.toString())) {
      isAnnounced = true;
      console.log(`\nCredpath is ready on http://localhost:${port} (started in ${seconds()} s). Press Ctrl-C to stop.`);
    }
  });
  app.on('exit', (code) => {
    if (!isShuttingDown) void shutdown(code ?? 1, `The web server stopped unexpectedly (exit code ${code ?? 'none'}).`);
  });
}

main().catch((error: unknown) => shutdown(1, `Credpath could not start: ${error instanceof Error ? error.message : String(error)}`));
