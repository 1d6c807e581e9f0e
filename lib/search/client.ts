import 'server-only';
import { Meilisearch } from 'meilisearch';
import { env } from '@/lib/env';
import { meiliHttpClient } from './meili-http';

const globalCache = globalThis as typeof globalThis & { __credpathMeili?: { host: string; client: Meilisearch } };

/** Server-side Meilisearch client holding the master (or an admin) key: never sent to the browser. */
export function getMeili(): Meilisearch {
  const { MEILI_HOST: host, MEILI_MASTER_KEY: key } = env();
  if (globalCache.__credpathMeili?.host !== host) {
    globalCache.__credpathMeili = { host, client: new Meilisearch({ host, apiKey: key || undefined, timeout: 10_000, httpClient: meiliHttpClient }) };
  }
  return globalCache.__credpathMeili.client;
}

/** Index names carry MEILI_INDEX_PREFIX so several environments can share one server. */
export const indexName = (base: string) => `${env().MEILI_INDEX_PREFIX}${base}`;
