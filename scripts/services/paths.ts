import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Local data lives under `.data/<profile>/`: `dev` for `npm start` and the CLIs,
 * `test` for `npm test` (wiped at the start of every test run), `bench` for `npm run bench`.
 */
export type Profile = 'dev' | 'test' | 'bench';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export function profileDir(profile: Profile): string {
  return path.join(repoRoot, '.data', profile);
}

export type LocalSecrets = {
  postgresPassword: string;
  meiliMasterKey: string;
  nextAuthSecret: string;
};

/** Secrets generated once per profile and kept on disk (mode 600) so restarts reuse them. */
export function loadOrCreateSecrets(profile: Profile): LocalSecrets {
  const dir = profileDir(profile);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = {
    // Hex: no '-' or '_' that a command line or a URL could misread.
    postgresPassword: randomBytes(18).toString('hex'),
    meiliMasterKey: randomBytes(24).toString('hex'),
    nextAuthSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2));
  chmodSync(file, 0o600);
  return secrets;
}

export const defaultPorts: Record<Profile, { postgres: number; meili: number }> = {
  dev: { postgres: 54329, meili: 7790 },
  test: { postgres: 54339, meili: 7791 },
  bench: { postgres: 54349, meili: 7891 },
};
