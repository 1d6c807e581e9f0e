import 'server-only';
import { MeilisearchApiError } from 'meilisearch';
import { requestText } from '@/lib/http/node-request';

/**
 * The Meilisearch client's transport (its `httpClient` option): node:http keep-alive instead of
 * fetch, which stalls ~40 ms on every page of hits (see `lib/http/node-request.ts`). The client wraps
 * whatever this throws in its MeilisearchRequestError; an HTTP error keeps its
 * MeilisearchApiError (status, code) as the cause. (`httpClient` is marked deprecated upstream;
 * the lockfile pins the client version.)
 */
export async function meiliHttpClient(input: string | URL | Request, init: RequestInit = {}): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : input);
  const response = await requestText(url, { method: init.method, headers: init.headers, body: typeof init.body === 'string' ? init.body : undefined, signal: init.signal });
  const parsed: unknown = response.text === '' ? undefined : JSON.parse(response.text);
  if (response.status < 200 || response.status >= 300) {
    throw new MeilisearchApiError(new Response(response.text || null, { status: response.status, statusText: response.statusText, headers: response.headers }), parsed as ConstructorParameters<typeof MeilisearchApiError>[1]);
  }
  return parsed;
}
