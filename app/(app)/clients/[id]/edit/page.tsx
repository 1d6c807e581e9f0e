import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { assignableMembers, getClient } from '@/lib/clients/clients';
import { PageHeader } from '../../../../_components/layout-bits';
import { loadForPage } from '../../../../_components/load-for-page';
import { clientFormDefaults } from '../../client-form-defaults';
import { ClientForm } from '../../client-form';
import { ClientDataProtection } from './data-protection';

export const metadata: Metadata = { title: 'Edit client' };

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('clients:manage', `/clients/${encodeURIComponent(id)}/edit`);
  const [{ client: c }, practitioners] = await loadForPage(() => Promise.all([getClient(actor, id), assignableMembers(actor)]));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader title={`Edit: ${c.fullName}`} />
      <ClientForm
        clientId={c.id}
        practitioners={practitioners}
        defaults={clientFormDefaults(c)}
      />
      <ClientDataProtection clientId={c.id} fullName={c.fullName} />
    </div>
  );
}
