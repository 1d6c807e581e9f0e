/**
 * `npm run import -- <file> [--org <slug>] [--dry-run]`: imports programs from CSV, JSON or
 * CTDL JSON-LD through the same code as the UI and API, then waits until they are searchable.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemActor } from '@/lib/auth/actor';
import { exitWithMessage, withAppEnv } from './lib/with-app-env';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { org: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
const file = positionals[0];
if (!file) exitWithMessage('usage: npm run import -- <file.csv|file.json|file.jsonld> [--org <slug>] [--dry-run]');

withAppEnv(async () => {
  const { importProgramsFile } = await import('@/lib/imports/program-import');
  const { findOrganisationForOperator } = await import('@/lib/orgs/organisations');
  const { applyIndexSettings, drainOutbox } = await import('@/lib/search/sync');
  const started = performance.now();
  const org = values.org ? await findOrganisationForOperator(systemActor, values.org) : undefined;
  const content = readFileSync(file!);
  const report = await importProgramsFile(systemActor, { filename: path.basename(file!), content }, {
    orgId: org?.id,
    isDryRun: values['dry-run'],
    onProgress: (done, total) => {
      process.stderr.write(`\rwriting ${done.toLocaleString('en')} / ${total.toLocaleString('en')} programs`);
    },
  });
  if (!report.isDryRun && report.validRows) process.stderr.write('\n');
  for (const e of report.errors) console.log(`row ${e.row}, ${e.field}: ${e.message}`);
  if (report.errorCount > report.errors.length) console.log(`… and ${report.errorCount - report.errors.length} more errors.`);
  console.log(
    `${report.isDryRun ? 'Dry run: ' : ''}${report.totalRows} rows read, ${report.validRows} valid, ${report.errorCount} errors` +
      (report.isDryRun ? '; nothing was written.' : `; ${report.created} created, ${report.updated} updated.`),
  );
  if (!report.isDryRun && report.validRows) {
    await applyIndexSettings('program');
    process.stderr.write('indexing for search…');
    while ((await drainOutbox()).processed > 0) process.stderr.write('.');
    process.stderr.write(` done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  if (report.errorCount) process.exitCode = 2;
}).catch(exitWithMessage);
