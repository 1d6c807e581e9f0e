import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, programImports, programs, type ProgramImport } from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { programInputSchema, type ProgramInput } from '@/lib/catalog/program-schema';
import { programValues } from '@/lib/catalog/program-values';
import { assertProgramManager, resolveProgramLinks } from '@/lib/catalog/programs';
import { AppError, isAppError, notFound } from '@/lib/errors';
import { slugify } from '@/lib/orgs/organisations';
import { enqueueIndexing } from '@/lib/search/outbox';
import { resolveSkillRefs, setAcceptedSkills, suggestSkillsAfterWrite } from '@/lib/skills/program-skills';
import { type ImportFormat, type RowError, detectFormat, readProgramRows } from './read-rows';

/** Reports keep the first errors in full; the count covers all. */
const maxReportedErrors = 1000;
const insertChunk = 1000;
const tableColumns = getTableColumns(programs);
/** The SQL name of a column: explicit names win, else drizzle's snake_case casing of the key. */
const sqlColumnName = (key: string) => {
  const name = tableColumns[key as keyof typeof tableColumns].name;
  return name !== key ? name : key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
};

export type ImportReport = {
  format: ImportFormat;
  totalRows: number;
  validRows: number;
  errorCount: number;
  errors: RowError[];
  created: number;
  updated: number;
  isDryRun: boolean;
  /** Skill references the taxonomy does not know, with the rows that use them (first 200). */
  unresolvedSkills: UnresolvedSkill[];
  unresolvedSkillCount: number;
};

export type UnresolvedSkill = { ref: string; rows: number[] };
type SkillResolution = { byRef: Map<string, string>; unresolved: UnresolvedSkill[]; unresolvedCount: number };
const maxReportedSkills = 200;

/** Resolves every row's skill references in one query; unknown ones are reported, not fatal. */
async function resolveImportSkills(rows: ValidRow[]): Promise<SkillResolution> {
  const { byRef, unresolved } = await resolveSkillRefs(getDb(), rows.flatMap((r) => r.input.skills));
  const unknown = new Set(unresolved);
  // One line per reference whatever its case: "Basket weaving" and "basket weaving" are one fix.
  const rowsOf = new Map<string, UnresolvedSkill>();
  for (const { row, input } of rows) {
    for (const ref of input.skills.map((r) => r.trim())) {
      if (!unknown.has(ref)) continue;
      const entry = rowsOf.get(ref.toLowerCase()) ?? rowsOf.set(ref.toLowerCase(), { ref, rows: [] }).get(ref.toLowerCase())!;
      if (entry.rows.length < 20 && entry.rows.at(-1) !== row) entry.rows.push(row);
    }
  }
  const report = [...rowsOf.values()].sort((a, b) => b.rows.length - a.rows.length);
  return { byRef, unresolved: report.slice(0, maxReportedSkills), unresolvedCount: report.length };
}

type ValidRow = { row: number; input: ProgramInput };

/** Reads and validates every row; a file-level problem becomes a row-1 error, never a throw. */
export async function validateImportFile(format: ImportFormat, content: Buffer): Promise<{ rows: ValidRow[]; errors: RowError[]; totalRows: number; errorCount: number }> {
  const rows: ValidRow[] = [];
  const errors: RowError[] = [];
  let errorCount = 0;
  let totalRows = 0;
  const seen = new Map<string, number>();
  const report = (error: RowError) => {
    errorCount++;
    if (errors.length < maxReportedErrors) errors.push(error);
  };
  try {
    for await (const source of readProgramRows(format, content)) {
      totalRows++;
      if ('error' in source) {
        report(source.error);
        continue;
      }
      const parsed = programInputSchema.safeParse(source.raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) report({ row: source.row, field: source.fieldName(issue.path.join('.') || 'row'), message: issue.message });
        continue;
      }
      const input = parsed.data;
      if (!input.externalId) {
        report({ row: source.row, field: source.fieldName('externalId'), message: 'Required in imports, so that re-importing the file updates this program instead of duplicating it.' });
        continue;
      }
      const firstRow = seen.get(input.externalId);
      if (firstRow !== undefined) {
        report({ row: source.row, field: source.fieldName('externalId'), message: `Duplicate id “${input.externalId}”: already used on row ${firstRow}.` });
        continue;
      }
      seen.set(input.externalId, source.row);
      rows.push({ row: source.row, input });
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    const rowErrors = (error.details?.rowErrors as RowError[] | undefined) ?? [{ row: 1, field: 'file', message: error.message }];
    for (const e of rowErrors) report(e);
    return { rows: [], errors, totalRows, errorCount };
  }
  return { rows, errors, totalRows, errorCount };
}

