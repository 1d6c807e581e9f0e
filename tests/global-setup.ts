import { runMigrations } from '../db/migrate';
import { startServices, type Services } from '../scripts/services';

let services: Services | undefined;

/**
 * `npm test` starts the real servers once and passes their env in; a bare
 * `npx vitest` starts the embedded test servers itself.
 */
export async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  if (!process.env.DATABASE_URL || !process.env.MEILI_HOST) {
    services = await startServices({ profile: 'test', database: 'credpath_vitest' });
    Object.assign(process.env, services.env, { MEILI_INDEX_PREFIX: process.env.MEILI_INDEX_PREFIX ?? 'vitest_' });
  }
  process.env.NEXTAUTH_SECRET ??= 'vitest-secret-not-for-production';
  await runMigrations(process.env.DATABASE_URL!);
  provide('env', {
    DATABASE_URL: process.env.DATABASE_URL,
    MEILI_HOST: process.env.MEILI_HOST,
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY,
    MEILI_INDEX_PREFIX: process.env.MEILI_INDEX_PREFIX,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
  });
}

export async function teardown() {
  await services?.stop();
}
