import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { formatMoney } from '@/lib/catalog/currency';
import { planStepStatuses } from '@/db/schema';
import { getPlan } from '@/lib/plans/plan-details';
import { planStepStatusLabels } from '@/lib/plans/plan-vocabulary';
import { ActionForm } from '../../../../_components/action-form';
import { Badge, Card, PageHeader } from '../../../../_components/layout-bits';
import { loadForPage } from '../../../../_components/load-for-page';
import { PlanComments } from '../../../../_components/plan-comments';
import { SubmitButton } from '../../../../_components/submit-button';
import { markStepProgressAction } from '../../actions';

export const metadata: Metadata = { title: 'My plan' };

const percent = (n: number) => `${Math.round(n * 100)}%`;

export default async function MyPlanDetailsPage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const actor = await requirePageActor('plan:follow', `/my-plan/plans/${encodeURIComponent(planId)}`);
  const details = await loadForPage(() => getPlan(actor, planId));
  const { plan, steps, totals, goal } = details;
  const isArchived = plan.status === 'archived';

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={plan.title}
        description={
          <>
            {goal ? `Towards: ${goal.goal.title} · ` : ''}
            {details.orgName ? `Shared by ${details.orgName} · ` : ''}
            <Link href="/my-plan" className="text-brand-700 underline">
              Back to My plan
            </Link>{' '}
            ·{' '}
            <a href={`/api/v1/plans/${plan.id}/pdf`} className="text-brand-700 underline" download>
              Download PDF
            </a>
          </>
        }
      />
      <p className="text-sm text-slate-800">
        {totals.completedSteps} of {totals.steps} steps completed · {formatMoney(totals.cost.eur, 'EUR')} · {totals.hours} hours
        {totals.coverage ? ` · the goal will be ${percent(totals.coverage.after)} covered` : ''}
      </p>
      <Card title={`Steps (${steps.length})`}>
        <ol className="flex flex-col gap-4">
          {steps.map((step, i) => (
            <li key={step.id} className="rounded-md border border-slate-200 p-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="text-sm">
                  <h3 className="font-semibold text-slate-900">
                    {i + 1}.{' '}
                    {step.programSlug ? (
                      <Link href={`/programs/${step.programSlug}`} className="text-brand-700 underline">
                        {step.programTitle}
                      </Link>
                    ) : (
                      step.programTitle
                    )}{' '}
                    {step.programState !== 'published' ? <Badge tone="amber">{step.programState === 'archived' ? 'Archived' : 'No longer available'}</Badge> : null}
                  </h3>
                  <p className="text-slate-700">
                    {step.providerName ?? 'Provider not stated'} · {formatMoney(step.cost, step.currency)}
                    {step.hours !== null ? ` · ${step.hours} h` : ''}
                    {step.startDate ? ` · from ${step.startDate}` : ''}
                    {step.endDate ? ` to ${step.endDate}` : ''}
                  </p>
                  {step.goalSkills.length ? <p className="text-slate-800">You will gain: {step.goalSkills.map((s) => s.label).join(', ')}</p> : null}
                  {step.notes ? <p className="mt-1 text-slate-700">Note from your adviser: {step.notes}</p> : null}
                </div>
                {isArchived ? (
                  <Badge>{planStepStatusLabels[step.status]}</Badge>
                ) : (
                  <ActionForm action={markStepProgressAction} className="flex items-end gap-2">
                    <input type="hidden" name="planId" value={plan.id} />
                    <input type="hidden" name="stepId" value={step.id} />
                    <input type="hidden" name="expectedVersion" value={plan.version} />
                    <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                      My progress<span className="sr-only"> on {step.programTitle}</span>
                      <select name="status" defaultValue={step.status} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                        {planStepStatuses.map((s) => (
                          <option key={s} value={s}>
                            {planStepStatusLabels[s]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <SubmitButton variant="secondary" pendingLabel="Saving…">
                      Save<span className="sr-only"> progress on {step.programTitle}</span>
                    </SubmitButton>
                  </ActionForm>
                )}
              </div>
            </li>
          ))}
        </ol>
      </Card>
      <PlanComments comments={details.comments} planId={plan.id} clientId={details.client.id} steps={steps} />
    </div>
  );
}
