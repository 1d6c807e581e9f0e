import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { assertGapManager } from '@/lib/employers/gaps';
import { PageHeader } from '../../../../_components/layout-bits';
import { loadForPage } from '../../../../_components/load-for-page';
import { GapForm } from '../gap-form';

export const metadata: Metadata = { title: 'Post a skill gap' };

export default async function NewGapPage() {
  await loadForPage(async () => assertGapManager(await requirePageActor('gaps:manage', '/employer/gaps/new')));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader title="Post a skill gap" description="Which skills you need, where, for how many people and by when. You then see the programs that teach them nearby." />
      <GapForm defaults={{ urgency: 'medium', headcount: '1' }} skills={[]} />
    </div>
  );
}
