import { apiRoute } from '@/lib/http/api';
import { recommendProgramsForGoal } from '@/lib/recommendations/recommendations';

// GET /api/v1/goals/{id}/recommendations — ordered programs closing the goal's gap under the client's constraints, with why and alternatives
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => recommendProgramsForGoal(actor, params.id));
