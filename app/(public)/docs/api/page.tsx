import type { Metadata } from 'next';
import Link from 'next/link';
import { openApiDocument } from '@/lib/api/openapi';
import { requestOrigin } from '@/lib/http/origin';
import { Card, PageHeader } from '../../../_components/layout-bits';

export const metadata: Metadata = { title: 'API' };

type Operation = { summary: string; parameters?: Array<{ name: string; in: string; description?: string }>; security?: unknown[] };

export default async function ApiDocsPage() {
  const origin = await requestOrigin();
  const doc = openApiDocument(origin);
  const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, verbs]) =>
    Object.entries(verbs).map(([verb, op]) => ({ path, verb: verb.toUpperCase(), op })),
  );
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="Credpath API"
        description={
          <>
            JSON over HTTPS at <code>{origin}/api/v1</code>. The machine-readable description is the{' '}
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              OpenAPI document
            </a>
            .
          </>
        }
      />
      <Card title="Authentication">
        <p className="text-sm text-slate-800">
          Public search needs nothing. Everything else takes an organisation API key, <code>Authorization: Bearer cp_…</code>, created by an organisation admin in{' '}
          <Link className="text-brand-700 underline" href="/settings/api-keys">
            Settings → API keys
          </Link>
          , or the signed-in browser session. A key acts with the role it was given, inside its organisation only.
        </p>
        <pre className="mt-3 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{`curl "${origin}/api/v1/programs?q=data+analysis&country=CA&delivery_mode=online_self_paced,blended&per_page=5"

curl -X POST "${origin}/api/v1/imports?dry_run=true" \\
  -H "Authorization: Bearer $CREDPATH_KEY" -H "Content-Type: text/csv" --data-binary @programs.csv`}</pre>
      </Card>
      <Card title="Errors">
        <p className="text-sm text-slate-800">
          Every error is <code>{'{ "error": { "code", "message", "details" } }'}</code> with status 401 (no or bad credentials), 403 (role), 404 (not found, or not yours), 409 (conflict), 422
          (validation: <code>details.fields</code> maps each field to its messages) or 503 (search temporarily unavailable).
        </p>
      </Card>
      <Card title="Endpoints">
        <ul className="divide-y divide-slate-100">
          {operations.map(({ path, verb, op }) => (
            <li key={`${verb} ${path}`} className="py-3">
              <p className="font-mono text-sm">
                <span className="mr-2 inline-block w-16 font-semibold text-brand-700">{verb}</span>
                /api/v1{path}
              </p>
              <p className="mt-1 text-sm text-slate-800">{op.summary}{op.security && op.security.length === 0 ? ' · public' : ''}</p>
              {op.parameters?.length ? <p className="mt-1 text-xs text-slate-600">Parameters: {op.parameters.map((p) => p.name).join(', ')}</p> : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Command line">
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{`npm run import -- programs.csv --org lakeshore-polytechnic --dry-run
npm run import -- programs.jsonld --org lakeshore-polytechnic
npm run reindex`}</pre>
      </Card>
    </div>
  );
}
