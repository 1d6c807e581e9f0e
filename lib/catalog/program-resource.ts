import type { Program } from '@/db/schema';
import type { AcceptedSkill } from '@/lib/skills/program-skills';
import { programCompleteness } from './completeness';
import { programInputFromRow } from './program-values';

/**
 * The API representation of a program: the input fields plus identity, status, completeness,
 * its accepted taxonomy skills and the imported skill references no skill answered.
 */
export function programResource(program: Program, skills: AcceptedSkill[]) {
  return {
    id: program.id,
    slug: program.slug,
    orgId: program.orgId,
    ...programInputFromRow(program),
    skills,
    unmatchedSkills: program.skillRefs,
    source: program.source,
    completeness: programCompleteness(program),
    publishedAt: program.publishedAt,
    createdAt: program.createdAt,
    updatedAt: program.updatedAt,
  };
}
