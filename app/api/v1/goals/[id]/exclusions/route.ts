import { apiRoute, readJson } from '@/lib/http/api';
import { recommendProgramsForGoal, setProgramExcluded } from '@/lib/recommendations/recommendations';

// POST /api/v1/goals/{id}/exclusions — { programId, isExcluded } leaves a program out of (or back in) the recommendations; answers with the re-run
export const POST = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  await setProgramExcluded(actor, params.id, await readJson(request));
  return recommendProgramsForGoal(actor, params.id);
});
