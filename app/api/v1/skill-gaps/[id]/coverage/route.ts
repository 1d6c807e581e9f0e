import { gapCoverage } from '@/lib/employers/coverage';
import { seekerSupplyForGap } from '@/lib/employers/seeker-supply';
import { apiRoute } from '@/lib/http/api';

// GET /api/v1/skill-gaps/{id}/coverage — programs in or near the region (or online there) teaching its skills, the least-cost pathway, and consenting job seekers
export const GET = apiRoute<{ id: string }>('gaps:manage', async ({ actor, params }) => {
  const coverage = await gapCoverage(actor, params.id);
  // Job seekers in the region: consenting clients only, counted; named only when they opted in.
  return { ...coverage, seekers: await seekerSupplyForGap(coverage.gap) };
});
