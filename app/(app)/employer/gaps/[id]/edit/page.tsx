import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { getGap } from '@/lib/employers/gaps';
import { PageHeader } from '../../../../../_components/layout-bits';
import { loadForPage } from '../../../../../_components/load-for-page';
import { GapForm } from '../../gap-form';

export const metadata: Metadata = { title: 'Edit skill gap' };

export default async function EditGapPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('gaps:manage', `/employer/gaps/${encodeURIComponent(id)}/edit`);
  const { gap, occupationCode, skills } = await loadForPage(() => getGap(actor, id));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader title={`Edit: ${gap.roleTitle}`} />
      <GapForm
        gapId={gap.id}
        defaults={{
          roleTitle: gap.roleTitle,
          occupation: occupationCode ?? '',
          region: gap.region,
          city: gap.city ?? '',
          headcount: String(gap.headcount),
          urgency: gap.urgency,
          targetDate: gap.targetDate ?? '',
          description: gap.description ?? '',
        }}
        skills={skills.map((s) => ({ id: s.skillId, label: s.label, level: s.level, isMustHave: s.isMustHave }))}
      />
    </div>
  );
}
