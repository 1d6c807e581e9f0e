import { csvTemplate } from '@/lib/imports/csv-columns';

// GET /api/v1/imports/template — the CSV template with every documented column and an example row
export function GET() {
  return new Response(csvTemplate(), { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="credpath-programs-template.csv"' } });
}
