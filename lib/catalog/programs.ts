import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { organisations, programLinks, programs, type Program } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';
import { AppError, notFound, parseInput } from '@/lib/errors';
import { slugify } from '@/lib/orgs/organisations';
import { enqueueIndexing } from '@/lib/search/outbox';
import { acceptedSkillsByProgram, resolveSkillRefsStrictly, setAcceptedSkills, suggestSkillsAfterWrite, type AcceptedSkill } from '@/lib/skills/program-skills';
import { programInputSchema } from './program-schema';
import { programResource } from './program-resource';
import { programInputFromRow, programValues } from './program-values';
import type { ProgramSource, ProgramStatus } from './vocabulary';
import { uuidArray } from '@/lib/ids';

/** Who may write programs: providers and admins of a training provider, or platform admins. */
export function assertProgramManager(actor: Actor | null): Actor {
  const checked = authorize(actor, 'programs:manage');
  if (!checked.isPlatformAdmin && checked.org?.kind !== 'training_provider') {
    throw new AppError('forbidden', 'Only training-provider organisations publish programs.');
  }
  return checked;
}

const newSlug = (title: string) => `${slugify(title).slice(0, 70)}-${randomBytes(4).toString('hex')}`;
const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`}::text[]`;

/** A program the actor may edit: their organisation's, or any for platform admins. Others are "not found". */
export async function findOwnedProgram(db: Db, actor: Actor, id: string, lock = false): Promise<Program> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Program');
  const scope = actor.isPlatformAdmin ? eq(programs.id, id) : and(eq(programs.id, id), eq(programs.orgId, actor.org!.id));
  const query = db.select().from(programs).where(scope);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Program');
  return row;
}

function duplicateExternalId(externalId: string): AppError {
  return new AppError('conflict', `Another program of your organisation already uses the external id “${externalId}”.`, {
    fieldErrors: { externalId: ['Already used by another of your programs.'] },
  });
}

async function assertExternalIdFree(db: Db, orgId: string, externalId: string | null | undefined, exceptId?: string) {
  if (!externalId) return;
  const [clash] = await db.select({ id: programs.id }).from(programs).where(and(eq(programs.orgId, orgId), eq(programs.externalId, externalId)));
  if (clash && clash.id !== exceptId) throw duplicateExternalId(externalId);
}

/**
 * Re-resolves stackability and prerequisite references of these programs (and of the
 * programs in their organisation that name them) to program ids: by external id in the
 * same organisation first, else by exact title.
 */
export async function resolveProgramLinks(db: Db, orgId: string, programIds: string[]): Promise<string[]> {
  if (programIds.length === 0) return [];
  const keys = await db.select({ externalId: programs.externalId, title: programs.title }).from(programs).where(sql`${programs.id} = any(${uuidArray(programIds)})`);
  const refs = keys.flatMap((k) => [k.externalId, k.title]).filter((v): v is string => !!v);
  // Programs of the organisation that name any of these by external id or title (hash join, not && per row).
  const referrers = refs.length
    ? await db.execute<{ id: string }>(sql`
        select distinct p.id from programs p
        cross join lateral unnest(p.stacks_into || p.prerequisites) as x(ref)
        join unnest(${textArray(refs)}) as k(ref) on k.ref = x.ref
        where p.org_id = ${orgId}`)
    : [];
  const ids = [...new Set([...programIds, ...referrers.map((r) => r.id)])];
  // Their resolved links change too: the candidate index of recommendations reloads programs by `updated_at`.
  const given = new Set(programIds);
  const otherReferrers = ids.filter((id) => !given.has(id));
  if (otherReferrers.length) await db.update(programs).set({ updatedAt: sql`now()` }).where(sql`${programs.id} = any(${uuidArray(otherReferrers)})`);
  await db.delete(programLinks).where(sql`${programLinks.programId} = any(${uuidArray(ids)})`);
  await db.execute(sql`
    with refs as (
      select p.id, p.org_id, 'stacks_into' as kind, unnest(p.stacks_into) as ref from programs p where p.id = any(${uuidArray(ids)})
      union all
      select p.id, p.org_id, 'requires', unnest(p.prerequisites) from programs p where p.id = any(${uuidArray(ids)})
    ), by_external as (
      select r.id, r.kind, r.ref, t.id as target from refs r join programs t on t.org_id = r.org_id and t.external_id = r.ref and t.id <> r.id
    ), by_title as (
      select distinct on (r.id, r.kind, r.ref) r.id, r.kind, r.ref, t.id as target
      from refs r join programs t on lower(t.title) = lower(r.ref) and t.id <> r.id
      where not exists (select 1 from by_external e where e.id = r.id and e.kind = r.kind and e.ref = r.ref)
      order by r.id, r.kind, r.ref, (t.org_id = r.org_id) desc, t.created_at
    )
    insert into program_links (program_id, kind, target_program_id)
    select id, kind, target from by_external union select id, kind, target from by_title
    on conflict do nothing`);
  return ids;
}

