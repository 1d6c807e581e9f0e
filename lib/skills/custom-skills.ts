import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { organisations, programs, programSkills, skills, users, type Skill } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';
import { AppError, notFound, parseInput } from '@/lib/errors';
import { enqueueIndexing } from '@/lib/search/outbox';
import { customSkillInputSchema, type CustomSkillInput } from './custom-skill-schema';
import { invalidateSkillMatcher } from './skill-extraction';
import { skillResource } from './taxonomy';
import { isUuid } from '@/lib/ids';

/*
 * Skills an organisation's admins add to the shared taxonomy. Everyone sees and picks
 * them like ESCO and O*NET skills; only admins of the organisation that added one (and
 * platform admins) may change or remove it. Anything else is simply "not found".
 */

const sourceNames: Record<Skill['source'], string> = { esco: 'ESCO', onet: 'O*NET', custom: 'custom skill' };

/** The custom skills this actor manages: its organisation's, or all for platform admins. */
function managedScope(actor: Actor): SQL {
  const custom = eq(skills.source, 'custom');
  if (actor.isPlatformAdmin) return custom;
  if (!actor.org) throw new AppError('forbidden', 'This needs an organisation: create one or accept an invite first.');
  return and(custom, eq(skills.orgId, actor.org.id))!;
}

async function findManagedSkill(db: Db, actor: Actor, id: string, lock = false): Promise<Skill> {
  if (!isUuid(id)) throw notFound('Skill');
  const query = db.select().from(skills).where(and(eq(skills.id, id), managedScope(actor)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Skill');
  return row;
}

/**
 * Refuses a label another skill already uses as its preferred label (ignoring case and
 * surrounding space). The advisory lock serialises writers of the same label, so two
 * admins adding it at once cannot both pass the check.
 */
async function assertLabelFree(db: Db, label: string, exceptId?: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'credpath:skill-label:'} || lower(${label})))`);
  const sameLabel = sql`lower(${skills.preferredLabel}) = lower(${label})`;
  const [clash] = await db
    .select({ id: skills.id, label: skills.preferredLabel, source: skills.source })
    .from(skills)
    .where(exceptId ? and(sameLabel, ne(skills.id, exceptId)) : sameLabel)
    .limit(1);
  if (!clash) return;
  throw new AppError('conflict', `The taxonomy already has a skill labelled “${clash.label}” (${sourceNames[clash.source]}).`, {
    fieldErrors: { label: [`Already used by “${clash.label}” (${sourceNames[clash.source]}): pick that skill, or add this name to it as an alternative label.`] },
    details: { existingSkillId: clash.id },
  });
}

/** Programs that list the skill as accepted: their search documents carry its label and id. */
async function programsUsing(db: Db, skillId: string): Promise<string[]> {
  const rows = await db
    .select({ id: programSkills.programId })
    .from(programSkills)
    .where(and(eq(programSkills.skillId, skillId), eq(programSkills.status, 'accepted')));
  return rows.map((r) => r.id);
}

const rowValues = (input: CustomSkillInput) => ({
  preferredLabel: input.label,
  altLabels: input.altLabels,
  description: input.description ?? null,
  kind: input.kind,
});

export async function createCustomSkill(actor: Actor, raw: unknown): Promise<Skill> {
  authorize(actor, 'skills:manage');
  const input = parseInput(customSkillInputSchema, raw);
  const created = await getDb().transaction(async (tx) => {
    await assertLabelFree(tx, input.label);
    const id = randomUUID();
    const [row] = await tx
      .insert(skills)
      .values({ ...rowValues(input), id, source: 'custom', sourceUri: `custom:${id}`, createdBy: actor.userId, orgId: actor.org?.id ?? null })
      .returning();
    await enqueueIndexing(tx, 'skill', [id]);
    return row!;
  });
  // After commit: a rebuild started earlier would not see the new row.
  invalidateSkillMatcher();
  return created;
}

/** Applies a partial change: the merged record is validated as a whole, so PATCH and the form share every rule. */
export async function updateCustomSkill(actor: Actor, id: string, raw: unknown): Promise<Skill> {
  authorize(actor, 'skills:manage');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('validation_failed', 'Send an object with the fields to change.');
  const updated = await getDb().transaction(async (tx) => {
    const existing = await findManagedSkill(tx, actor, id, true);
    const current = { label: existing.preferredLabel, altLabels: existing.altLabels, description: existing.description, kind: existing.kind };
    const input = parseInput(customSkillInputSchema, { ...current, ...raw });
    // An unchanged label is not re-checked: a later taxonomy release using it must not block edits of the rest.
    if (input.label.toLowerCase() !== existing.preferredLabel.toLowerCase()) await assertLabelFree(tx, input.label, existing.id);
    const [row] = await tx
      .update(skills)
      .set({ ...rowValues(input), updatedAt: new Date() })
      .where(eq(skills.id, existing.id))
      .returning();
    await enqueueIndexing(tx, 'skill', [existing.id]);
    if (row!.preferredLabel !== existing.preferredLabel) await enqueueIndexing(tx, 'program', await programsUsing(tx, existing.id));
    return row!;
  });
  invalidateSkillMatcher();
  return updated;
}

/** Removes the skill (returned as it was); its links (programs, occupations, gaps, demand) go with it through the foreign keys. */
export async function deleteCustomSkill(actor: Actor, id: string): Promise<Skill> {
  authorize(actor, 'skills:manage');
  const deleted = await getDb().transaction(async (tx) => {
    const existing = await findManagedSkill(tx, actor, id, true);
    // Read before the delete cascades to program_skills.
    const teaching = await programsUsing(tx, existing.id);
    await tx.delete(skills).where(eq(skills.id, existing.id));
    // Their accepted skills changed: the candidate index of recommendations reloads programs by `updated_at`.
    if (teaching.length) await tx.update(programs).set({ updatedAt: sql`now()` }).where(inArray(programs.id, teaching));
    await enqueueIndexing(tx, 'skill', [existing.id]);
    await enqueueIndexing(tx, 'program', teaching);
    return existing;
  });
  invalidateSkillMatcher();
  return deleted;
}

export async function getCustomSkillForEditing(actor: Actor, id: string): Promise<Skill> {
  authorize(actor, 'skills:manage');
  return findManagedSkill(getDb(), actor, id);
}

export type CustomSkillRow = Pick<Skill, 'id' | 'preferredLabel' | 'altLabels' | 'description' | 'kind' | 'orgId' | 'createdAt' | 'updatedAt'> & {
  orgName: string | null;
  createdByName: string | null;
};

/** The organisation's custom skills by label (platform admins: every organisation's). */
export async function listCustomSkills(actor: Actor): Promise<CustomSkillRow[]> {
  authorize(actor, 'skills:manage');
  return getDb()
    .select({
      id: skills.id,
      preferredLabel: skills.preferredLabel,
      altLabels: skills.altLabels,
      description: skills.description,
      kind: skills.kind,
      orgId: skills.orgId,
      createdAt: skills.createdAt,
      updatedAt: skills.updatedAt,
      orgName: organisations.name,
      createdByName: users.name,
    })
    .from(skills)
    .leftJoin(organisations, eq(organisations.id, skills.orgId))
    .leftJoin(users, eq(users.id, skills.createdBy))
    .where(managedScope(actor))
    .orderBy(asc(sql`lower(${skills.preferredLabel})`), asc(skills.id));
}

/** The API shape of a custom skill: a skill's, plus its owner and dates. */
export function customSkillResource(skill: Skill) {
  return { ...skillResource(skill), orgId: skill.orgId, createdAt: skill.createdAt, updatedAt: skill.updatedAt };
}
