/**
 * `npm run bench`: speed and memory figures, printed as JSON. On fresh embedded servers
 * (profile `bench`) it generates 100,000 programs and measures:
 *  - import: CSV file → Postgres → searchable, against raw Meilisearch addDocuments of the
 *    same documents (target: import ≤ 2× raw);
 *  - search: GET /api/v1/programs on the production server against the same query sent
 *    straight to Meilisearch, for text, facet, filter and geo queries (target: p50 ≤ 1.25× raw);
 *  - recommendations: a client goal of 30 gap skills over the whole catalogue, for clients
 *    with different constraints (target: p95 ≤ 100 ms).
 * `BENCH_PROGRAMS=20000 npm run bench` runs a smaller catalogue.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMigrations } from '@/db/migrate';
import { repoRoot, startServices } from './services';
import { isBuildCurrent, markBuilt, sourceHash } from './lib/build-stamp';
import { nextBin, run, stopChild } from './lib/run';

const programCount = Number(process.env.BENCH_PROGRAMS ?? 100_000);
const searchRounds = Number(process.env.BENCH_SEARCH_ROUNDS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 3200);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));
};
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

function toCsv(rows: Array<Record<string, unknown>>, columns: ReadonlyArray<{ column: string; field: string }>): string {
  const cell = (v: unknown) => {
    const text = Array.isArray(v) ? v.join('|') : v === undefined || v === null ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map((c) => c.column).join(','), ...rows.map((r) => columns.map((c) => cell(r[c.field])).join(','))].join('\n');
}

async function main() {
  const peakRss = { value: 0 };
  const sampler = setInterval(() => (peakRss.value = Math.max(peakRss.value, process.memoryUsage().rss)), 200);
  const services = await startServices({ profile: 'bench', isFresh: true });
  const env = { ...services.env, MEILI_INDEX_PREFIX: 'bench_' };
  Object.assign(process.env, env);
  await runMigrations(env.DATABASE_URL);
  const work = mkdtempSync(path.join(tmpdir(), 'credpath-bench-'));
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const { generateDemoPrograms } = await import('@/db/seed/demo-programs');
    const { csvColumns } = await import('@/lib/imports/csv-columns');
    const { importProgramsFile } = await import('@/lib/imports/program-import');
    const { systemActor } = await import('@/lib/auth/actor');
    const { applyIndexSettings, drainUntilEmpty, pushDocuments } = await import('@/lib/search/sync');
    const { loadProgramDocuments, programIndexName } = await import('@/lib/search/program-index');
    const { buildProgramQuery } = await import('@/lib/search/program-search');
    const { programSearchSchema, searchParamsToQuery } = await import('@/lib/search/program-search-params');
    const { getMeili } = await import('@/lib/search/client');
    const { requestText } = await import('@/lib/http/node-request');
    const { getDb, closeDb } = await import('@/db');
    const { programs, programSkills } = await import('@/db/schema');

    log(`generating ${programCount.toLocaleString('en')} programs`);
    let t = performance.now();
    const generated = await generateDemoPrograms({ count: programCount, seed: 7 });
    const generateMs = performance.now() - t;
    const csvFile = path.join(work, 'programs.csv');
    writeFileSync(csvFile, toCsv(generated.map((g) => ({ ...g, status: 'published' })) as Array<Record<string, unknown>>, csvColumns));

    // With the taxonomy loaded, imports resolve every row's skills, as in production.
    log('loading the skills taxonomy');
    const { loadTaxonomy } = await import('@/lib/skills/taxonomy-loader');
    await loadTaxonomy();

    log('import: file → Postgres → searchable');
    await applyIndexSettings('program');
    t = performance.now();
    const { readFileSync } = await import('node:fs');
    // Suggestions are measured on their own below: they are not needed for a program to be searchable.
    const report = await importProgramsFile(systemActor, { filename: 'programs.csv', content: readFileSync(csvFile) }, { suggestSkills: false });
    const dbMs = performance.now() - t;
    await drainUntilEmpty();
    const importMs = performance.now() - t;

    log('raw Meilisearch addDocuments of the same documents');
    const ids = (await getDb().select({ id: programs.id }).from(programs)).map((r) => r.id);
    const mappedSkills = await getDb().$count(programSkills);

    log(`skill suggestions for ${ids.length.toLocaleString('en')} programs (extract + store)`);
    const { skillMatcher } = await import('@/lib/skills/skill-extraction');
    const { suggestSkillsForPrograms } = await import('@/lib/skills/program-skills');
    t = performance.now();
    await skillMatcher();
    const matcherMs = performance.now() - t;
    t = performance.now();
    const suggestions = await suggestSkillsForPrograms(getDb(), ids);
    const suggestMs = performance.now() - t;
    log('recommendations for goals of 30 gap skills');
    const recommendations = await benchRecommendations();
    const documents = [];
    for (let i = 0; i < ids.length; i += 20_000) documents.push(...(await loadProgramDocuments(getDb(), ids.slice(i, i + 20_000))).documents);
    const rawIndex = `${programIndexName()}_raw`;
    await applyIndexSettings('program', rawIndex);
    t = performance.now();
    await pushDocuments(rawIndex, documents, []);
    const rawMs = performance.now() - t;

    log('starting the production server for search latency');
    const hash = sourceHash();
    if (!isBuildCurrent(hash)) {
      if ((await run(process.execPath, [nextBin(), 'build'], { cwd: repoRoot, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' })) !== 0) throw new Error('next build failed');
      markBuilt(hash);
    }
    server = spawn(process.execPath, [nextBin(), 'start', '-p', String(port)], { cwd: repoRoot, env: { ...process.env, ...env, CREDPATH_SYNC_WORKER: '0', NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' });
    for (let i = 0; i < 120; i++) {
      if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Steady state, not start-up: the server builds its skill matcher right after starting
    // (seconds of CPU); an extraction request returns once it is ready.
    const warm = await fetch(`http://127.0.0.1:${port}/api/v1/skills/extract`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ text: 'Warm up with SQL and Python.' }),
    });
    if (!warm.ok) throw new Error(`warming the skill matcher failed: HTTP ${warm.status}`);

    const queries: Array<{ kind: string; params: Record<string, unknown> }> = [
      { kind: 'text', params: { q: 'python' } },
      { kind: 'text', params: { q: 'cyber security' } },
      { kind: 'text', params: { q: 'registerd nurse' } },
      { kind: 'text', params: { q: 'project management certificate' } },
      { kind: 'facet', params: { country: ['CA'], delivery_mode: ['online_self_paced', 'blended'] } },
      { kind: 'facet', params: { credential_type: ['bootcamp'], eqf_level: ['5', '6'] } },
      { kind: 'filter', params: { q: 'data', max_cost: '1000', credit_bearing: 'true', sort: 'cost_asc' } },
      { kind: 'filter', params: { field: ['06'], language: ['en'], max_hours: '100' } },
      { kind: 'geo', params: { near: '43.65,-79.38', radius_km: '50' } },
      { kind: 'geo', params: { q: 'welding', near: '51.5,-0.12', radius_km: '100', sort: 'distance' } },
    ];
    const meiliHost = env.MEILI_HOST;
    const index = programIndexName();
    const samples: Record<string, { api: number[]; raw: number[] }> = {};
    for (let round_ = 0; round_ < searchRounds + 1; round_++) {
      for (const { kind, params } of queries) {
        const parsed = programSearchSchema.parse(params);
        const { q, options } = buildProgramQuery(parsed);
        const url = `http://127.0.0.1:${port}/api/v1/programs${searchParamsToQuery(parsed)}`;
        // Both sides over the same HTTP client (node:http keep-alive, as the app talks to Meilisearch).
        let s = performance.now();
        const api = await requestText(new URL(url));
        JSON.parse(api.text);
        const apiMs = performance.now() - s;
        if (api.status !== 200) throw new Error(`API ${url} answered ${api.status}`);
        s = performance.now();
        const raw = await requestText(new URL(`${meiliHost}/indexes/${index}/search`), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env.MEILI_MASTER_KEY}` },
          body: JSON.stringify({ q, ...options }),
        });
        JSON.parse(raw.text);
        const rawSearchMs = performance.now() - s;
        if (round_ === 0) continue; // warm-up
        (samples[kind] ??= { api: [], raw: [] }).api.push(apiMs);
        samples[kind]!.raw.push(rawSearchMs);
      }
    }
    const all = { api: Object.values(samples).flatMap((s) => s.api), raw: Object.values(samples).flatMap((s) => s.raw) };
    const searchStats = (s: { api: number[]; raw: number[] }) => ({
      apiP50Ms: percentile(s.api, 50),
      apiP95Ms: percentile(s.api, 95),
      rawP50Ms: percentile(s.raw, 50),
      rawP95Ms: percentile(s.raw, 95),
      p50Ratio: round(percentile(s.api, 50) / percentile(s.raw, 50)),
    });
    await getMeili().deleteIndex(rawIndex);
    await closeDb();

    const result = {
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      programs: programCount,
      generate: { ms: Math.round(generateMs), programsPerSecond: Math.round(programCount / (generateMs / 1000)) },
      import: {
        rows: report.totalRows,
        valid: report.validRows,
        toPostgresMs: Math.round(dbMs),
        toSearchableMs: Math.round(importMs),
        rawAddDocumentsMs: Math.round(rawMs),
        ratio: round(importMs / rawMs),
        target: '≤ 2',
      },
      skillSuggestions: {
        programs: ids.length,
        matcherBuildMs: Math.round(matcherMs),
        ms: Math.round(suggestMs),
        programsPerSecond: Math.round(ids.length / (suggestMs / 1000)),
        suggestionsStored: suggestions,
        skillsMappedOnImport: mappedSkills,
        unresolvedSkillRefs: report.unresolvedSkillCount,
      },
      search: { queries: all.api.length, ...searchStats(all), target: 'p50Ratio ≤ 1.25', byKind: Object.fromEntries(Object.entries(samples).map(([k, s]) => [k, searchStats(s)])) },
      recommendations,
      memory: { peakRssMb: Math.round(peakRss.value / 1024 / 1024) },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    clearInterval(sampler);
    await stopChild(server);
    await services.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A career service with four clients (different places and constraints), each with a goal of
 * 30 skills the catalogue teaches most (the worst case: the most candidate programs), timed
 * in-process through `recommendProgramsForGoal`, as a page or the API calls it.
 */