export async function createProgram(actor: Actor, raw: unknown, opts: { orgId?: string; source?: ProgramSource } = {}): Promise<Program> {
  assertProgramManager(actor);
  const input = parseInput(programInputSchema, raw);
  const orgId = opts.orgId && actor.isPlatformAdmin ? opts.orgId : actor.org?.id;
  if (!orgId) throw new AppError('validation_failed', 'Choose the provider organisation that owns this program.');
  const program = await getDb().transaction(async (tx) => {
    const skillIds = await resolveSkillRefsStrictly(tx, input.skills);
    await assertExternalIdFree(tx, orgId, input.externalId);
    const [row] = await tx
      .insert(programs)
      .values({ ...programValues(input), orgId, slug: newSlug(input.title), source: opts.source ?? 'manual', publishedAt: input.status === 'published' ? new Date() : null })
      .returning();
    await setAcceptedSkills(tx, [{ programId: row!.id, skillIds }], 'provider', actor.userId);
    const touched = await resolveProgramLinks(tx, orgId, [row!.id]);
    await enqueueIndexing(tx, 'program', touched);
    return row!;
  });
  await suggestSkillsAfterWrite([program.id]);
  return program;
}

/**
 * Applies a partial change: the merged record is validated as a whole, so PATCH and the form
 * share every rule. `skills`, when sent, replaces the accepted skills; when absent they stay.
 */
export async function updateProgram(actor: Actor, id: string, patch: Record<string, unknown>): Promise<Program> {
  assertProgramManager(actor);
  const program = await getDb().transaction(async (tx) => {
    const existing = await findOwnedProgram(tx, actor, id, true);
    const input = parseInput(programInputSchema, { ...programInputFromRow(existing), ...patch });
    const isSettingSkills = 'skills' in patch;
    const skillIds = isSettingSkills ? await resolveSkillRefsStrictly(tx, input.skills) : [];
    await assertExternalIdFree(tx, existing.orgId, input.externalId, existing.id);
    const isNewlyPublished = input.status === 'published' && existing.status !== 'published';
    const [row] = await tx
      .update(programs)
      // The database's clock, like every other write of `updated_at`: the candidate index reloads by it.
      .set({ ...programValues(input), ...(isSettingSkills ? {} : { skillRefs: existing.skillRefs }), updatedAt: sql`now()`, ...(isNewlyPublished ? { publishedAt: new Date() } : {}) })
      .where(eq(programs.id, existing.id))
      .returning();
    if (isSettingSkills) await setAcceptedSkills(tx, [{ programId: row!.id, skillIds }], 'provider', actor.userId);
    const touched = await resolveProgramLinks(tx, existing.orgId, [row!.id]);
    await enqueueIndexing(tx, 'program', touched);
    return { row: row!, isTextChanged: programTextChanged(existing, row!) };
  });
  if (program.isTextChanged) await suggestSkillsAfterWrite([program.row.id]);
  return program.row;
}

const programTextChanged = (a: Program, b: Program) =>
  a.title !== b.title || a.summary !== b.summary || a.description !== b.description || a.learningOutcomes.join('\n') !== b.learningOutcomes.join('\n');

export async function setProgramStatus(actor: Actor, id: string, status: ProgramStatus): Promise<Program> {
  return updateProgram(actor, id, { status });
}

export async function deleteProgram(actor: Actor, id: string): Promise<void> {
  assertProgramManager(actor);
  await getDb().transaction(async (tx) => {
    const existing = await findOwnedProgram(tx, actor, id, true);
    const incoming = await tx.select({ id: programLinks.programId }).from(programLinks).where(eq(programLinks.targetProgramId, existing.id));
    await tx.delete(programs).where(eq(programs.id, existing.id));
    await enqueueIndexing(tx, 'program', [existing.id, ...incoming.map((r) => r.id)]);
  });
}

export async function getProgramForEditing(actor: Actor, id: string): Promise<Program> {
  assertProgramManager(actor);
  return findOwnedProgram(getDb(), actor, id);
}

export type LinkedProgram = { id: string; slug: string; title: string; externalId: string | null; credentialType: Program['credentialType']; status: Program['status'] };

export type ProgramPage = {
  program: Program;
  ownerName: string;
  isOwnerView: boolean;
  stacksInto: LinkedProgram[];
  stackedFrom: LinkedProgram[];
  requires: LinkedProgram[];
  skills: AcceptedSkill[];
};