/**
 * Writes valid rows in ONE transaction: insert new external ids, update existing ones,
 * re-resolve stack links, queue search indexing. Progress goes to the import record
 * through a separate connection so others can watch it.
 */
async function writePrograms(actor: Actor, orgId: string, rows: ValidRow[], skills: SkillResolution, source: 'file_import' | 'ctdl', onProgress?: (done: number) => Promise<void> | void) {
  const db = getDb();
  return db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += insertChunk) {
      const chunk = rows.slice(i, i + insertChunk);
      const now = new Date().toISOString();
      const values = chunk.map(({ input }) => ({
        ...programValues(input),
        skillRefs: input.skills.filter((ref) => !skills.byRef.has(ref.trim())),
        orgId,
        slug: `${slugify(input.title).slice(0, 70)}-${randomBytes(4).toString('hex')}`,
        source,
        publishedAt: input.status === 'published' ? now : null,
      }));
      // The chunk travels as ONE json parameter (json_populate_recordset): far cheaper to build
      // and send than ~46,000 bind parameters, which dominated import time at 100k rows.
      const keys = Object.keys(values[0]!);
      const columns = keys.map(sqlColumnName);
      const updatable = columns.filter((c) => !['org_id', 'slug', 'external_id', 'published_at'].includes(c));
      const json = JSON.stringify(values.map((v) => Object.fromEntries(keys.map((k, j) => [columns[j], v[k as keyof typeof v]]))));
      const list = sql.raw(columns.join(', '));
      const result = await tx.execute<{ id: string; external_id: string; is_inserted: boolean }>(sql`
        insert into programs (${list})
        select ${list} from json_populate_recordset(null::programs, ${json}::json)
        on conflict (org_id, external_id) do update set
          ${sql.raw(updatable.map((c) => `${c} = excluded.${c}`).join(', '))},
          updated_at = now(),
          published_at = coalesce(programs.published_at, excluded.published_at)
        returning id, external_id, (xmax = 0) as is_inserted`);
      const skillsOf = new Map(chunk.map(({ input }) => [input.externalId!, input.skills.map((ref) => skills.byRef.get(ref.trim())).filter((id): id is string => !!id)]));
      await setAcceptedSkills(tx, result.map((r) => ({ programId: r.id, skillIds: skillsOf.get(r.external_id) ?? [] })), 'import', actor.userId);
      for (const r of result) {
        ids.push(r.id);
        if (r.is_inserted) created++;
        else updated++;
      }
      await onProgress?.(Math.min(i + insertChunk, rows.length));
    }
    const touched = await resolveProgramLinks(tx, orgId, ids);
    await enqueueIndexing(tx, 'program', touched);
    return { created, updated, ids };
  });
}

export type ImportTarget = { orgId: string };

/** The organisation an import writes to: the provider's own, or (operators) one named, or the platform catalogue. */
export async function importTargetOrg(actor: Actor, requestedOrgId?: string): Promise<string> {
  assertProgramManager(actor);
  if (!actor.isPlatformAdmin || (actor.org && !requestedOrgId)) return actor.org!.id;
  if (requestedOrgId) return requestedOrgId;
  const [catalogue] = await getDb().select({ id: organisations.id }).from(organisations).where(eq(organisations.isPlatformCatalogue, true)).limit(1);
  if (catalogue) return catalogue.id;
  const [created] = await getDb()
    .insert(organisations)
    .values({ name: 'Credpath Catalogue', slug: `credpath-catalogue-${randomBytes(3).toString('hex')}`, kind: 'training_provider', isPlatformCatalogue: true })
    .returning({ id: organisations.id });
  return created!.id;
}

/**
 * The one import path (UI, API and CLI): validate, and unless it is a dry run write the
 * valid rows. Returns a report with every invalid row's number, field and reason.
 */
