import { topInDemandSkills } from '@/lib/demand/demand-scores';
import { apiRoute } from '@/lib/http/api';

// GET /api/v1/skills/in-demand?region=US-NY&limit=25 — a region's top in-demand skills, with the signals behind each score (public)
export const GET = apiRoute(null, async ({ request }) => topInDemandSkills(Object.fromEntries(new URL(request.url).searchParams)));
