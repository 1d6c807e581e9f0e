import { gapCoverage } from '@/lib/employers/coverage';
import { apiRoute } from '@/lib/http/api';

// GET /api/v1/skill-gaps/{id}/coverage — programs in or near the region (or online there) teaching its skills, and the least-cost pathway
export const GET = apiRoute<{ id: string }>('gaps:manage', async ({ actor, params }) => gapCoverage(actor, params.id));
