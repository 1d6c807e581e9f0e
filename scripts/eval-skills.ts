/**
 * `npm run eval:skills`: measures the skill extractor (lib/skills/extract.ts) against job-ad
 * sentences annotated with gold ESCO skills (Decorte et al., TECH and HOUSE validation sets,
 * in REFERENCE_DATA_DIR/skill-extraction-validation). Prints JSON:
 *  - per set and overall: micro precision / recall / F1 over (sentence, skill) pairs at the
 *    extractor's default threshold, and recall@5 (gold skills among the top 5 suggestions
 *    of each sentence, whatever their confidence, and at the default threshold);
 *  - matcher build time and heap, and throughput on ~1,500-character program-like texts
 *    built from O*NET task statements.
 * Labels are compared case-insensitively by ESCO preferred label. Gold rows labelled
 * `LABEL NOT PRESENT` or `UNDERSPECIFIED` add no gold skill but their sentences are counted.
 * `EVAL_VERBOSE=1` also prints every sentence's misses and false positives (to stderr);
 * `EVAL_SETS=a.csv,b.csv` evaluates other annotation files of the same shape instead (e.g. test splits);
 * `EVAL_DUMP=file.json` writes every ranked candidate (label, confidence, how it matched, correct?).
 * Run with `NODE_OPTIONS=--expose-gc` for an exact matcher heap figure.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { readEscoSkills } from '@/lib/skills/esco-csv';
import { buildSkillMatcher, DEFAULT_MIN_CONFIDENCE, type SkillEntry, type SkillMatcher } from '@/lib/skills/extract';
import { referencePath } from '@/lib/reference-data';

/** Annotation files (same columns), e.g. the benchmark's test splits: EVAL_SETS=/path/tech_test.csv,/path/house_test.csv. */
const extraSets = (process.env.EVAL_SETS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const SPECIAL = new Set(['label not present', 'underspecified']);
const verbose = process.env.EVAL_VERBOSE === '1';
const log = (message: string) => process.stderr.write(`[eval:skills] ${message}\n`);
const round = (n: number, digits = 3) => Number(n.toFixed(digits));
const key = (label: string) => label.trim().toLowerCase();

type Sentence = { text: string; gold: Set<string> };

async function readSet(file: string): Promise<Sentence[]> {
  const bySentence = new Map<string, Sentence>();
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    const text = row.sentence ?? '';
    const sentence = bySentence.get(text) ?? { text, gold: new Set<string>() };
    bySentence.set(text, sentence);
    const label = key(row.label ?? '');
    if (label && !SPECIAL.has(label)) sentence.gold.add(label);
  }
  return [...bySentence.values()];
}

type Candidate = { via: string; confidence: number; rank: number; correct: boolean; label: string; matched: string };
const candidates: Candidate[] = [];

/** Precision of each kind of match at the default threshold: where the errors come from. */
function byMatchKind() {
  const out: Record<string, { predicted: number; correct: number; precision: number }> = {};
  for (const c of candidates) {
    if (c.confidence < DEFAULT_MIN_CONFIDENCE) continue;
    for (const tag of new Set(c.via.split(' '))) {
      const o = (out[tag] ??= { predicted: 0, correct: 0, precision: 0 });
      o.predicted++;
      if (c.correct) o.correct++;
    }
  }
  for (const o of Object.values(out)) o.precision = round(o.correct / o.predicted);
  return out;
}

type Counts = { sentences: number; goldPairs: number; predicted: number; truePositives: number; hitsAt5: number; hitsAt5Default: number };

function evaluate(matcher: SkillMatcher, sentences: Sentence[], known: Set<string>): Counts & { unknownGold: number } {
  const c: Counts & { unknownGold: number } = { sentences: sentences.length, goldPairs: 0, predicted: 0, truePositives: 0, hitsAt5: 0, hitsAt5Default: 0, unknownGold: 0 };
  for (const s of sentences) {
    const ranked = matcher.extract(s.text, { minConfidence: 0, limit: 50, explain: true });
    ranked.forEach((r, rank) => candidates.push({ via: r.via ?? '', confidence: r.confidence, rank, correct: s.gold.has(key(r.label)), label: r.label, matched: r.matched }));
    const accepted = ranked.filter((r) => r.confidence >= DEFAULT_MIN_CONFIDENCE);
    const top5 = new Set(ranked.slice(0, 5).map((r) => key(r.label)));
    const top5Default = new Set(accepted.slice(0, 5).map((r) => key(r.label)));
    const predicted = new Set(accepted.map((r) => key(r.label)));
    c.goldPairs += s.gold.size;
    c.predicted += predicted.size;
    for (const g of s.gold) {
      if (!known.has(g)) c.unknownGold++;
      if (predicted.has(g)) c.truePositives++;
      if (top5.has(g)) c.hitsAt5++;
      if (top5Default.has(g)) c.hitsAt5Default++;
    }
    if (verbose) {
      const misses = [...s.gold].filter((g) => !predicted.has(g)).map((g) => (top5.has(g) ? `${g} (top 5)` : g));
      const wrong = accepted.filter((r) => !s.gold.has(key(r.label)));
      if (misses.length || wrong.length)
        log(
          `${JSON.stringify(s.text.slice(0, 140))}\n    missed: ${misses.join(' | ') || '-'}\n    wrong:  ${wrong.map((r) => `${r.label} (${r.confidence} "${r.matched}")`).join(' | ') || '-'}\n    top5:   ${ranked
            .slice(0, 5)
            .map((r) => `${r.label} ${r.confidence}`)
            .join(' | ')}`,
        );
    }
  }
  return c;
}

