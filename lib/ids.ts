import { sql } from 'drizzle-orm';

/** A canonical UUID (ids in URLs and bodies are checked before they reach a query). */
export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** A list of UUIDs as one Postgres `uuid[]` parameter (for `= any(...)`), whatever its length. */
export const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
