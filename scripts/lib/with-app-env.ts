import { runMigrations } from '@/db/migrate';
import { startServices, type Services } from '../services';

/**
 * For CLIs (admin, import, reindex…): uses the servers named by the environment, or
 * the local embedded ones (reusing them if `npm start` already runs them), with
 * migrations applied. Servers this process started are stopped when it ends.
 */
export async function withAppEnv<T>(fn: () => Promise<T>): Promise<T> {
  let services: Services | undefined;
  try {
    services = await startServices({ profile: 'dev' });
    Object.assign(process.env, services.env);
    await runMigrations(services.env.DATABASE_URL);
    return await fn();
  } finally {
    const { closeDb } = await import('@/db');
    await closeDb();
    await services?.stop();
  }
}

/** Prints one clear line for an expected failure instead of a stack trace. */
export function exitWithMessage(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`error: ${message}`);
  process.exit(1);
}
