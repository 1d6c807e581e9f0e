import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { roleLabels, rolesByOrgKind } from '@/lib/auth/roles';
import { listApiKeys } from '@/lib/orgs/api-keys';
import { Badge, Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { DataTable } from '../../../_components/table';
import { CreateApiKeyForm, RevokeApiKeyButton } from './api-key-forms';

export const metadata: Metadata = { title: 'API keys' };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '—');

export default async function ApiKeysPage() {
  const actor = await requirePageActor('apikeys:manage', '/settings/api-keys');
  const keys = await listApiKeys(actor);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="API keys" description="Keys let your other systems use the Credpath API on behalf of this organisation. Only a hash is stored." />
      <Card title="Create a key">
        <CreateApiKeyForm roles={rolesByOrgKind[actor.org!.kind]} />
      </Card>
      <Card title="Keys">
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet" />
        ) : (
          <DataTable
            caption="API keys"
            rows={keys}
            rowKey={(k) => k.id}
            columns={[
              { header: 'Name', cell: (k) => k.name },
              { header: 'Key', cell: (k) => <code className="text-xs">cp_{k.prefix}_…</code> },
              { header: 'Acts as', cell: (k) => roleLabels[k.role] },
              { header: 'Created', cell: (k) => day(k.createdAt) },
              { header: 'Last used', cell: (k) => day(k.lastUsedAt) },
              { header: 'Status', cell: (k) => (k.revokedAt ? <Badge tone="slate">revoked {day(k.revokedAt)}</Badge> : <Badge tone="green">active</Badge>) },
              { header: 'Actions', cell: (k) => (k.revokedAt ? null : <RevokeApiKeyButton keyId={k.id} name={k.name} />) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
