import { parse } from 'csv-parse';
import { AppError } from '@/lib/errors';
import type { ProgramInputRaw } from '@/lib/catalog/program-schema';
import { columnForField, csvColumns } from './csv-columns';

export type ImportFormat = 'csv' | 'json' | 'ctdl';
export type RowError = { row: number; field: string; message: string };
/** One source row: the raw program, or why it could not even be read. */
export type SourceRow = { row: number; raw: ProgramInputRaw; fieldName: (field: string) => string } | { row: number; error: RowError };

export function detectFormat(filename: string, content: Buffer): ImportFormat {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 'csv';
  const head = content.subarray(0, 4000).toString('utf8');
  if (lower.endsWith('.jsonld') || /"@context"|"ceterms:/.test(head)) return 'ctdl';
  if (lower.endsWith('.json')) return 'json';
  throw new AppError('validation_failed', 'Upload a .csv, .json or CTDL .jsonld file.', { fieldErrors: { file: ['Unknown file type.'] } });
}

export function decodeUtf8(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // Find the line of the first invalid byte, so the person knows where to look.
    const text = content.toString('utf8');
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    const message = `The file is not UTF-8 text (first invalid character on line ${line}). Save it as “CSV UTF-8” and upload again.`;
    throw new AppError('validation_failed', message, { details: { rowErrors: [{ row: line, field: 'file', message }] } });
  }
}

const identity = (field: string) => field;

export type CsvRecord = { row: number; cells: Record<string, string> } | { row: number; error: RowError };

/**
 * Any CSV with a header row → one record per line, keyed by lower-case column name, with
 * the 1-based line number; a line with the wrong cell count is a row error, a missing
 * required column or unreadable file throws (details.rowErrors) before any row.
 */
export async function* readCsvTable(content: Buffer, requiredColumns: readonly string[]): AsyncGenerator<CsvRecord> {
  const text = decodeUtf8(content);
  const parser = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  let header: string[] | undefined;
  let index = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      index++;
      if (!header) {
        header = record.map((h) => h.trim().toLowerCase());
        const missing = requiredColumns.filter((c) => !header!.includes(c));
        if (missing.length) {
          throw new AppError('validation_failed', `The file is missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`, {
            details: { rowErrors: missing.map((column) => ({ row: 1, field: column, message: 'Required column is missing from the header row.' })) },
          });
        }
        continue;
      }
      if (record.length !== header.length) {
        yield { row: index, error: { row: index, field: 'row', message: `Has ${record.length} cells but the header has ${header.length}: check quotes and commas.` } };
        continue;
      }
      yield { row: index, cells: Object.fromEntries(header.map((column, i) => [column, record[i]!])) };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('validation_failed', `The CSV could not be read after row ${index}: ${message}`, { details: { rowErrors: [{ row: index + 1, field: 'file', message }] } });
  }
}

async function* csvRows(content: Buffer): AsyncGenerator<SourceRow> {
  for await (const record of readCsvTable(content, csvColumns.filter((c) => c.isRequired).map((c) => c.column))) {
    if ('error' in record) {
      yield record;
      continue;
    }
    const raw: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(record.cells)) {
      const spec = csvColumns.find((c) => c.column === column);
      if (spec) raw[spec.field] = value;
    }
    yield { row: record.row, raw: raw as ProgramInputRaw, fieldName: columnForField };
  }
}

const snakeToField = new Map(csvColumns.map((c) => [c.column, c.field as string]));

async function* jsonRows(content: Buffer): AsyncGenerator<SourceRow> {
  let data: unknown;
  try {
    data = JSON.parse(decodeUtf8(content));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('validation_failed', `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const items = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { programs?: unknown }).programs) ? (data as { programs: unknown[] }).programs : null;
  if (!items) throw new AppError('validation_failed', 'The JSON must be an array of programs (or { "programs": [...] }).');
  let row = 0;
  for (const item of items) {
    row++;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      yield { row, error: { row, field: 'row', message: 'Each entry must be a JSON object.' } };
      continue;
    }
    // Accept the CSV's snake_case names as well as the API's camelCase ones.
    const raw = Object.fromEntries(Object.entries(item).map(([k, v]) => [snakeToField.get(k) ?? k, v]));
    yield { row, raw: raw as ProgramInputRaw, fieldName: identity };
  }
}

async function* ctdlRows(content: Buffer): AsyncGenerator<SourceRow> {
  const { parseCtdlDocument } = await import('./ctdl');
  let data: unknown;
  try {
    data = JSON.parse(decodeUtf8(content));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('validation_failed', `The file is not valid JSON-LD: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { records, errors } = parseCtdlDocument(data);
  for (const error of errors) yield { row: error.row, error };
  for (const record of records) yield { row: record.index, raw: record.input, fieldName: identity };
}

export function readProgramRows(format: ImportFormat, content: Buffer): AsyncGenerator<SourceRow> {
  return format === 'csv' ? csvRows(content) : format === 'json' ? jsonRows(content) : ctdlRows(content);
}