/**
 * A program page: published programs for everyone; drafts and archived ones only for
 * their organisation (preview) and platform admins. Links are shown when published.
 */
export async function getProgramPage(slugOrId: string, actor: Actor | null): Promise<ProgramPage> {
  const db = getDb();
  const isId = /^[0-9a-f-]{36}$/i.test(slugOrId);
  const [row] = await db
    .select({ program: programs, ownerName: organisations.name })
    .from(programs)
    .innerJoin(organisations, eq(organisations.id, programs.orgId))
    .where(isId ? eq(programs.id, slugOrId) : eq(programs.slug, slugOrId));
  const isOwnerView = !!row && !!actor && (actor.isPlatformAdmin || actor.org?.id === row.program.orgId);
  if (!row || (row.program.status !== 'published' && !isOwnerView)) throw notFound('Program');

  const linked = await db
    .select({ direction: sql<'out' | 'in'>`case when ${programLinks.programId} = ${row.program.id} then 'out' else 'in' end`, kind: programLinks.kind, id: programs.id, slug: programs.slug, title: programs.title, externalId: programs.externalId, credentialType: programs.credentialType, status: programs.status })
    .from(programLinks)
    .innerJoin(programs, sql`${programs.id} = case when ${programLinks.programId} = ${row.program.id} then ${programLinks.targetProgramId} else ${programLinks.programId} end`)
    .where(or(eq(programLinks.programId, row.program.id), eq(programLinks.targetProgramId, row.program.id)))
    .orderBy(asc(programs.title));
  const visible = linked.filter((l) => l.status === 'published' || isOwnerView);
  const pick = (direction: 'out' | 'in', kind: string) =>
    visible.filter((l) => l.direction === direction && l.kind === kind).map(({ id, slug, title, externalId, credentialType, status }) => ({ id, slug, title, externalId, credentialType, status }));
  const skills = (await acceptedSkillsByProgram(db, [row.program.id])).get(row.program.id) ?? [];
  return { program: row.program, ownerName: row.ownerName, isOwnerView, stacksInto: pick('out', 'stacks_into'), stackedFrom: pick('in', 'stacks_into'), requires: pick('out', 'requires'), skills };
}

/** References (external ids or titles) that no linked program answers, shown as plain text. */
export function unresolvedRefs(refs: string[], linked: Array<Pick<LinkedProgram, 'externalId' | 'title'>>): string[] {
  return refs.filter((ref) => !linked.some((l) => l.externalId === ref || l.title.toLowerCase() === ref.toLowerCase()));
}

/** Titles of the programs each of these programs stacks into, in one query. */
export async function stackTargetTitles(programIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (programIds.length === 0) return map;
  const rows = await getDb()
    .select({ programId: programLinks.programId, title: programs.title })
    .from(programLinks)
    .innerJoin(programs, eq(programs.id, programLinks.targetProgramId))
    .where(and(inArray(programLinks.programId, programIds), eq(programLinks.kind, 'stacks_into'), eq(programs.status, 'published')));
  for (const row of rows) map.set(row.programId, [...(map.get(row.programId) ?? []), row.title]);
  return map;
}

/** A program as the API returns it, with its accepted skills. */
export async function programWithSkills(program: Program) {
  const skills = (await acceptedSkillsByProgram(getDb(), [program.id])).get(program.id) ?? [];
  return programResource(program, skills);
}

export async function getProgramsByIds(ids: string[], actor: Actor | null): Promise<Program[]> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (valid.length === 0) return [];
  const rows = await getDb().select().from(programs).where(inArray(programs.id, valid));
  const visible = rows.filter((p) => p.status === 'published' || actor?.isPlatformAdmin || actor?.org?.id === p.orgId);
  return valid.map((id) => visible.find((p) => p.id === id)).filter((p): p is Program => !!p);
}

export async function listOrgPrograms(actor: Actor, filter: { status?: ProgramStatus; q?: string; page?: number; perPage?: number } = {}) {
  assertProgramManager(actor);
  const conditions: SQL[] = [];
  if (!actor.isPlatformAdmin || actor.org) conditions.push(eq(programs.orgId, actor.org!.id));
  if (filter.status) conditions.push(eq(programs.status, filter.status));
  if (filter.q) conditions.push(ilike(programs.title, `%${filter.q.replace(/[%_]/g, '\\$&')}%`));
  const perPage = Math.min(filter.perPage ?? 50, 200);
  const page = Math.max(filter.page ?? 1, 1);
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    getDb().select().from(programs).where(where).orderBy(desc(programs.updatedAt)).limit(perPage).offset((page - 1) * perPage),
    getDb().select({ n: count() }).from(programs).where(where),
  ]);
  return { programs: rows, total: total?.n ?? 0, page, perPage };
}

