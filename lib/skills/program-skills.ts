import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, getDb } from '@/db';
import { programs, programSkills, skills, type ProgramSkill, type Skill } from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { assertProgramManager, findOwnedProgram } from '@/lib/catalog/programs';
import { AppError, notFound, parseInput, validationError } from '@/lib/errors';
import { enqueueIndexing } from '@/lib/search/outbox';
import { skillMatcher } from './skill-extraction';
import { uuidArray } from '@/lib/ids';

/*
 * Programs ↔ skills. Each origin owns its accepted rows: the program form and API set the
 * whole accepted list (`provider`), an import replaces only what imports added (`import`),
 * and the extractor adds `suggested` rows a reviewer accepts or rejects (`extracted`).
 */

const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`}::text[]`;

/** Most suggestions kept per program: enough to review, few enough to read. */
const suggestionsPerProgram = 12;

/**
 * Resolves skill references to skill ids in one query: an id, a source URI (ESCO URI,
 * `onet:2.A.1.a`, `custom:…`), a bare O*NET element id, else a label — preferred first, then
 * alternative labels and O*NET technology names, case-insensitively (a missing " software"
 * suffix too), then the extractor's whole-phrase match. ESCO wins ties.
 */
export async function resolveSkillRefs(db: Db, refs: string[]): Promise<{ byRef: Map<string, string>; unresolved: string[] }> {
  const distinct = [...new Set(refs.map((r) => r.trim()).filter(Boolean))];
  const byRef = new Map<string, string>();
  if (distinct.length === 0) return { byRef, unresolved: [] };
  const rows = await db.execute<{ ref: string; id: string }>(sql`
    with r as (select distinct ref, lower(ref) as l from unnest(${textArray(distinct)}) as ref),
    candidates as (
      select r.ref, s.id, 1 as rank, s.source from r join skills s on s.id::text = r.l
      union all
      select r.ref, s.id, 1, s.source from r join skills s on s.source_uri = r.ref or s.source_uri = 'onet:' || r.ref
      union all
      select r.ref, s.id, 2, s.source from r join skills s on lower(s.preferred_label) = r.l
      union all
      select r.ref, a.id, 3, a.source from r join (
        select s.id, s.source, lower(x.label) as l from skills s cross join lateral unnest(s.alt_labels || s.onet_technologies) as x(label)
      ) a on a.l = r.l
      union all
      -- O*NET names many technologies "<product> software": "MEDITECH" means "MEDITECH software".
      select r.ref, s.id, 4, s.source from r join skills s on s.source = 'onet' and s.preferred_label ilike '% software'
        and lower(left(s.preferred_label, -9)) = regexp_replace(r.l, ' software$', '')
    )
    select distinct on (ref) ref, id from candidates order by ref, rank, (source = 'esco') desc, id`);
  for (const row of rows) byRef.set(row.ref, row.id);
  await resolveByExtraction(distinct.filter((r) => !byRef.has(r)), byRef);
  return { byRef, unresolved: distinct.filter((r) => !byRef.has(r)) };
}

/**
 * Last resort for a label written differently ("MEDITECH" for O*NET's "MEDITECH software"):
 * the extractor's normalised matching, accepted only when one confident match covers the
 * whole reference, so a phrase is never resolved to a skill it merely mentions.
 */
async function resolveByExtraction(refs: string[], byRef: Map<string, string>): Promise<void> {
  const candidates = refs.filter((r) => r.length <= 120 && !/^[a-z]+:|^https?:/i.test(r));
  if (candidates.length === 0) return;
  const matcher = await skillMatcher().catch(() => null);
  if (!matcher) return;
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  for (const ref of candidates) {
    const [best] = matcher.extract(ref, { limit: 1, minConfidence: 0.75 });
    if (best && letters(best.matched) === letters(ref)) byRef.set(ref, best.id);
  }
}

/** Form and API: every reference must resolve, or the `skills` field says which do not. */
export async function resolveSkillRefsStrictly(db: Db, refs: string[]): Promise<string[]> {
  const { byRef, unresolved } = await resolveSkillRefs(db, refs);
  if (unresolved.length) {
    const list = unresolved.slice(0, 5).map((r) => `“${r}”`).join(', ');
    throw validationError({ skills: [`Not in the skills taxonomy: ${list}${unresolved.length > 5 ? ` and ${unresolved.length - 5} more` : ''}. Pick skills from the search, or use skill ids or ESCO / O*NET identifiers.`] });
  }
  return [...new Set(refs.map((r) => byRef.get(r.trim())!).filter(Boolean))];
}

