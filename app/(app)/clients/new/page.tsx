import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { assignableMembers } from '@/lib/clients/clients';
import { PageHeader } from '../../../_components/layout-bits';
import { loadForPage } from '../../../_components/load-for-page';
import { ClientForm } from '../client-form';

export const metadata: Metadata = { title: 'New client' };

export default async function NewClientPage() {
  const actor = await requirePageActor('clients:manage', '/clients/new');
  const practitioners = await loadForPage(() => assignableMembers(actor));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader title="New client" description="Contact details, where they live and learn, what they can afford and their consent." />
      <ClientForm defaults={{ assignedTo: actor.role === 'practitioner' ? (actor.userId ?? '') : '' }} practitioners={practitioners} />
    </div>
  );
}
