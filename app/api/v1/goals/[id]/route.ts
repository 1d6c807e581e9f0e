import { deleteGoal, getGoalGap } from '@/lib/clients/goals';
import { apiRoute } from '@/lib/http/api';

// GET /api/v1/goals/{id} — a goal with its gap
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => getGoalGap(actor, params.id));

// DELETE /api/v1/goals/{id}
export const DELETE = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => {
  await deleteGoal(actor, params.id);
  return new Response(null, { status: 204 });
});
