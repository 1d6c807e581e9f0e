import { NextResponse } from 'next/server';
import { createGoal, getGoalGap, listClientGoals } from '@/lib/clients/goals';
import { apiRoute, readJson } from '@/lib/http/api';

// GET /api/v1/clients/{id}/goals — goals with their gap (missing skills, in demand in the client's region, coverage)
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => ({ goals: await listClientGoals(actor, params.id) }));

// POST /api/v1/clients/{id}/goals — { "kind": "occupation" | "gap" | "custom", "occupation" | "gapId" | "skills", "title", "targetDate", "priority" }
export const POST = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  const goal = await createGoal(actor, params.id, await readJson(request));
  return NextResponse.json(await getGoalGap(actor, goal.id), { status: 201 });
});
