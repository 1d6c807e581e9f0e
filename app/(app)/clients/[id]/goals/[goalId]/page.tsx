import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/lib/auth/session';
import { recommendProgramsForGoal } from '@/lib/recommendations/recommendations';
import { PageHeader } from '../../../../../_components/layout-bits';
import { loadForPage } from '../../../../../_components/load-for-page';
import { RecommendationView } from '../../../../../_components/recommendation-view';

export const metadata: Metadata = { title: 'Recommended programs' };

type PageProps = { params: Promise<{ id: string; goalId: string }> };

export default async function GoalRecommendationsPage({ params }: PageProps) {
  const { id, goalId } = await params;
  const actor = await requirePageActor('clients:manage', `/clients/${encodeURIComponent(id)}/goals/${encodeURIComponent(goalId)}`);
  const r = await loadForPage(() => recommendProgramsForGoal(actor, goalId));
  if (r.client.id !== id) notFound();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`Recommended programs: ${r.gap.goal.title}`}
        description={
          <>
            For{' '}
            <Link href={`/clients/${r.client.id}`} className="text-brand-700 underline">
              {r.client.fullName}
            </Link>{' '}
            · the goal is {Math.round(r.gap.coverage * 100)}% covered today · {r.gap.missing.length} skills to gain
          </>
        }
      />
      <RecommendationView r={r} canManage constraintsHref={`/clients/${r.client.id}/edit`} />
    </div>
  );
}
