type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a Next.js route handler directly, as the HTTP layer would, with an API key or a cookie header. */
export async function callRoute(
  handler: RouteHandler,
  opts: { method?: string; path?: string; apiKey?: string; cookie?: string; params?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; body: any }> {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (opts.apiKey) headers.set('authorization', `Bearer ${opts.apiKey}`);
  if (opts.cookie) headers.set('cookie', opts.cookie);
  const request = new Request(`http://localhost${opts.path ?? '/'}`, {
    method: opts.method ?? 'GET',
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const response = await handler(request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, body: text ? (isJson ? JSON.parse(text) : text) : null };
}
