import 'server-only';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle; queries take `Db` so callers may pass either. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Db = Database | Tx;

type Cache = { sql?: postgres.Sql; db?: Database };
const globalCache = globalThis as typeof globalThis & { __credpathDb?: Cache };
const cache: Cache = (globalCache.__credpathDb ??= {});

export function sqlClient(): postgres.Sql {
  cache.sql ??= postgres(env().DATABASE_URL, { max: Number(process.env.DB_POOL_SIZE ?? 10), onnotice: () => {} });
  return cache.sql;
}

/** The one database client, created on first use and reused (also across dev hot reloads). */
export function getDb(): Database {
  cache.db ??= drizzle(sqlClient(), { schema, casing: 'snake_case' });
  return cache.db;
}

export async function closeDb(): Promise<void> {
  const sql = cache.sql;
  cache.sql = undefined;
  cache.db = undefined;
  await sql?.end({ timeout: 5 });
}

export { schema };
