import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { assignableMembers, listClients } from '@/lib/clients/clients';
import { clientStageLabels } from '@/lib/clients/stages';
import { regionLabel } from '@/lib/geo/regions';
import { Alert } from '../../_components/alert';
import { LinkButton, buttonClass } from '../../_components/button';
import { Badge, Card, EmptyState, PageHeader } from '../../_components/layout-bits';
import { loadForPage } from '../../_components/load-for-page';
import { DataTable } from '../../_components/table';

export const metadata: Metadata = { title: 'Clients' };

type PageProps = { searchParams: Promise<{ q?: string; status?: string; assignedTo?: string; region?: string; deleted?: string }> };

const selectClass = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

export default async function ClientsPage({ searchParams }: PageProps) {
  const query = await searchParams;
  const actor = await requirePageActor('clients:manage', '/clients');
  const [clients, practitioners] = await loadForPage(() => Promise.all([listClients(actor, query), assignableMembers(actor)]));
  const isFiltered = !!(query.q || query.assignedTo || query.region || query.status === 'archived');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Clients"
        description="Your career service's caseload."
        actions={
          <>
            <LinkButton href="/clients/dashboard" variant="secondary">
              Dashboard
            </LinkButton>
            <LinkButton href="/clients/new">New client</LinkButton>
          </>
        }
      />
      {query.deleted ? (
        <Alert tone="success" title="Client deleted">
          The record and everything about the client were erased.
        </Alert>
      ) : null}
      <Card>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <label htmlFor="clients-q" className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Name or email
            <input id="clients-q" name="q" defaultValue={query.q ?? ''} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </label>
          <label htmlFor="clients-assigned" className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Practitioner
            <select id="clients-assigned" name="assignedTo" defaultValue={query.assignedTo ?? ''} className={selectClass}>
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="none">Not assigned</option>
              {practitioners.map((p) => (
                <option key={p.userId} value={p.userId}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor="clients-region" className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Region or country code
            <input id="clients-region" name="region" defaultValue={query.region ?? ''} placeholder="US-NY" className="w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </label>
          <label htmlFor="clients-status" className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Status
            <select id="clients-status" name="status" defaultValue={query.status ?? 'active'} className={selectClass}>
              <option value="active">Active</option>
              <option value="archived">Archived</option>
            </select>
          </label>
          <button type="submit" className={buttonClass('secondary')}>
            Filter
          </button>
        </form>
        {clients.length === 0 ? (
          <EmptyState title={isFiltered ? 'No client matches these filters' : 'No clients yet'}>{isFiltered ? null : 'Create a client record to start a skills profile and set goals.'}</EmptyState>
        ) : (
          <DataTable
            caption="Clients"
            rows={clients}
            rowKey={(c) => c.id}
            columns={[
              { header: 'Name', cell: (c) => <Link href={`/clients/${c.id}`} className="font-medium text-brand-700 underline">{c.fullName}</Link> },
              { header: 'Stage', cell: (c) => <Badge>{clientStageLabels[c.stage]}</Badge> },
              { header: 'Region', cell: (c) => (c.region ? regionLabel(c.region) : (c.country ?? '—')) },
              { header: 'Practitioner', cell: (c) => c.assignedName ?? '—' },
              { header: 'Consent', cell: (c) => (c.consentDataProcessing ? (c.consentEmployerVisible ? 'Data, visible to employers' : 'Data') : 'None recorded') },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