/**
 * Sets the accepted skills of programs. `provider` replaces the whole accepted list (what
 * the form shows); `import` replaces only rows an import added, so skills picked by hand
 * survive a re-import. An accepted suggestion that is dropped becomes rejected, so it is not
 * suggested again.
 */
export async function setAcceptedSkills(db: Db, wanted: Array<{ programId: string; skillIds: string[] }>, origin: 'provider' | 'import', userId: string | null): Promise<void> {
  if (wanted.length === 0) return;
  const programIds = wanted.map((w) => w.programId);
  const pairs = wanted.flatMap((w) => [...new Set(w.skillIds)].map((skillId) => [w.programId, skillId] as const));
  const pairPrograms = uuidArray(pairs.map((p) => p[0]));
  const pairSkills = uuidArray(pairs.map((p) => p[1]));
  const owned = origin === 'provider' ? sql`true` : sql`ps.origin = 'import'`;
  const notWanted = sql`not exists (select 1 from unnest(${pairPrograms}, ${pairSkills}) as w(program_id, skill_id) where w.program_id = ps.program_id and w.skill_id = ps.skill_id)`;
  await db.execute(sql`
    update program_skills ps set status = 'rejected', reviewed_by = ${userId}, reviewed_at = now()
    where ps.program_id = any(${uuidArray(programIds)}) and ps.status = 'accepted' and ps.origin = 'extracted' and ${owned} and ${notWanted}`);
  await db.execute(sql`
    delete from program_skills ps
    where ps.program_id = any(${uuidArray(programIds)}) and ps.status = 'accepted' and ps.origin <> 'extracted' and ${owned} and ${notWanted}`);
  if (pairs.length === 0) return;
  await db.execute(sql`
    insert into program_skills (program_id, skill_id, status, origin, reviewed_by, reviewed_at)
    select program_id, skill_id, 'accepted', ${origin}, ${userId}::uuid, now() from unnest(${pairPrograms}, ${pairSkills}) as w(program_id, skill_id)
    on conflict (program_id, skill_id) do update set status = 'accepted', reviewed_by = excluded.reviewed_by, reviewed_at = now()
    where program_skills.status <> 'accepted'`);
}

/** The text the extractor reads for a program. */
const programText = (p: { title: string; summary: string | null; description: string | null; learningOutcomes: string[] }) =>
  [p.title, p.summary, p.description, ...p.learningOutcomes].filter(Boolean).join('.\n');

/**
 * Suggests skills for programs from their title, summary, description and outcomes: new
 * matches become `suggested` rows (with confidence and the matched phrase); suggestions the
 * text no longer supports are dropped. Accepted and rejected rows are never touched.
 */
export async function suggestSkillsForPrograms(db: Db, programIds: string[]): Promise<number> {
  if (programIds.length === 0) return 0;
  const matcher = await skillMatcher();
  let suggested = 0;
  for (let i = 0; i < programIds.length; i += 500) {
    const chunk = programIds.slice(i, i + 500);
    const rows = await db
      .select({ id: programs.id, title: programs.title, summary: programs.summary, description: programs.description, learningOutcomes: programs.learningOutcomes })
      .from(programs)
      .where(inArray(programs.id, chunk));
    const found = rows.flatMap((p) => matcher.extract(programText(p), { limit: suggestionsPerProgram }).map((s) => ({ programId: p.id, ...s })));
    await db.execute(sql`
      delete from program_skills ps where ps.program_id = any(${uuidArray(chunk)}) and ps.status = 'suggested'
      and not exists (select 1 from unnest(${uuidArray(found.map((f) => f.programId))}, ${uuidArray(found.map((f) => f.id))}) as f(program_id, skill_id)
                      where f.program_id = ps.program_id and f.skill_id = ps.skill_id)`);
    if (found.length === 0) continue;
    const json = JSON.stringify(found.map((f) => ({ program_id: f.programId, skill_id: f.id, confidence: f.confidence, matched: f.matched.slice(0, 300) })));
    const inserted = await db.execute(sql`
      insert into program_skills (program_id, skill_id, status, origin, confidence, matched)
      select program_id, skill_id, 'suggested', 'extracted', confidence, matched
      from json_to_recordset(${json}::json) as f(program_id uuid, skill_id uuid, confidence float8, matched text)
      on conflict (program_id, skill_id) do update set confidence = excluded.confidence, matched = excluded.matched
      where program_skills.status = 'suggested'`);
    suggested += inserted.count ?? 0;
  }
  return suggested;
}

export type ProgramSkillRow = Pick<ProgramSkill, 'status' | 'origin' | 'confidence' | 'matched'> & Pick<Skill, 'id' | 'sourceUri' | 'kind'> & { label: string };

