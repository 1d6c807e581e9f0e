import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { PageHeader } from '../../../_components/layout-bits';
import { CreateOrgForm } from './create-org-form';

export const metadata: Metadata = { title: 'Create an organisation' };

export default async function NewOrganisationPage() {
  await requirePageActor('org:create', '/orgs/new');
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader title="Create an organisation" description="You will be its admin, and can invite colleagues with a link." />
      <CreateOrgForm />
    </div>
  );
}