const metrics = (c: Counts) => {
  const precision = c.predicted ? c.truePositives / c.predicted : 0;
  const recall = c.goldPairs ? c.truePositives / c.goldPairs : 0;
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    recallAt5: round(c.goldPairs ? c.hitsAt5 / c.goldPairs : 0),
    recallAt5AboveThreshold: round(c.goldPairs ? c.hitsAt5Default / c.goldPairs : 0),
    ...c,
  };
};

/** ~1,500-character program-like texts: consecutive O*NET task statements of one occupation. */
function programTexts(count: number): string[] {
  const lines = readFileSync(referencePath('onet-29.3', 'Task Statements.txt'), 'utf8').split('\n').slice(1);
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    const task = line.split('\t')[3];
    if (!task) continue;
    current += `${task} `;
    if (current.length >= 1_500) {
      texts.push(current.slice(0, 1_600).trim());
      current = '';
      if (texts.length >= count) break;
    }
  }
  return texts;
}

async function main() {
  const dump = process.env.EVAL_DUMP;
  const entries: SkillEntry[] = [];
  for await (const s of readEscoSkills()) {
    // Hidden labels are ESCO's search terms (misspellings, product names): matchable, as alternatives.
    entries.push({ id: s.uri, label: s.preferredLabel, altLabels: [...s.altLabels, ...s.hiddenLabels], sourceUri: s.uri, kind: s.skillType });
  }
  // Heap of the matcher alone (the entries are counted before). Exact with `node --expose-gc`.
  const heap = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  };
  const heapBefore = heap();
  const t0 = performance.now();
  const matcher = buildSkillMatcher(entries);
  const buildMs = performance.now() - t0;
  const heapAfter = heap();
  log(`matcher built from ${entries.length} ESCO skills in ${Math.round(buildMs)} ms`);

  const known = new Set(entries.map((e) => key(e.label)));
  const perSet: Record<string, ReturnType<typeof metrics> & { unknownGold: number }> = {};
  const total: Counts = { sentences: 0, goldPairs: 0, predicted: 0, truePositives: 0, hitsAt5: 0, hitsAt5Default: 0 };
  const sets = extraSets.length
    ? extraSets.map((file) => [path.basename(file, '.csv'), file] as const)
    : (['tech', 'house'] as const).map((name) => [name, referencePath('skill-extraction-validation', `${name}_validation_annotations.csv`)] as const);
  for (const [name, file] of sets) {
    const c = evaluate(matcher, await readSet(file), known);
    perSet[name] = { ...metrics(c), unknownGold: c.unknownGold };
    for (const k of Object.keys(total) as Array<keyof Counts>) total[k] += c[k];
  }

  const texts = programTexts(2_000);
  for (const t of texts.slice(0, 50)) matcher.extract(t); // warm-up
  // Three passes; CPU time as well as wall time, since a busy machine skews the latter.
  const rounds = 3;
  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  let suggestions = 0;
  for (let r = 0; r < rounds; r++) for (const t of texts) suggestions += matcher.extract(t).length;
  const seconds = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const huge = 'Python and SQL for data analysis. '.repeat(32_000);
  const t2 = performance.now();
  matcher.extract(huge);
  const hugeMs = performance.now() - t2;

  if (dump) writeFileSync(dump, JSON.stringify(candidates));
  console.log(
    JSON.stringify(
      {
        threshold: DEFAULT_MIN_CONFIDENCE,
        sets: perSet,
        overall: metrics(total),
        targets: { precision: 0.7, recallAt5: 0.5 },
        byMatchKind: byMatchKind(),
        matcher: { ...matcher.stats, buildMs: Math.round(buildMs), heapMB: round((heapAfter - heapBefore) / 1_048_576, 1), heapExact: typeof (globalThis as { gc?: unknown }).gc === 'function' },
        throughput: {
          texts: texts.length,
          avgChars: Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length),
          programsPerSecond: Math.round((rounds * texts.length) / seconds),
          programsPerCpuSecond: Math.round((rounds * texts.length) / cpuSeconds),
          avgSuggestions: round(suggestions / (rounds * texts.length), 1),
          oneMegabyteMs: Math.round(hugeMs),
        },
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
