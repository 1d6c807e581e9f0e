import { NextResponse } from 'next/server';
import { supplyDemandCsv, supplyDemandReport } from '@/lib/demand/supply-demand';
import { apiRoute } from '@/lib/http/api';

// GET /api/v1/reports/supply-demand?region=US-NY&limit=50[&format=csv] — in-demand skills against programs teaching them there (public, anonymised)
export const GET = apiRoute(null, async ({ request }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const report = await supplyDemandReport(params);
  if (params.format === 'csv') {
    return new Response(supplyDemandCsv(report), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="credpath-supply-demand-${report.region.code}.csv"` },
    });
  }
  return NextResponse.json(report);
});
