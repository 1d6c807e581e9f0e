/** `npm run reset`: deletes local data (.data/dev: database, search index, secrets) after a confirmation. */
import { existsSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { profileDir } from './services';

const dir = profileDir('dev');
if (!existsSync(dir)) {
  console.log('Nothing to reset: no local data yet.');
  process.exit(0);
}
const isConfirmed =
  process.argv.includes('--yes') ||
  (process.stdin.isTTY &&
    (await createInterface({ input: process.stdin, output: process.stdout }).question(`Delete all local Credpath data in ${path.relative(process.cwd(), dir)}? Stop npm start first. [y/N] `))
      .trim()
      .toLowerCase() === 'y');
if (!isConfirmed) {
  console.log('Cancelled. (Use `npm run reset -- --yes` to skip the question.)');
  process.exit(1);
}
rmSync(dir, { recursive: true, force: true });
console.log('Local data deleted. The next `npm start` creates a fresh database with demo data.');
process.exit(0);
