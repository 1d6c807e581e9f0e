import { readJson } from '@/lib/http/api';

/** A DELETE names the plan version it saw as `?expectedVersion=` (or in a JSON body). */
export async function versionOfDelete(request: Request): Promise<unknown> {
  const fromQuery = new URL(request.url).searchParams.get('expectedVersion');
  if (fromQuery !== null) return { expectedVersion: fromQuery };
  return request.headers.get('content-length') === '0' || !request.body ? {} : readJson(request);
}
