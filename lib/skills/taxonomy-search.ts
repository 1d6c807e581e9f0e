import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { getMeili } from '@/lib/search/client';
import { occupationIndexName, skillIndexName, type OccupationDocument, type SkillDocument } from '@/lib/search/taxonomy-index';

export const taxonomySearchSchema = z.object({
  q: z.string().trim().min(1, 'Type at least one character.').max(200, 'Keep the search under 200 characters.'),
  limit: z.coerce.number().int().min(1).max(50, 'limit must be at most 50.').default(10),
  kind: z.enum(['skill', 'knowledge', 'tool']).optional(),
});
export type TaxonomySearchParams = z.infer<typeof taxonomySearchSchema>;

async function search<T>(uid: string, params: TaxonomySearchParams, filter?: string): Promise<{ hits: T[]; total: number }> {
  try {
    const res = await getMeili().index(uid).search(params.q, { limit: params.limit, filter, attributesToHighlight: [] });
    return { hits: res.hits as T[], total: res.estimatedTotalHits ?? res.hits.length };
  } catch (error) {
    throw new AppError('unavailable', 'Skill search is temporarily unavailable. Please try again in a moment.', { details: { cause: error instanceof Error ? error.message : String(error) } });
  }
}

/** As-you-type skill search with typo tolerance; alternate labels match like the preferred one. */
export const searchSkills = (params: TaxonomySearchParams) => search<SkillDocument>(skillIndexName(), params, params.kind ? `kind = "${params.kind}"` : undefined);

export const searchOccupations = (params: TaxonomySearchParams) => search<OccupationDocument>(occupationIndexName(), params);
