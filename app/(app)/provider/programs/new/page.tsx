import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { assertProgramManager } from '@/lib/catalog/programs';
import { PageHeader } from '../../../../_components/layout-bits';
import { loadForPage } from '../../../../_components/load-for-page';
import { ProgramForm } from '../program-form';

export const metadata: Metadata = { title: 'New program' };

export default async function NewProgramPage() {
  const actor = await loadForPage(async () => assertProgramManager(await requirePageActor('programs:manage', '/provider/programs/new')));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader title="New program" description="Save it as a draft to preview it first, or publish it straight away." />
      <ProgramForm defaults={{ status: 'draft', providerName: actor.org?.name ?? '', languages: 'en' }} />
    </div>
  );
}
