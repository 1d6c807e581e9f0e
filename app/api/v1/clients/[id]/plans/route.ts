import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api';
import { getPlan } from '@/lib/plans/plan-details';
import { createPlan, listClientPlans } from '@/lib/plans/plans';

// GET /api/v1/clients/{id}/plans — the client's plans, newest change first
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => ({ plans: await listClientPlans(actor, params.id) }));

// POST /api/v1/clients/{id}/plans — { "title"?, "goalId"?, "steps": [{ "programId", "gapSkillIds"? }] }
export const POST = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  const plan = await createPlan(actor, params.id, await readJson(request));
  return NextResponse.json(await getPlan(actor, plan.id), { status: 201 });
});
