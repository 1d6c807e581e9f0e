import { caseloadDashboard } from '@/lib/clients/dashboard';
import { apiRoute } from '@/lib/http/api';

// GET /api/v1/dashboard?scope=all|mine&stalledWeeks=4 — the caseload at a glance: funnel, stalled plans, upcoming starts, completions, outcomes
export const GET = apiRoute('clients:manage', async ({ actor, request }) => {
  const params = new URL(request.url).searchParams;
  return caseloadDashboard(actor, { scope: params.get('scope') ?? undefined, stalledWeeks: params.get('stalledWeeks') ?? undefined });
});
