import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../services';

const inputs = ['app', 'lib', 'db', 'public', 'types', 'instrumentation.ts', 'next.config.mjs', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const stampFile = path.join(repoRoot, '.next', 'credpath-build-stamp');

function* files(entry: string): Generator<string> {
  const full = path.join(repoRoot, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield full;
    return;
  }
  for (const child of readdirSync(full).sort()) yield* files(path.join(entry, child));
}

/** Content hash of everything the production build depends on. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const entry of inputs) for (const file of files(entry)) hash.update(path.relative(repoRoot, file)).update(readFileSync(file));
  return hash.digest('hex');
}

export function isBuildCurrent(hash: string): boolean {
  return existsSync(path.join(repoRoot, '.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash;
}

export function markBuilt(hash: string): void {
  writeFileSync(stampFile, hash);
}
