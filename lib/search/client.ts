import 'server-only';
import { Meilisearch } from 'meilisearch';
import { env } from '@/lib/env';

const globalCache = globalThis as typeof globalThis & { __credpathMeili?: Meilisearch };

/** Server-side Meilisearch client holding the master (or an admin) key: never sent to the browser. */
export function getMeili(): Meilisearch {
  globalCache.__credpathMeili ??= new Meilisearch({ host: env().MEILI_HOST, apiKey: env().MEILI_MASTER_KEY || undefined, timeout: 10_000 });
  return globalCache.__credpathMeili;
}

/** Index names carry MEILI_INDEX_PREFIX so several environments can share one server. */
export const indexName = (base: string) => `${env().MEILI_INDEX_PREFIX}${base}`;
