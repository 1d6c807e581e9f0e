import { AppError } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api';
import { getPlan } from '@/lib/plans/plan-details';
import { planPdfFilename, renderPlanPdf } from '@/lib/plans/plan-pdf';

// GET /api/v1/plans/{id}/pdf — the plan as a PDF download, for its practitioners or the seeker it belongs to
export const GET = apiRoute<{ id: string }>(null, async ({ actor, params }) => {
  if (!actor) throw new AppError('unauthenticated', 'Sign in to continue.');
  // `getPlan` decides who may read the plan (its career service, or the linked seeker): the PDF follows it exactly.
  const details = await getPlan(actor, params.id);
  const pdf = await renderPlanPdf(details);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${planPdfFilename(details.plan.title)}"`,
      'cache-control': 'no-store',
    },
  });
});
