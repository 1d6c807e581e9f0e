import type { Metadata } from 'next';
import Link from 'next/link';
import type { Program } from '@/db/schema';
import { requirePageActor } from '@/lib/auth/session';
import { programCompleteness } from '@/lib/catalog/completeness';
import { listOrgPrograms } from '@/lib/catalog/programs';
import { credentialTypeLabels, deliveryModeLabels, programStatuses, type ProgramStatus } from '@/lib/catalog/vocabulary';
import { Alert } from '../../../_components/alert';
import { Button, LinkButton } from '../../../_components/button';
import { TextField } from '../../../_components/field';
import { Badge, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { DataTable } from '../../../_components/table';
import { loadForPage } from '../../../_components/load-for-page';
import { ProgramStatusActions } from './program-actions';
import { programStatusLabels, programStatusTone } from './status';

export const metadata: Metadata = { title: 'Our programs' };

const basePath = '/provider/programs';
const perPage = 25;

type Query = { status?: ProgramStatus; q?: string; page?: number };

function listHref({ status, q, page }: Query): string {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (q) params.set('q', q);
  if (page && page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function RowActions({ program: p }: { program: Program }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <Link href={`/programs/${p.slug}`} className="rounded-md px-2 py-1 text-sm font-semibold text-brand-700 underline hover:bg-brand-50">
        View<span className="sr-only"> {p.title}</span>
      </Link>
      <ProgramStatusActions programId={p.id} title={p.title} status={p.status} />
    </div>
  );
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProviderProgramsPage({ searchParams }: PageProps) {
  const actor = await requirePageActor('programs:manage', basePath);
  const params = await searchParams;
  const rawStatus = first(params.status);
  const status = programStatuses.find((s) => s === rawStatus);
  const q = first(params.q)?.trim().slice(0, 200) || undefined;
  const page = Math.max(1, Number.parseInt(first(params.page) ?? '1', 10) || 1);

  const [result, ...counts] = await loadForPage(() =>
    Promise.all([
      listOrgPrograms(actor, { status, q, page, perPage }),
      ...[undefined, ...programStatuses].map((s) => listOrgPrograms(actor, { status: s, q, perPage: 1 }).then((r) => r.total)),
    ]),
  );
  const tabs = [{ status: undefined, label: 'All' }, ...programStatuses.map((s) => ({ status: s, label: programStatusLabels[s] }))].map((tab, i) => ({ ...tab, count: counts[i] ?? 0 }));
  const pages = Math.max(1, Math.ceil(result.total / perPage));
  const isFiltered = !!status || !!q;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Our programs"
        description="Create, edit and publish your organisation’s micro-credentials. Published programs appear in search within a few seconds."
        actions={
          <>
            <LinkButton href="/provider/imports" variant="secondary">
              Import a file
            </LinkButton>
            <LinkButton href={`${basePath}/new`}>New program</LinkButton>
          </>
        }
      />
      {first(params.saved) ? <Alert tone="success">Program saved.</Alert> : null}
      {first(params.deleted) ? <Alert tone="success">Program deleted.</Alert> : null}

      <div className="flex flex-wrap items-end justify-between gap-4">
        <nav aria-label="Filter by status">
          <ul className="flex flex-wrap gap-1">
            {tabs.map((tab) => {
              const isCurrent = tab.status === status;
              return (
                <li key={tab.label}>
                  <Link
                    href={listHref({ status: tab.status, q })}
                    aria-current={isCurrent ? 'page' : undefined}
                    className={`inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium ${isCurrent ? 'bg-brand-700 text-white' : 'text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100'}`}
                  >
                    {tab.label}
                    <span className={`rounded-full px-1.5 text-xs ${isCurrent ? 'bg-white/20' : 'bg-slate-100'}`}>{tab.count}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <form action={basePath} method="get" role="search" aria-label="Programs" className="flex items-end gap-2">
          {status ? <input type="hidden" name="status" value={status} /> : null}
          <TextField name="q" label="Search by title" type="search" defaultValue={q} />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
      </div>

      {result.programs.length === 0 ? (
        isFiltered ? (
          <EmptyState title="No programs match">
            <Link href={basePath} className="text-brand-700 underline">
              Show all programs
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No programs yet">
            <p>Describe a program in the form, or bring your whole catalogue from a CSV or JSON file.</p>
            <div className="mt-4 flex flex-wrap justify-center gap-2">
              <LinkButton href={`${basePath}/new`}>Create a program</LinkButton>
              <LinkButton href="/provider/imports" variant="secondary">
                Import a file
              </LinkButton>
            </div>
          </EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption={`Programs${status ? ` (${programStatusLabels[status].toLowerCase()})` : ''}${q ? ` matching “${q}”` : ''}`}
            rows={result.programs}
            rowKey={(p) => p.id}
            columns={[
              {
                header: 'Title',
                cell: (p) => (
                  <Link href={`${basePath}/${p.id}/edit`} className="font-medium text-brand-700 underline">
                    {p.title}
                  </Link>
                ),
              },
              { header: 'Credential type', cell: (p) => credentialTypeLabels[p.credentialType] },
              { header: 'Delivery mode', cell: (p) => deliveryModeLabels[p.deliveryMode] },
              { header: 'Status', cell: (p) => <Badge tone={programStatusTone[p.status]}>{programStatusLabels[p.status]}</Badge> },
              {
                header: 'Completeness',
                cell: (p) => {
                  const { mandatory } = programCompleteness(p);
                  return (
                    <span className={mandatory.present === mandatory.total ? 'text-green-800' : 'text-slate-800'}>
                      {mandatory.present}/{mandatory.total} standard elements
                    </span>
                  );
                },
              },
              { header: 'Updated', cell: (p) => <time dateTime={p.updatedAt.toISOString()}>{p.updatedAt.toISOString().slice(0, 10)}</time> },
              { header: 'Actions', cell: (p) => <RowActions program={p} /> },
            ]}
          />
          {pages > 1 ? (
            <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm">
              {page > 1 ? (
                <Link href={listHref({ status, q, page: page - 1 })} rel="prev" className="text-brand-700 underline">
                  Previous page
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-700">
                Page {page} of {pages} · {result.total} programs
              </span>
              {page < pages ? (
                <Link href={listHref({ status, q, page: page + 1 })} rel="next" className="text-brand-700 underline">
                  Next page
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
