import { parseInput } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api';
import { searchOccupations, taxonomySearchSchema } from '@/lib/skills/taxonomy-search';

// GET /api/v1/occupations?q= — search occupations (ESCO and O*NET) as you type (public)
export const GET = apiRoute(null, async ({ request }) => {
  const params = parseInput(taxonomySearchSchema, Object.fromEntries(new URL(request.url).searchParams));
  return searchOccupations(params);
});
