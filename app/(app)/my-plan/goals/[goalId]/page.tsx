import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { recommendProgramsForGoal } from '@/lib/recommendations/recommendations';
import { PageHeader } from '../../../../_components/layout-bits';
import { loadForPage } from '../../../../_components/load-for-page';
import { RecommendationView } from '../../../../_components/recommendation-view';

export const metadata: Metadata = { title: 'Recommended programs' };

/** The job seeker's own recommendation for their goal (read-only). */
export default async function MyGoalRecommendationsPage({ params }: { params: Promise<{ goalId: string }> }) {
  const { goalId } = await params;
  const actor = await requirePageActor('plan:follow', `/my-plan/goals/${encodeURIComponent(goalId)}`);
  const r = await loadForPage(() => recommendProgramsForGoal(actor, goalId));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`Recommended programs: ${r.gap.goal.title}`}
        description={
          <>
            You already cover {Math.round(r.gap.coverage * 100)}% of this goal · {r.gap.missing.length} skills to gain ·{' '}
            <Link href="/my-plan" className="text-brand-700 underline">
              Back to My plan
            </Link>
          </>
        }
      />
      <RecommendationView r={r} canManage={false} constraintsHref="/my-plan" />
    </div>
  );
}
