import 'server-only';
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { occupations, skillGaps, skillGapSkills, skills, type SkillGap } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';
import { AppError, notFound, parseInput, validationError, type FieldErrors } from '@/lib/errors';
import { invalidateDemandCache } from '@/lib/demand/demand-scores';
import { resolveSkillRefs } from '@/lib/skills/program-skills';
import { gapInputSchema, gapListSchema, type GapInput, type GapInputRaw } from './gap-schema';
import { isUuid } from '@/lib/ids';

/** Employers and admins of an employer organisation (or platform admins) manage its gaps. */
export function assertGapManager(actor: Actor | null): Actor {
  const checked = authorize(actor, 'gaps:manage');
  if (!checked.isPlatformAdmin && checked.org?.kind !== 'employer') throw new AppError('forbidden', 'Only employer organisations post skill gaps.');
  return checked;
}

/** A gap of the actor's organisation; anything else is "not found", so ids never leak. */
async function findOwnedGap(db: Db, actor: Actor, id: string, lock = false): Promise<SkillGap> {
  if (!isUuid(id)) throw notFound('Skill gap');
  const scope = actor.isPlatformAdmin && !actor.org ? eq(skillGaps.id, id) : and(eq(skillGaps.id, id), eq(skillGaps.orgId, actor.org!.id));
  const query = db.select().from(skillGaps).where(scope);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Skill gap');
  return row;
}

export type ResolvedGap = { input: GapInput; occupationId: string | null; skills: Array<{ skillId: string; level: GapInput['skills'][number]['level']; isMustHave: boolean }> };

/** Skill and occupation references → ids, with a field error on each one the taxonomy does not know. */
export async function resolveGapReferences(db: Db, input: GapInput, resolvedRefs?: Map<string, string>): Promise<ResolvedGap | { fieldErrors: FieldErrors }> {
  const fieldErrors: FieldErrors = {};
  const byRef = resolvedRefs ?? (await resolveSkillRefs(db, input.skills.map((s) => s.skill))).byRef;
  const resolved = input.skills.map((s, i) => {
    const skillId = byRef.get(s.skill.trim());
    if (!skillId) fieldErrors[`skills.${i}.skill`] = [`“${s.skill}” is not in the skills taxonomy.`];
    return { skillId: skillId ?? '', level: s.level, isMustHave: s.isMustHave };
  });
  const ids = resolved.map((s) => s.skillId).filter(Boolean);
  if (new Set(ids).size !== ids.length) fieldErrors.skills = ['Two entries name the same skill.'];
  let occupationId: string | null = null;
  if (input.occupation) {
    const ref = input.occupation;
    const [row] = await db
      .select({ id: occupations.id })
      .from(occupations)
      .where(isUuid(ref) ? eq(occupations.id, ref) : sql`${occupations.code} = ${ref} or ${occupations.sourceUri} = ${ref} or lower(${occupations.title}) = lower(${ref})`)
      .limit(1);
    if (row) occupationId = row.id;
    else fieldErrors.occupation = [`“${ref}” is not an occupation in the taxonomy.`];
  }
  if (Object.keys(fieldErrors).length) return { fieldErrors };
  return { input, occupationId, skills: resolved };
}

const gapColumns = (r: ResolvedGap) => ({
  roleTitle: r.input.roleTitle,
  occupationId: r.occupationId,
  country: r.input.region.split('-')[0]!,
  region: r.input.region,
  city: r.input.city ?? null,
  headcount: r.input.headcount,
  urgency: r.input.urgency,
  targetDate: r.input.targetDate ?? null,
  description: r.input.description ?? null,
});

/** Writes resolved gaps and their skills (inside the caller's transaction). */
export async function insertGaps(db: Db, orgId: string, userId: string | null, gaps: ResolvedGap[]): Promise<string[]> {
  if (gaps.length === 0) return [];
  const rows = await db
    .insert(skillGaps)
    .values(gaps.map((g) => ({ ...gapColumns(g), orgId, createdBy: userId })))
    .returning({ id: skillGaps.id });
  const links = rows.flatMap((row, i) => gaps[i]!.skills.map((s) => ({ gapId: row.id, ...s })));
  for (let i = 0; i < links.length; i += 5000) await db.insert(skillGapSkills).values(links.slice(i, i + 5000));
  return rows.map((r) => r.id);
}

async function parseAndResolve(db: Db, raw: unknown): Promise<ResolvedGap> {
  const input = parseInput(gapInputSchema, raw);
  const resolved = await resolveGapReferences(db, input);
  if ('fieldErrors' in resolved) throw validationError(resolved.fieldErrors);
  return resolved;
}

export async function createGap(actor: Actor, raw: unknown): Promise<GapDetail> {
  assertGapManager(actor);
  if (!actor.org) throw new AppError('validation_failed', 'Post gaps from inside an employer organisation.');
  const id = await getDb().transaction(async (tx) => {
    const resolved = await parseAndResolve(tx, raw);
    return (await insertGaps(tx, actor.org!.id, actor.userId, [resolved]))[0]!;
  });
  invalidateDemandCache();
  return getGap(actor, id);
}

