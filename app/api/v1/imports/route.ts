import { NextResponse } from 'next/server';
import { importProgramsFile } from '@/lib/imports/program-import';
import { type ImportFormat } from '@/lib/imports/read-rows';
import { AppError } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api';

const formats: Record<string, ImportFormat> = { 'text/csv': 'csv', 'application/json': 'json', 'application/ld+json': 'ctdl' };

// POST /api/v1/imports — import programs from CSV, JSON or CTDL JSON-LD (?dry_run=true to only validate)
export const POST = apiRoute('programs:manage', async ({ actor, request }) => {
  const url = new URL(request.url);
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let filename = url.searchParams.get('filename') ?? 'upload';
  let content: Buffer;
  let format = (url.searchParams.get('format') as ImportFormat | null) ?? formats[contentType];
  if (contentType === 'multipart/form-data') {
    const file = (await request.formData()).get('file');
    if (!(file instanceof File)) throw new AppError('validation_failed', 'Send the file in a form field named “file”.', { fieldErrors: { file: ['Missing.'] } });
    filename = file.name;
    content = Buffer.from(await file.arrayBuffer());
    format = (url.searchParams.get('format') as ImportFormat | null) ?? undefined!;
  } else {
    content = Buffer.from(await request.arrayBuffer());
  }
  if (format && !['csv', 'json', 'ctdl'].includes(format)) throw new AppError('validation_failed', 'format must be csv, json or ctdl.', { fieldErrors: { format: ['Unknown format.'] } });
  if (content.length === 0) throw new AppError('validation_failed', 'The file is empty.', { fieldErrors: { file: ['Empty.'] } });
  const report = await importProgramsFile(actor, { filename, content, format: format || undefined }, { isDryRun: url.searchParams.get('dry_run') === 'true' });
  return NextResponse.json(report, { status: report.isDryRun ? 200 : 201 });
});
