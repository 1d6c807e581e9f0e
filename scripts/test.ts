/**
 * `npm test`: type check, lint, unit + integration tests (vitest) and end-to-end tests
 * (Playwright in Chromium against the production build), all against real PostgreSQL and
 * Meilisearch started once for the run. `--only=typecheck,lint,vitest,e2e` picks steps.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runMigrations } from '@/db/migrate';
import { repoRoot, startServices, type ServiceEnv, type Services } from './services';
import { isBuildCurrent, markBuilt, sourceHash } from './lib/build-stamp';
import { nextBin, run } from './lib/run';

const steps = ['typecheck', 'lint', 'vitest', 'e2e'] as const;
type Step = (typeof steps)[number];
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const selected = new Set<Step>(onlyArg ? (onlyArg.split(',') as Step[]) : steps);
const resultsDir = path.join(repoRoot, 'test-results');
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function banner(text: string) {
  console.log(`\n━━ ${text} ${'━'.repeat(Math.max(0, 60 - text.length))}`);
}

async function step(name: string, fn: () => Promise<number>) {
  banner(name);
  const started = performance.now();
  const code = await fn();
  console.log(`${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (code !== 0) failures.push(name);
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

async function main() {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

  if (selected.has('typecheck')) await step('typecheck', () => run(bin('tsc'), ['--noEmit'], { env: childEnv }));
  if (selected.has('lint')) await step('lint', () => run(bin('eslint'), ['.'], { env: childEnv }));
  if (!selected.has('vitest') && !selected.has('e2e')) return;

  banner('starting PostgreSQL and Meilisearch for the test run');
  const services: Services = await startServices({ profile: 'test', isFresh: true });
  const envFor = async (database: string, prefix: string): Promise<ServiceEnv & { MEILI_INDEX_PREFIX: string }> => {
    const env = process.env.DATABASE_URL ? services.env : await services.envForDatabase(database);
    await runMigrations(env.DATABASE_URL);
    return { ...env, MEILI_INDEX_PREFIX: prefix };
  };

  try {
    if (selected.has('vitest')) {
      const env = await envFor('credpath_vitest', 'vitest_');
      const report = path.join(resultsDir, 'vitest-results.json');
      await step('unit and integration tests (vitest)', () =>
        run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { env: { ...childEnv, ...env } }),
      );
      countVitest(report);
    }

    if (selected.has('e2e')) {
      const env = await envFor('credpath_e2e', 'e2e_');
      const hash = sourceHash();
      if (!isBuildCurrent(hash)) {
        await step('production build', () => run(process.execPath, [nextBin(), 'build'], { env: childEnv }));
        if (!failures.includes('production build')) markBuilt(hash);
      }
      // The e2e database gets the same demo data a new user sees.
      const seeded = await run(bin('tsx'), ['--conditions=react-server', 'scripts/seed.ts'], { env: { ...childEnv, ...env } });
      if (seeded !== 0) failures.push('seed e2e database');
      const report = path.join(resultsDir, 'e2e-results.json');
      await step('end-to-end tests (Playwright, Chromium)', () => run(bin('playwright'), ['test'], { env: { ...childEnv, ...env, CI: process.env.CI ?? '' } }));
      countPlaywright(report);
    }
  } finally {
    await services.stop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(`npm test could not run: ${error instanceof Error ? error.message : String(error)}`);
    failures.push('setup');
  })
  .finally(() => {
    banner('summary');
    if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
    console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
    process.exit(failures.length || totals.failed ? 1 : 0);
  });
