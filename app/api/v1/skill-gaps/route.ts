import { NextResponse } from 'next/server';
import { importGaps } from '@/lib/employers/gap-import';
import { createGap, listGaps } from '@/lib/employers/gaps';
import { apiRoute, readJson } from '@/lib/http/api';

// GET /api/v1/skill-gaps?status=&region=&q= — the organisation's gaps (employers)
export const GET = apiRoute('gaps:manage', async ({ actor, request }) => ({ gaps: await listGaps(actor, Object.fromEntries(new URL(request.url).searchParams)) }));

/**
 * POST /api/v1/skill-gaps — one gap (JSON object, 201), or many: a JSON array / { "gaps": [...] }
 * or a CSV body (text/csv), answered with a row-by-row report; `?dry_run=true` only validates.
 */
export const POST = apiRoute('gaps:manage', async ({ actor, request }) => {
  const url = new URL(request.url);
  const isDryRun = url.searchParams.get('dry_run') === 'true';
  if ((request.headers.get('content-type') ?? '').includes('text/csv')) {
    const report = await importGaps(actor, { content: Buffer.from(await request.arrayBuffer()), format: 'csv' }, { isDryRun });
    return NextResponse.json(report, { status: report.created ? 201 : 200 });
  }
  const body = await readJson(request);
  if (Array.isArray(body) || (body && typeof body === 'object' && Array.isArray((body as { gaps?: unknown }).gaps))) {
    const report = await importGaps(actor, { content: Buffer.from(JSON.stringify(body)), format: 'json' }, { isDryRun });
    return NextResponse.json(report, { status: report.created ? 201 : 200 });
  }
  return NextResponse.json(await createGap(actor, body), { status: 201 });
});
