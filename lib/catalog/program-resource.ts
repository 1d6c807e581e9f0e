import type { Program } from '@/db/schema';
import { programCompleteness } from './completeness';
import { programInputFromRow } from './program-values';

/** The API representation of a program: the input fields plus identity, status and completeness. */
export function programResource(program: Program) {
  return {
    id: program.id,
    slug: program.slug,
    orgId: program.orgId,
    ...programInputFromRow(program),
    source: program.source,
    completeness: programCompleteness(program),
    publishedAt: program.publishedAt,
    createdAt: program.createdAt,
    updatedAt: program.updatedAt,
  };
}
