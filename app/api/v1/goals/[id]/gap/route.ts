import { getGoalGap } from '@/lib/clients/goals';
import { apiRoute } from '@/lib/http/api';

// GET /api/v1/goals/{id}/gap — required skills the client lacks (importance, in demand in their region) and coverage
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => getGoalGap(actor, params.id));
