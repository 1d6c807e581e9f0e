import { gapCsvTemplate } from '@/lib/employers/gap-import';

// GET /api/v1/skill-gaps/template — CSV template for bulk gaps (public)
export function GET() {
  return new Response(gapCsvTemplate(), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="credpath-skill-gaps.csv"' } });
}
