import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { orgKindLabels } from '@/lib/auth/roles';
import { platformOverview } from '@/lib/orgs/platform';
import { Badge, Card, PageHeader } from '../../_components/layout-bits';
import { DataTable } from '../../_components/table';

export const metadata: Metadata = { title: 'Platform admin' };

export default async function PlatformAdminPage() {
  const actor = await requirePageActor('platform:manage', '/admin');
  const { orgs, people } = await platformOverview(actor);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Platform admin" description="Every organisation and account on this Credpath installation." />
      <Card title={`Organisations (${orgs.length})`}>
        <DataTable
          caption="Organisations"
          rows={orgs}
          rowKey={(o) => o.id}
          columns={[
            { header: 'Name', cell: (o) => o.name },
            { header: 'Slug', cell: (o) => <code className="text-xs">{o.slug}</code> },
            { header: 'Kind', cell: (o) => orgKindLabels[o.kind] },
            { header: 'Members', cell: (o) => o.members },
            { header: 'Created', cell: (o) => o.createdAt.toISOString().slice(0, 10) },
          ]}
        />
      </Card>
      <Card title={`Accounts (${people.length})`}>
        <DataTable
          caption="Accounts"
          rows={people}
          rowKey={(p) => p.id}
          columns={[
            { header: 'Name', cell: (p) => p.name },
            { header: 'Email', cell: (p) => p.email },
            { header: 'Platform admin', cell: (p) => (p.isPlatformAdmin ? <Badge tone="blue">yes</Badge> : 'no') },
            { header: 'Created', cell: (p) => p.createdAt.toISOString().slice(0, 10) },
          ]}
        />
      </Card>
    </div>
  );
}
