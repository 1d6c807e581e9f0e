import { apiRoute, readJson } from '@/lib/http/api';
import { getPlan } from '@/lib/plans/plan-details';
import { removePlanStep, updatePlanStep } from '@/lib/plans/plans';
import { versionOfDelete } from '../../../version-query';

type Params = { id: string; stepId: string };

// PATCH /api/v1/plans/{id}/steps/{stepId} — { "status"?, "startDate"?, "endDate"?, "notes"?, "expectedVersion" } (null or "" clears)
export const PATCH = apiRoute<Params>('clients:manage', async ({ actor, params, request }) => {
  await updatePlanStep(actor, params.stepId, await readJson(request), { planId: params.id });
  return getPlan(actor, params.id);
});

// DELETE /api/v1/plans/{id}/steps/{stepId}?expectedVersion=N — answers the plan without the step
export const DELETE = apiRoute<Params>('clients:manage', async ({ actor, params, request }) => {
  await removePlanStep(actor, params.stepId, await versionOfDelete(request), { planId: params.id });
  return getPlan(actor, params.id);
});