/** The stored gap in the input shape, so a PATCH merges and is validated as a whole. */
function gapInputFromDetail(detail: GapDetail): GapInputRaw {
  const g = detail.gap;
  return {
    roleTitle: g.roleTitle,
    occupation: g.occupationId ?? undefined,
    region: g.region,
    city: g.city ?? undefined,
    headcount: g.headcount,
    urgency: g.urgency,
    targetDate: g.targetDate ?? undefined,
    description: g.description ?? undefined,
    skills: detail.skills.map((s) => ({ skill: s.skillId, level: s.level, isMustHave: s.isMustHave })),
  };
}

export async function updateGap(actor: Actor, id: string, patch: Record<string, unknown>): Promise<GapDetail> {
  assertGapManager(actor);
  await getDb().transaction(async (tx) => {
    const existing = await findOwnedGap(tx, actor, id, true);
    const current = await loadGapDetail(tx, existing);
    const resolved = await parseAndResolve(tx, { ...gapInputFromDetail(current), ...patch });
    await tx.update(skillGaps).set({ ...gapColumns(resolved), updatedAt: new Date() }).where(eq(skillGaps.id, existing.id));
    await tx.delete(skillGapSkills).where(eq(skillGapSkills.gapId, existing.id));
    await tx.insert(skillGapSkills).values(resolved.skills.map((s) => ({ gapId: existing.id, ...s })));
  });
  invalidateDemandCache();
  return getGap(actor, id);
}

/** Close, or reopen (demand counts a reopened gap as fresh news again). */
export async function setGapStatus(actor: Actor, id: string, status: 'open' | 'closed'): Promise<GapDetail> {
  assertGapManager(actor);
  await getDb().transaction(async (tx) => {
    const gap = await findOwnedGap(tx, actor, id, true);
    if (gap.status === status) return;
    if (status === 'open' && gap.targetDate && gap.targetDate < new Date().toISOString().slice(0, 10)) {
      throw validationError({ targetDate: ['The target date has passed: set a new one to reopen this gap.'] }, 'Set a new target date to reopen this gap.');
    }
    await tx
      .update(skillGaps)
      .set(status === 'open' ? { status, openedAt: new Date(), closedAt: null, updatedAt: new Date() } : { status, closedAt: new Date(), updatedAt: new Date() })
      .where(eq(skillGaps.id, gap.id));
  });
  invalidateDemandCache();
  return getGap(actor, id);
}

export async function deleteGap(actor: Actor, id: string): Promise<void> {
  assertGapManager(actor);
  await getDb().transaction(async (tx) => {
    const gap = await findOwnedGap(tx, actor, id, true);
    await tx.delete(skillGaps).where(eq(skillGaps.id, gap.id));
  });
  invalidateDemandCache();
}

export type GapSkill = { skillId: string; label: string; sourceUri: string; level: GapInput['skills'][number]['level']; isMustHave: boolean };
export type GapDetail = { gap: SkillGap; occupationTitle: string | null; occupationCode: string | null; skills: GapSkill[] };

async function loadGapDetail(db: Db, gap: SkillGap): Promise<GapDetail> {
  const [gapSkills, occupation] = await Promise.all([
    db
      .select({ skillId: skills.id, label: skills.preferredLabel, sourceUri: skills.sourceUri, level: skillGapSkills.level, isMustHave: skillGapSkills.isMustHave })
      .from(skillGapSkills)
      .innerJoin(skills, eq(skills.id, skillGapSkills.skillId))
      .where(eq(skillGapSkills.gapId, gap.id))
      .orderBy(desc(skillGapSkills.isMustHave), asc(skills.preferredLabel)),
    gap.occupationId ? db.select({ title: occupations.title, code: occupations.code }).from(occupations).where(eq(occupations.id, gap.occupationId)) : Promise.resolve([]),
  ]);
  return { gap, occupationTitle: occupation[0]?.title ?? null, occupationCode: occupation[0]?.code ?? null, skills: gapSkills };
}

export async function getGap(actor: Actor, id: string): Promise<GapDetail> {
  assertGapManager(actor);
  const db = getDb();
  return loadGapDetail(db, await findOwnedGap(db, actor, id));
}

export type GapListItem = SkillGap & { skillCount: number; mustHaveLabels: string[] };

/** The organisation's gaps, newest first, filtered by status, region or title. */
export async function listGaps(actor: Actor, raw: unknown = {}): Promise<GapListItem[]> {
  assertGapManager(actor);
  const filter = parseInput(gapListSchema, raw);
  const conditions: SQL[] = [];
  if (actor.org) conditions.push(eq(skillGaps.orgId, actor.org.id));
  if (filter.status) conditions.push(eq(skillGaps.status, filter.status));
  if (filter.region) conditions.push(eq(skillGaps.region, filter.region));
  if (filter.q) conditions.push(ilike(skillGaps.roleTitle, `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`));
  const rows = await getDb()
    .select()
    .from(skillGaps)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(skillGaps.createdAt))
    .limit(500);
  if (rows.length === 0) return [];
  const gapSkills = await getDb()
    .select({ gapId: skillGapSkills.gapId, label: skills.preferredLabel, isMustHave: skillGapSkills.isMustHave })
    .from(skillGapSkills)
    .innerJoin(skills, eq(skills.id, skillGapSkills.skillId))
    .where(inArray(skillGapSkills.gapId, rows.map((r) => r.id)))
    .orderBy(asc(skills.preferredLabel));
  return rows.map((r) => {
    const mine = gapSkills.filter((s) => s.gapId === r.id);
    return { ...r, skillCount: mine.length, mustHaveLabels: mine.filter((s) => s.isMustHave).map((s) => s.label) };
  });
}
