import 'server-only';
import { getDb } from '@/db';
import { type Actor } from '@/lib/auth/actor';
import { invalidateDemandCache } from '@/lib/demand/demand-scores';
import { AppError, isAppError } from '@/lib/errors';
import { decodeUtf8, readCsvTable, type RowError } from '@/lib/imports/read-rows';
import { resolveSkillRefs } from '@/lib/skills/program-skills';
import { gapInputSchema, type GapInput } from './gap-schema';
import { assertGapManager, insertGaps, resolveGapReferences, type ResolvedGap } from './gaps';

/*
 * Bulk gaps for HR systems: a CSV file or a JSON array, validated row by row with the same
 * schema as the form; every bad cell is reported (row, column, reason) and the valid rows
 * are written in one transaction, or nothing with `isDryRun`.
 */

/** CSV columns → gap fields. Skills are `|`-separated labels, ESCO URIs or O*NET ids. */
export const gapCsvColumns = [
  { column: 'role_title', field: 'roleTitle', isRequired: true, example: 'Data analyst' },
  { column: 'region', field: 'region', isRequired: true, example: 'US-NY' },
  { column: 'headcount', field: 'headcount', isRequired: true, example: '3' },
  { column: 'must_have_skills', field: 'skills', isRequired: true, example: 'SQL|Python (computer programming)' },
  { column: 'nice_to_have_skills', field: 'skills', isRequired: false, example: 'Tableau' },
  { column: 'skill_level', field: 'skills', isRequired: false, example: 'intermediate' },
  { column: 'occupation', field: 'occupation', isRequired: false, example: '15-2051.00' },
  { column: 'city', field: 'city', isRequired: false, example: 'Albany' },
  { column: 'urgency', field: 'urgency', isRequired: false, example: 'high' },
  { column: 'target_date', field: 'targetDate', isRequired: false, example: '2027-06-30' },
  { column: 'description', field: 'description', isRequired: false, example: 'Reporting team expansion' },
] as const;

export const gapCsvTemplate = () => `${gapCsvColumns.map((c) => c.column).join(',')}\n${gapCsvColumns.map((c) => c.example).join(',')}\n`;

export type GapImportReport = { totalRows: number; validRows: number; created: number; errors: RowError[]; isDryRun: boolean };

type RawRow = { row: number; raw: Record<string, unknown>; columnOf: (field: string) => string };
const splitList = (v: string | undefined) => (v ?? '').split('|').map((s) => s.trim()).filter(Boolean);

function rowFromCsv(row: number, cells: Record<string, string>): RawRow {
  const level = cells.skill_level?.trim() || undefined;
  const skills = [
    ...splitList(cells.must_have_skills).map((skill) => ({ skill, level, isMustHave: true })),
    ...splitList(cells.nice_to_have_skills).map((skill) => ({ skill, level, isMustHave: false })),
  ];
  const raw: Record<string, unknown> = { skills };
  for (const c of gapCsvColumns) if (c.field !== 'skills' && cells[c.column] !== undefined) raw[c.field] = cells[c.column];
  const columnOf = (field: string) => {
    const [base, index] = field.split('.');
    if (base === 'skills' && index !== undefined) return skills[Number(index)]?.isMustHave === false ? 'nice_to_have_skills' : 'must_have_skills';
    return gapCsvColumns.find((c) => c.field === base)?.column ?? field;
  };
  return { row, raw, columnOf };
}

async function readRows(content: Buffer, format: 'csv' | 'json'): Promise<RawRow[]> {
  if (format === 'csv') {
    const rows: RawRow[] = [];
    for await (const record of readCsvTable(content, gapCsvColumns.filter((c) => c.isRequired).map((c) => c.column))) {
      if ('error' in record) throw new AppError('validation_failed', record.error.message, { details: { rowErrors: [record.error] } });
      rows.push(rowFromCsv(record.row, record.cells));
    }
    return rows;
  }
  let data: unknown;
  try {
    data = JSON.parse(decodeUtf8(content));
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('validation_failed', 'The body is not valid JSON.');
  }
  const items = Array.isArray(data) ? data : Array.isArray((data as { gaps?: unknown })?.gaps) ? (data as { gaps: unknown[] }).gaps : null;
  if (!items) throw new AppError('validation_failed', 'Send an array of gaps, or { "gaps": [...] }.');
  return items.map((raw, i) => ({ row: i + 1, raw: (raw ?? {}) as Record<string, unknown>, columnOf: (field: string) => field }));
}

export async function importGaps(actor: Actor, file: { content: Buffer; format: 'csv' | 'json' }, opts: { isDryRun?: boolean } = {}): Promise<GapImportReport> {
  assertGapManager(actor);
  if (!actor.org) throw new AppError('validation_failed', 'Import gaps from inside an employer organisation.');
  let rows: RawRow[];
  try {
    rows = await readRows(file.content, file.format);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const errors = (error.details?.rowErrors as RowError[] | undefined) ?? [{ row: 1, field: 'file', message: error.message }];
    return { totalRows: 0, validRows: 0, created: 0, errors, isDryRun: !!opts.isDryRun };
  }
  if (rows.length > 5000) throw new AppError('validation_failed', `Send at most 5,000 gaps at a time (this has ${rows.length}).`);

  const errors: RowError[] = [];
  const parsed: Array<{ row: RawRow; input: GapInput }> = [];
  for (const row of rows) {
    const result = gapInputSchema.safeParse(row.raw);
    if (result.success) parsed.push({ row, input: result.data });
    else for (const issue of result.error.issues) errors.push({ row: row.row, field: row.columnOf(issue.path.join('.') || 'row'), message: issue.message });
  }
  const db = getDb();
  // One taxonomy lookup for every skill of the file.
  const { byRef } = await resolveSkillRefs(db, parsed.flatMap((p) => p.input.skills.map((s) => s.skill)));
  const valid: ResolvedGap[] = [];
  for (const { row, input } of parsed) {
    const resolved = await resolveGapReferences(db, input, byRef);
    if ('fieldErrors' in resolved) {
      for (const [field, messages] of Object.entries(resolved.fieldErrors)) for (const message of messages) errors.push({ row: row.row, field: row.columnOf(field), message });
    } else valid.push(resolved);
  }
  errors.sort((a, b) => a.row - b.row);
  if (opts.isDryRun || valid.length === 0) return { totalRows: rows.length, validRows: valid.length, created: 0, errors, isDryRun: !!opts.isDryRun };
  const ids = await db.transaction((tx) => insertGaps(tx, actor.org!.id, actor.userId, valid));
  invalidateDemandCache();
  return { totalRows: rows.length, validRows: valid.length, created: ids.length, errors, isDryRun: false };
}