export async function importProgramsFile(
  actor: Actor,
  file: { filename: string; content: Buffer; format?: ImportFormat },
  opts: { orgId?: string; isDryRun?: boolean; suggestSkills?: boolean; onProgress?: (done: number, total: number) => Promise<void> | void } = {},
): Promise<ImportReport> {
  const orgId = await importTargetOrg(actor, opts.orgId);
  const format = file.format ?? detectFormat(file.filename, file.content);
  const validation = await validateImportFile(format, file.content);
  const skills = await resolveImportSkills(validation.rows);
  const base = {
    format, totalRows: validation.totalRows, validRows: validation.rows.length, errorCount: validation.errorCount, errors: validation.errors,
    created: 0, updated: 0, unresolvedSkills: skills.unresolved, unresolvedSkillCount: skills.unresolvedCount,
  };
  if (opts.isDryRun || validation.rows.length === 0) return { ...base, isDryRun: !!opts.isDryRun };
  const written = await writePrograms(actor, orgId, validation.rows, skills, format === 'ctdl' ? 'ctdl' : 'file_import', (done) => opts.onProgress?.(done, validation.rows.length));
  if (opts.suggestSkills !== false) await suggestSkillsAfterWrite(written.ids);
  return { ...base, created: written.created, updated: written.updated, isDryRun: false };
}

/* ——— Import records: the UI's upload → dry-run report → confirm → progress flow ——— */

export async function createImportPreview(actor: Actor, file: { filename: string; content: Buffer }): Promise<ProgramImport> {
  const orgId = await importTargetOrg(actor);
  const format = detectFormat(file.filename, file.content);
  const report = await importProgramsFile(actor, { ...file, format }, { orgId, isDryRun: true });
  const [row] = await getDb()
    .insert(programImports)
    .values({
      orgId,
      createdBy: actor.userId,
      filename: file.filename,
      format,
      status: 'validated',
      totalRows: report.totalRows,
      validRows: report.validRows,
      errorCount: report.errorCount,
      errors: report.errors,
      unresolvedSkills: report.unresolvedSkills,
      unresolvedSkillCount: report.unresolvedSkillCount,
      content: report.validRows > 0 ? file.content.toString('base64') : null,
    })
    .returning();
  return row!;
}

export async function getImport(actor: Actor, importId: string): Promise<ProgramImport> {
  assertProgramManager(actor);
  if (!/^[0-9a-f-]{36}$/i.test(importId)) throw notFound('Import');
  const scope = actor.isPlatformAdmin && !actor.org ? eq(programImports.id, importId) : and(eq(programImports.id, importId), eq(programImports.orgId, actor.org!.id));
  const [row] = await getDb().select().from(programImports).where(scope);
  if (!row) throw notFound('Import');
  return row;
}

export async function listImports(actor: Actor): Promise<ProgramImport[]> {
  assertProgramManager(actor);
  return getDb().select().from(programImports).where(eq(programImports.orgId, actor.org!.id)).orderBy(desc(programImports.createdAt)).limit(20);
}

/**
 * Confirms a validated import: claims it (validated → importing) and returns a function
 * that runs it, so a caller can answer at once and let the run report progress.
 */
export async function confirmImport(actor: Actor, importId: string): Promise<{ record: ProgramImport; run: () => Promise<ProgramImport> }> {
  const record = await getImport(actor, importId);
  if (record.status !== 'validated' || !record.content) throw new AppError('conflict', `This import is ${record.status}; upload the file again to import it.`);
  const db = getDb();
  const [claimed] = await db
    .update(programImports)
    .set({ status: 'importing' })
    .where(and(eq(programImports.id, record.id), eq(programImports.status, 'validated')))
    .returning();
  if (!claimed) throw new AppError('conflict', 'This import has already been started.');
  const run = async () => {
    try {
      const report = await importProgramsFile(
        actor,
        { filename: record.filename, content: Buffer.from(record.content!, 'base64'), format: record.format },
        { orgId: record.orgId, onProgress: (done) => db.update(programImports).set({ processedRows: done }).where(eq(programImports.id, record.id)).then(() => undefined) },
      );
      const [done] = await db
        .update(programImports)
        .set({ status: 'completed', processedRows: report.validRows, created: report.created, updated: report.updated, content: null, finishedAt: new Date() })
        .where(eq(programImports.id, record.id))
        .returning();
      return done!;
    } catch (error) {
      const message = isAppError(error) ? error.message : 'The import failed on our side; nothing was written. Try again.';
      if (!isAppError(error)) console.error('[import]', error);
      const [failed] = await db.update(programImports).set({ status: 'failed', message, finishedAt: new Date() }).where(eq(programImports.id, record.id)).returning();
      return failed!;
    }
  };
  return { record: claimed, run };
}
