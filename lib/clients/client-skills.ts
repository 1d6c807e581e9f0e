import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { clientSkills, occupations, occupationSkills, skills } from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { notFound, parseInput } from '@/lib/errors';
import { resolveSkillRefsStrictly } from '@/lib/skills/program-skills';
import { clientSkillInputSchema } from './client-schema';
import { findOrgClient, recordClientEvent } from './clients';

export type ClientSkillRow = { skillId: string; label: string; sourceUri: string; level: string; evidence: string; note: string | null };

export async function listClientSkills(db: Db, clientId: string): Promise<ClientSkillRow[]> {
  return db
    .select({ skillId: skills.id, label: skills.preferredLabel, sourceUri: skills.sourceUri, level: clientSkills.level, evidence: clientSkills.evidence, note: clientSkills.note })
    .from(clientSkills)
    .innerJoin(skills, eq(skills.id, clientSkills.skillId))
    .where(eq(clientSkills.clientId, clientId))
    .orderBy(asc(skills.preferredLabel));
}

/** Adds (or re-levels) one skill of the client's profile, with its evidence. */
export async function addClientSkill(actor: Actor, clientId: string, raw: unknown): Promise<ClientSkillRow[]> {
  const input = parseInput(clientSkillInputSchema, raw);
  return getDb().transaction(async (tx) => {
    const client = await findOrgClient(tx, actor, clientId, false, { allowSelf: 'self_managed' });
    const [skillId] = await resolveSkillRefsStrictly(tx, [input.skill]);
    await tx
      .insert(clientSkills)
      .values({ clientId: client.id, skillId: skillId!, level: input.level, evidence: input.evidence, note: input.note ?? null })
      .onConflictDoUpdate({ target: [clientSkills.clientId, clientSkills.skillId], set: { level: input.level, evidence: input.evidence, note: input.note ?? null } });
    const [label] = await tx.select({ label: skills.preferredLabel }).from(skills).where(eq(skills.id, skillId!));
    await recordClientEvent(tx, client.id, actor, 'skill', `Skill “${label?.label}” recorded (${input.level}, ${input.evidence.replace('_', ' ')}).`);
    return listClientSkills(tx, client.id);
  });
}

export async function removeClientSkill(actor: Actor, clientId: string, skillId: string): Promise<ClientSkillRow[]> {
  return getDb().transaction(async (tx) => {
    const client = await findOrgClient(tx, actor, clientId, false, { allowSelf: 'self_managed' });
    const removed = await tx.delete(clientSkills).where(and(eq(clientSkills.clientId, client.id), eq(clientSkills.skillId, skillId))).returning();
    if (removed.length === 0) throw notFound('Skill on this profile');
    await recordClientEvent(tx, client.id, actor, 'skill', 'A skill was removed from the profile.');
    return listClientSkills(tx, client.id);
  });
}

/** The skills an occupation relies on most: O*NET importance ≥ 3.5 or In Demand technologies; ESCO essential skills. */
export async function coreSkillsOfOccupation(db: Db, occupationRef: string): Promise<{ occupation: { id: string; title: string }; skills: Array<{ skillId: string; importance: number }> }> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(occupationRef);
  const [occupation] = await db
    .select({ id: occupations.id, title: occupations.title })
    .from(occupations)
    .where(isUuid ? eq(occupations.id, occupationRef) : sql`${occupations.code} = ${occupationRef} or ${occupations.sourceUri} = ${occupationRef} or lower(${occupations.title}) = lower(${occupationRef})`)
    .limit(1);
  if (!occupation) throw notFound('Occupation');
  const rows = await db
    .select({ skillId: occupationSkills.skillId, importance: occupationSkills.importance, relation: occupationSkills.relation, isInDemand: occupationSkills.isInDemand })
    .from(occupationSkills)
    .where(eq(occupationSkills.occupationId, occupation.id))
    .orderBy(desc(occupationSkills.importance));
  const core = rows
    .filter((r) => r.relation === 'essential' || (r.relation === 'rated' && r.importance >= 3.5) || (r.relation === 'technology' && r.isInDemand))
    .map((r) => ({ skillId: r.skillId, importance: r.relation === 'technology' ? 3.5 : r.importance }))
    .slice(0, 40);
  return { occupation, skills: core };
}

/** Quick add: every core skill of a past occupation (self-reported), for the practitioner to prune. */
export async function addOccupationSkills(actor: Actor, clientId: string, occupationRef: string): Promise<{ added: number }> {
  return getDb().transaction(async (tx) => {
    const client = await findOrgClient(tx, actor, clientId, false, { allowSelf: 'self_managed' });
    const { occupation, skills: core } = await coreSkillsOfOccupation(tx, occupationRef);
    if (core.length === 0) return { added: 0 };
    const added = await tx
      .insert(clientSkills)
      .values(core.map((s) => ({ clientId: client.id, skillId: s.skillId, evidence: 'self_reported' as const, note: `From past occupation: ${occupation.title}` })))
      .onConflictDoNothing()
      .returning();
    await recordClientEvent(tx, client.id, actor, 'skill', `${added.length} skills added from the past occupation “${occupation.title}”.`);
    return { added: added.length };
  });
}
