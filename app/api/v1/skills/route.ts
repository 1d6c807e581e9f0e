import { parseInput } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api';
import { searchSkills, taxonomySearchSchema } from '@/lib/skills/taxonomy-search';

// GET /api/v1/skills?q= — search the skills taxonomy as you type (public)
export const GET = apiRoute(null, async ({ request }) => {
  const params = parseInput(taxonomySearchSchema, Object.fromEntries(new URL(request.url).searchParams));
  return searchSkills(params);
});
