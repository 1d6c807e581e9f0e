import 'server-only';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { occupations, occupationSkills, skills, type Occupation, type Skill } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { isUuid } from '@/lib/ids';

/** A web page for the skill's source record, for people to check the definition. */
export function skillSourceLink(skill: Pick<Skill, 'source' | 'sourceUri'>): string | null {
  if (skill.source === 'esco') return `https://esco.ec.europa.eu/en/classification/skill?uri=${encodeURIComponent(skill.sourceUri)}`;
  if (skill.sourceUri.startsWith('onet:')) return 'https://www.onetcenter.org/content.html';
  if (skill.sourceUri.startsWith('onet-tech:')) return 'https://www.onetonline.org/search/hot_tech/';
  return null;
}

/** The API shape of a skill: one for the taxonomy's and custom skills alike. */
export function skillResource(skill: Skill) {
  return {
    id: skill.id,
    label: skill.preferredLabel,
    altLabels: skill.altLabels,
    description: skill.description,
    kind: skill.kind,
    source: skill.source,
    sourceUri: skill.sourceUri,
    sourceLink: skillSourceLink(skill),
    reuseLevel: skill.reuseLevel,
    onetTechnologies: skill.onetTechnologies,
    isHotTechnology: skill.isHotTechnology,
    inDemandOccupations: skill.inDemandOccupations,
  };
}

export function occupationSourceLink(occupation: Pick<Occupation, 'source' | 'sourceUri' | 'code'>): string {
  return occupation.source === 'esco'
    ? `https://esco.ec.europa.eu/en/classification/occupation?uri=${encodeURIComponent(occupation.sourceUri)}`
    : `https://www.onetonline.org/link/summary/${occupation.code}`;
}

export type SkillDetail = {
  skill: Skill;
  occupations: Array<{ id: string; title: string; code: string; source: Occupation['source']; relation: string; importance: number }>;
};

/** A skill by id (or source URI), with the occupations that need it most. */
export async function getSkillDetail(idOrUri: string): Promise<SkillDetail> {
  const db = getDb();
  const skill = await db.query.skills.findFirst({ where: isUuid(idOrUri) ? eq(skills.id, idOrUri) : eq(skills.sourceUri, idOrUri) });
  if (!skill) throw notFound('Skill');
  const related = await db
    .select({ id: occupations.id, title: occupations.title, code: occupations.code, source: occupations.source, relation: occupationSkills.relation, importance: occupationSkills.importance })
    .from(occupationSkills)
    .innerJoin(occupations, eq(occupations.id, occupationSkills.occupationId))
    .where(eq(occupationSkills.skillId, skill.id))
    .orderBy(desc(occupationSkills.importance), occupations.title)
    .limit(25);
  return { skill, occupations: related };
}

export type OccupationDetail = {
  occupation: Occupation;
  skills: Array<{ id: string; label: string; kind: Skill['kind']; sourceUri: string; relation: string; importance: number; isInDemand: boolean; isHotTechnology: boolean }>;
  related: Array<{ id: string; title: string; code: string; shared: number }>;
};

/** An occupation with its required skills by importance and the occupations sharing most of them. */
export async function getOccupationDetail(idOrCode: string): Promise<OccupationDetail> {
  const db = getDb();
  const occupation = await db.query.occupations.findFirst({
    where: isUuid(idOrCode) ? eq(occupations.id, idOrCode) : sql`${occupations.code} = ${idOrCode} or ${occupations.sourceUri} = ${idOrCode}`,
  });
  if (!occupation) throw notFound('Occupation');
  const required = await db
    .select({ id: skills.id, label: skills.preferredLabel, kind: skills.kind, sourceUri: skills.sourceUri, relation: occupationSkills.relation, importance: occupationSkills.importance, isInDemand: occupationSkills.isInDemand, isHotTechnology: skills.isHotTechnology })
    .from(occupationSkills)
    .innerJoin(skills, eq(skills.id, occupationSkills.skillId))
    .where(eq(occupationSkills.occupationId, occupation.id))
    .orderBy(desc(occupationSkills.importance), skills.preferredLabel);
  const core = required.filter((s) => s.importance >= 3).map((s) => s.id);
  const related = core.length
    ? await db
        .select({ id: occupations.id, title: occupations.title, code: occupations.code, shared: sql<number>`count(*)::int` })
        .from(occupationSkills)
        .innerJoin(occupations, eq(occupations.id, occupationSkills.occupationId))
        .where(and(inArray(occupationSkills.skillId, core), ne(occupationSkills.occupationId, occupation.id), eq(occupations.source, occupation.source)))
        .groupBy(occupations.id)
        .orderBy(sql`count(*) desc`, occupations.title)
        .limit(8)
    : [];
  return { occupation, skills: required, related };
}

/** Preferred labels of skill ids (ignores values that are not ids), for filter chips. */
export async function skillLabelsByIds(values: string[]): Promise<Map<string, string>> {
  const ids = values.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await getDb().select({ id: skills.id, label: skills.preferredLabel }).from(skills).where(inArray(skills.id, ids));
  return new Map(rows.map((r) => [r.id, r.label]));
}
