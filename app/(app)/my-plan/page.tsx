import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { getOwnRecord } from '@/lib/clients/own-record';
import { Alert } from '../../_components/alert';
import { LinkButton } from '../../_components/button';
import { Card, EmptyState, PageHeader } from '../../_components/layout-bits';

export const metadata: Metadata = { title: 'My plan' };

export default async function MyPlanPage({ searchParams }: { searchParams: Promise<{ linked?: string }> }) {
  const actor = await requirePageActor('plan:follow', '/my-plan');
  const { linked } = await searchParams;
  const record = await getOwnRecord(actor);
  if (!record) {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title="My plan" />
        <EmptyState title="No career service shares a plan with you yet">
          When your career adviser invites you, open their link to see your goals and training plan here. Meanwhile, browse programs.
          <div className="mt-4">
            <LinkButton href="/programs">Browse programs</LinkButton>
          </div>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="My plan" description={`Shared by ${record.orgName ?? 'your career service'}${record.adviserName ? ` · your adviser: ${record.adviserName}` : ''}`} />
      {linked ? <Alert tone="success">Your account is linked: your adviser will see the progress you mark here.</Alert> : null}
      <Card title={`My goals (${record.goals.length})`}>
        {record.goals.length === 0 ? (
          <p className="text-sm text-slate-700">Your adviser has not set a goal with you yet.</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {record.goals.map(({ goal, skills, missing, coverage }) => (
              <li key={goal.id} className="rounded-md border border-slate-200 p-4">
                <h3 className="font-semibold text-slate-900">{goal.title}</h3>
                <p className="text-sm text-slate-700">
                  You already have {skills.length - missing.length} of {skills.length} skills ({Math.round(coverage * 100)}%){goal.targetDate ? ` · target ${goal.targetDate}` : ''}.
                </p>
                {missing.length ? (
                  <p className="mt-2 text-sm text-slate-800">
                    <span className="font-medium">To gain:</span>{' '}
                    {missing.slice(0, 20).map((s, i) => (
                      <span key={s.skillId}>
                        {i ? ', ' : ''}
                        <Link href={`/skills/${s.skillId}`} className="text-brand-700 underline">
                          {s.label}
                        </Link>
                        {s.isInDemand ? ' (in demand)' : ''}
                      </span>
                    ))}
                    {missing.length > 20 ? ` and ${missing.length - 20} more` : ''}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