async function benchRecommendations() {
  const { getDb } = await import('@/db');
  const { sql } = await import('drizzle-orm');
  const { memberships, organisations, users } = await import('@/db/schema');
  const { createClient } = await import('@/lib/clients/clients');
  const { createGoal } = await import('@/lib/clients/goals');
  const { recommendProgramsForGoal } = await import('@/lib/recommendations/recommendations');
  const db = getDb();
  const [org] = await db.insert(organisations).values({ name: 'Bench career service', slug: `bench-cs-${Date.now()}`, kind: 'career_service' }).returning();
  const [user] = await db.insert(users).values({ email: `bench-${Date.now()}@bench.test`, name: 'Bench practitioner', passwordHash: 'x' }).returning();
  await db.insert(memberships).values({ userId: user!.id, orgId: org!.id, role: 'practitioner' });
  const actor = { kind: 'user' as const, userId: user!.id, apiKeyId: null, name: user!.name, email: user!.email, isPlatformAdmin: false, org: { id: org!.id, name: org!.name, slug: org!.slug, kind: 'career_service' as const }, role: 'practitioner' as const };
  const popular = await db.execute<{ skill_id: string }>(sql`select skill_id from program_skills where status = 'accepted' group by skill_id order by count(*) desc, skill_id limit 30`);
  const skillIds = popular.map((r) => r.skill_id);
  const profiles = [
    { fullName: 'Toronto, no limits', region: 'CA-ON' },
    { fullName: 'New York, budget and hours', region: 'US-NY', maxBudget: 3000, budgetCurrency: 'USD', hoursPerWeek: 10, travelRadiusKm: 80 },
    { fullName: 'England, online only', region: 'GB-ENG', deliveryModes: ['online_self_paced', 'online_scheduled'], languages: ['en'] },
    { fullName: 'Anywhere, tight budget', maxBudget: 500, budgetCurrency: 'EUR' },
  ];
  const goals: string[] = [];
  for (const profile of profiles) {
    const client = await createClient(actor, { ...profile, consentDataProcessing: true });
    goals.push((await createGoal(actor, client.id, { kind: 'custom', title: 'Bench goal', skills: skillIds, targetDate: '2028-12-31' })).id);
  }
  const samples: number[] = [];
  let steps = 0;
  let candidates = 0;
  const rounds = 25;
  for (let round_ = 0; round_ < rounds + 1; round_++) {
    for (const goalId of goals) {
      const s = performance.now();
      const r = await recommendProgramsForGoal(actor, goalId);
      const ms = performance.now() - s;
      if (round_ === 0) {
        steps += r.steps.length;
        candidates += r.considered.teaching;
        continue; // warm-up
      }
      samples.push(ms);
    }
  }
  return {
    goals: goals.length,
    gapSkills: skillIds.length,
    runs: samples.length,
    programsTeachingGapSkillsPerGoal: Math.round(candidates / goals.length),
    stepsPerRecommendation: round(steps / goals.length, 1),
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    target: 'p95 ≤ 100 ms',
  };
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
