import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api';
import { getPlan } from '@/lib/plans/plan-details';
import { addPlanStep, reorderPlanSteps } from '@/lib/plans/plans';

// POST /api/v1/plans/{id}/steps — add a published program: { "programId", "gapSkillIds"?, "expectedVersion" }
export const POST = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  await addPlanStep(actor, params.id, await readJson(request));
  return NextResponse.json(await getPlan(actor, params.id), { status: 201 });
});

// PUT /api/v1/plans/{id}/steps — reorder: { "stepIds": [every step id, in the new order], "expectedVersion" }
export const PUT = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  await reorderPlanSteps(actor, params.id, await readJson(request));
  return getPlan(actor, params.id);
});
