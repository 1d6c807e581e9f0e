import { apiRoute, readJson } from '@/lib/http/api';
import { getPlan } from '@/lib/plans/plan-details';
import { deletePlan, updatePlan } from '@/lib/plans/plans';
import { versionOfDelete } from '../version-query';

// GET /api/v1/plans/{id} — a plan with its steps, goal gap, totals, timeline and stackability paths
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => getPlan(actor, params.id));

// PATCH /api/v1/plans/{id} — { "title"?, "status"?: "active" | "archived", "expectedVersion" }
export const PATCH = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  await updatePlan(actor, params.id, await readJson(request));
  return getPlan(actor, params.id);
});

// DELETE /api/v1/plans/{id}?expectedVersion=N
export const DELETE = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  await deletePlan(actor, params.id, await versionOfDelete(request));
  return new Response(null, { status: 204 });
});
