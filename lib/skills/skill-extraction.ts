import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { skills } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { buildSkillMatcher, type ExtractedSkill, type SkillMatcher } from './extract';

/** Up to about 1 MB of text; the matcher reads the first 100,000 characters of it. */
export const extractInputSchema = z.object({
  text: z
    .string({ error: 'Send the text to analyse as a string in “text”.' })
    .max(1_000_000, 'Send at most 1,000,000 characters.')
    .refine((t) => t.trim().length > 0, 'The text is empty: send a title, description or learning outcomes to analyse.'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/**
 * The matcher reads a capital on a word the taxonomy also writes in lower case as meaningful
 * ("Go", "LESS"), since ESCO writes labels in lower case. Admins write custom labels in
 * sentence case ("Drone photogrammetry"), which would then match only when capitalised, so
 * their first capital is lowered for matching. Labels of one word keep their case (a custom
 * "Rust" must not match rust); suggestions show the label as written.
 */
const matcherCasing = (label: string) => (/^\p{Lu}\p{Ll}+\s/u.test(label) ? label.replace(/^\p{Lu}/u, (c) => c.toLowerCase()) : label);

type Cache = { matcher?: Promise<SkillMatcher>; builtAt?: number };
const globalCache = globalThis as typeof globalThis & { __credpathSkillMatcher?: Cache };
const cache: Cache = (globalCache.__credpathSkillMatcher ??= {});
/** Rebuilt after this long so a taxonomy reload or new custom skills are picked up. */
const maxAgeMs = 60 * 60_000;

/** The matcher over the whole taxonomy (about 2.5 s to build): built once, on first use, and cached. */
export function skillMatcher(): Promise<SkillMatcher> {
  if (!cache.matcher || Date.now() - (cache.builtAt ?? 0) > maxAgeMs) {
    cache.builtAt = Date.now();
    cache.matcher = (async () => {
      const rows = await getDb()
        .select({ id: skills.id, label: skills.preferredLabel, altLabels: skills.altLabels, onetTechnologies: skills.onetTechnologies, sourceUri: skills.sourceUri, kind: skills.kind, source: skills.source })
        .from(skills);
      if (rows.length === 0) throw new AppError('unavailable', 'The skills taxonomy is not loaded yet (npm run taxonomy:load).');
      const matcher = buildSkillMatcher(
        rows.map((r) =>
          r.source === 'custom'
            ? { id: r.id, label: matcherCasing(r.label), altLabels: r.altLabels.map(matcherCasing), sourceUri: r.sourceUri, kind: r.kind }
            : { id: r.id, label: r.label, altLabels: [...r.altLabels, ...r.onetTechnologies], sourceUri: r.sourceUri, kind: r.kind },
        ),
      );
      const asWritten = new Map(rows.filter((r) => r.source === 'custom' && matcherCasing(r.label) !== r.label).map((r) => [r.id, r.label]));
      if (asWritten.size === 0) return matcher;
      return { ...matcher, extract: (text, opts) => matcher.extract(text, opts).map((found) => ({ ...found, label: asWritten.get(found.id) ?? found.label })) } satisfies SkillMatcher;
    })();
    const building = cache.matcher;
    // A failed build is retried on the next call, unless it was already replaced.
    building.catch(() => {
      if (cache.matcher === building) cache.matcher = undefined;
    });
  }
  return cache.matcher;
}

/**
 * Drops the cached matcher so the next extraction rebuilds it from the database: call it
 * after the taxonomy changes (custom skills). It only reaches this process; other app
 * instances pick the change up when their matcher ages out (`maxAgeMs`).
 */
export function invalidateSkillMatcher(): void {
  cache.matcher = undefined;
  cache.builtAt = undefined;
}

/** Skills found in free text, best first: `{ id, label, sourceUri, confidence, matched }`. */
export async function extractSkills(input: unknown): Promise<ExtractedSkill[]> {
  const parsed = extractInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || 'text'] ??= []).push(issue.message);
    throw new AppError('validation_failed', Object.values(fieldErrors)[0]![0]!, { fieldErrors });
  }
  const matcher = await skillMatcher();
  return matcher.extract(parsed.data.text, { limit: parsed.data.limit });
}
