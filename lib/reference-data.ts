import { existsSync } from 'node:fs';
import path from 'node:path';

/*
 * The O*NET and ESCO releases are large public data sets that live outside the
 * repository (never copied into it). REFERENCE_DATA_DIR points at the folder holding
 * `onet-29.3/` and `esco-v1.1.1/`; a relative value is read from the repository root
 * so scripts behave the same whatever the working directory.
 */

const repoRoot = path.resolve(import.meta.dirname, '..');

/** Folder of the reference data releases: REFERENCE_DATA_DIR, else `../shared/data` beside the repository. */
export function referenceDataDir(): string {
  const fromEnv = process.env.REFERENCE_DATA_DIR?.trim();
  return fromEnv ? path.resolve(repoRoot, fromEnv) : path.resolve(repoRoot, '../shared/data');
}

/** Absolute path of a reference data file; throws a message saying how to get the data when it is missing. */
export function referencePath(...parts: string[]): string {
  const dir = referenceDataDir();
  const file = path.join(dir, ...parts);
  if (existsSync(file)) return file;
  const source = process.env.REFERENCE_DATA_DIR?.trim() ? `REFERENCE_DATA_DIR (${dir})` : `the default folder ${dir} (REFERENCE_DATA_DIR is not set)`;
  throw new Error(
    [
      `Reference data file not found: ${file}`,
      `It is read from ${source}. Set REFERENCE_DATA_DIR to a folder holding:`,
      '  onet-29.3/     O*NET 29.3 database, text format: https://www.onetcenter.org/db_releases.html (CC BY 4.0)',
      '  esco-v1.1.1/   ESCO v1.1.1 classification, CSV, English: https://esco.ec.europa.eu/en/use-esco/download',
    ].join('\n'),
  );
}