/** Accepted and suggested skills of one program, best suggestions first. */
export async function listProgramSkills(db: Db, programId: string): Promise<{ accepted: ProgramSkillRow[]; suggested: ProgramSkillRow[] }> {
  const rows = await db
    .select({ id: skills.id, label: skills.preferredLabel, sourceUri: skills.sourceUri, kind: skills.kind, status: programSkills.status, origin: programSkills.origin, confidence: programSkills.confidence, matched: programSkills.matched })
    .from(programSkills)
    .innerJoin(skills, eq(skills.id, programSkills.skillId))
    .where(and(eq(programSkills.programId, programId), inArray(programSkills.status, ['accepted', 'suggested'])))
    .orderBy(desc(programSkills.confidence), asc(skills.preferredLabel));
  return { accepted: rows.filter((r) => r.status === 'accepted').sort((a, b) => a.label.localeCompare(b.label)), suggested: rows.filter((r) => r.status === 'suggested') };
}

/** Accepted skills (id and label) of many programs, for search documents and cards. */
export type AcceptedSkill = { id: string; label: string; sourceUri: string };

export async function acceptedSkillsByProgram(db: Db, programIds: string[]): Promise<Map<string, AcceptedSkill[]>> {
  const map = new Map<string, AcceptedSkill[]>();
  if (programIds.length === 0) return map;
  const rows = await db
    .select({ programId: programSkills.programId, id: skills.id, label: skills.preferredLabel, sourceUri: skills.sourceUri })
    .from(programSkills)
    .innerJoin(skills, eq(skills.id, programSkills.skillId))
    .where(and(sql`${programSkills.programId} = any(${uuidArray(programIds)})`, eq(programSkills.status, 'accepted')))
    .orderBy(asc(skills.preferredLabel));
  for (const { programId, ...skill } of rows) map.set(programId, [...(map.get(programId) ?? []), skill]);
  return map;
}

export const skillReviewSchema = z.object({
  decision: z.enum(['accept', 'reject'], { error: 'Say accept or reject.' }),
  skillIds: z.array(z.string().uuid('Use skill ids.')).min(1, 'Choose at least one suggested skill.').max(200),
});

/** A reviewer accepts or rejects suggested skills of a program they manage; accepted ones are indexed. */
export async function reviewSkillSuggestions(actor: Actor, programId: string, raw: unknown): Promise<{ updated: number }> {
  assertProgramManager(actor);
  const input = parseInput(skillReviewSchema, raw);
  return getDb().transaction(async (tx) => {
    const program = await findOwnedProgram(tx, actor, programId, true);
    const updated = await tx
      .update(programSkills)
      .set({ status: input.decision === 'accept' ? 'accepted' : 'rejected', reviewedBy: actor.userId, reviewedAt: new Date() })
      .where(and(eq(programSkills.programId, program.id), inArray(programSkills.skillId, input.skillIds), eq(programSkills.status, 'suggested')))
      .returning({ skillId: programSkills.skillId });
    if (updated.length === 0) throw new AppError('conflict', 'Those suggestions were already reviewed or no longer apply. Reload to see the current ones.');
    // Accepted skills are part of the program: recommendations' candidate index reloads what was updated.
    await tx.update(programs).set({ updatedAt: sql`now()` }).where(eq(programs.id, program.id));
    await enqueueIndexing(tx, 'program', [program.id]);
    return { updated: updated.length };
  });
}

/** Re-runs the extractor on one program (after a taxonomy change, or on request). */
export async function refreshSkillSuggestions(actor: Actor, programId: string): Promise<{ suggested: number }> {
  assertProgramManager(actor);
  const db = getDb();
  const program = await findOwnedProgram(db, actor, programId);
  return { suggested: await suggestSkillsForPrograms(db, [program.id]) };
}

/** The program's skills for its manager (API and edit page). */
export async function getProgramSkillsForManager(actor: Actor, programId: string) {
  assertProgramManager(actor);
  const db = getDb();
  const program = await findOwnedProgram(db, actor, programId).catch(() => {
    throw notFound('Program');
  });
  return { ...(await listProgramSkills(db, program.id)), unmatched: program.skillRefs };
}

/**
 * Suggestions after a committed write: derived data, so a failure is logged, never the
 * writer's problem (the reviewer can ask again from the program's page).
 */
export async function suggestSkillsAfterWrite(programIds: string[]): Promise<void> {
  try {
    await suggestSkillsForPrograms(getDb(), programIds);
  } catch (error) {
    // Without a loaded taxonomy there is nothing to suggest from.
    if (error instanceof AppError && error.code === 'unavailable') return;
    console.error('[skills] suggestions failed', error);
  }
}
