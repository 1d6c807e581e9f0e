import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { assignableMembers, getClient } from '@/lib/clients/clients';
import { PageHeader } from '../../../../_components/layout-bits';
import { loadForPage } from '../../../../_components/load-for-page';
import { ClientForm } from '../../client-form';
import { ClientDataProtection } from './data-protection';

export const metadata: Metadata = { title: 'Edit client' };

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('clients:manage', `/clients/${encodeURIComponent(id)}/edit`);
  const [{ client: c }, practitioners] = await loadForPage(() => Promise.all([getClient(actor, id), assignableMembers(actor)]));
  const text = (v: string | number | null) => (v === null ? '' : String(v));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader title={`Edit: ${c.fullName}`} />
      <ClientForm
        clientId={c.id}
        practitioners={practitioners}
        defaults={{
          fullName: c.fullName, email: text(c.email), phone: text(c.phone), assignedTo: text(c.assignedTo), country: text(c.country), region: text(c.region), city: text(c.city),
          travelRadiusKm: text(c.travelRadiusKm), deliveryModes: c.deliveryModes.join(','), languages: c.languages.join(', '), maxBudget: text(c.maxBudget),
          budgetCurrency: text(c.budgetCurrency), hoursPerWeek: text(c.hoursPerWeek), earliestStart: text(c.earliestStart),
          consentDataProcessing: String(c.consentDataProcessing), consentEmployerVisible: String(c.consentEmployerVisible),
        }}
      />
      <ClientDataProtection clientId={c.id} fullName={c.fullName} />
    </div>
  );
}
