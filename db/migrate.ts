import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

const migrationsFolder = path.join(import.meta.dirname, 'migrations');
/** Any constant: serialises migrations when several processes start at once. */
const migrationLockId = 7_231_001;

/** Applies committed drizzle-kit migrations; safe to call on every start. */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${migrationLockId})`;
    await migrate(drizzle(sql), { migrationsFolder });
    await sql`select pg_advisory_unlock(${migrationLockId})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
