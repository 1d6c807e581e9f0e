import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/lib/auth/session';
import { formatMoney } from '@/lib/catalog/currency';
import { credentialTypeLabels, type CredentialType } from '@/lib/catalog/vocabulary';
import { getPlan, type PlanDetails } from '@/lib/plans/plan-details';
import { Alert } from '../../../../../_components/alert';
import { Badge, Card, PageHeader } from '../../../../../_components/layout-bits';
import { loadForPage } from '../../../../../_components/load-for-page';
import { PlanComments } from '../../../../../_components/plan-comments';
import { SubmitButton } from '../../../../../_components/submit-button';
import { deletePlanAction, updatePlanAction } from '../actions';
import { AddProgram } from './add-program';
import { PlanForm } from './plan-form';
import { PlanSteps } from './plan-steps';
import { ShareCard } from './share-card';

export const metadata: Metadata = { title: 'Plan' };

type PageProps = { params: Promise<{ id: string; planId: string }> };

const percent = (share: number) => `${Math.round(share * 100)}%`;
const credentialLabel = (type: string | null) => (type ? (credentialTypeLabels[type as CredentialType] ?? type) : '');

export default async function PlanPage({ params }: PageProps) {
  const { id, planId } = await params;
  const actor = await requirePageActor('clients:manage', `/clients/${encodeURIComponent(id)}/plans/${encodeURIComponent(planId)}`);
  const details = await loadForPage(() => getPlan(actor, planId));
  if (details.client.id !== id) notFound();
  const { plan, client, goal, steps } = details;
  const isArchived = plan.status === 'archived';
  const reloadHref = `/clients/${client.id}/plans/${plan.id}`;
  const versionFields = (
    <>
      <input type="hidden" name="clientId" value={client.id} />
      <input type="hidden" name="planId" value={plan.id} />
      <input type="hidden" name="expectedVersion" value={plan.version} />
    </>
  );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={plan.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {isArchived ? <Badge>Archived</Badge> : <Badge tone="green">Active</Badge>}
            <span>
              For{' '}
              <Link href={`/clients/${client.id}`} className="text-brand-700 underline">
                {client.fullName}
              </Link>
              {goal ? ` · goal: ${goal.goal.title}` : ' · no goal'}
            </span>
          </span>
        }
        actions={
          <PlanForm action={updatePlanAction} reloadHref={reloadHref}>
            {versionFields}
            <input type="hidden" name="status" value={isArchived ? 'active' : 'archived'} />
            <SubmitButton variant="secondary" pendingLabel="Saving…">
              {isArchived ? 'Restore plan' : 'Archive plan'}
            </SubmitButton>
          </PlanForm>
        }
      />
      {isArchived ? <Alert tone="info">This plan is archived: restore it to change its steps.</Alert> : null}

      <PlanTotals details={details} />

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <Card title={`Steps (${steps.length})`}>
            <PlanSteps
              plan={{ clientId: client.id, planId: plan.id, version: plan.version, isArchived }}
              steps={steps.map((s) => ({
                id: s.id, status: s.status, programTitle: s.programTitle, providerName: s.providerName, programState: s.programState, programSlug: s.programSlug,
                cost: s.cost, currency: s.currency, hours: s.hours, weeks: s.weeks, startDate: s.startDate, endDate: s.endDate, notes: s.notes, goalSkills: s.goalSkills,
              }))}
            />
          </Card>
          {isArchived ? null : (
            <Card title="Add a program">
              <AddProgram clientId={client.id} planId={plan.id} version={plan.version} />
            </Card>
          )}
          <StackabilityCard steps={steps} />
          <PlanComments comments={details.comments} planId={plan.id} clientId={client.id} steps={steps} />
        </div>
        <div className="flex flex-col gap-6">
          <TimelineCard details={details} />
          <ShareCard actor={actor} clientId={client.id} planId={plan.id} />
          <Card title="Plan settings">
            <PlanForm action={updatePlanAction} reloadHref={reloadHref} className="mb-4 flex flex-col gap-2" field="title">
              {versionFields}
              <label htmlFor="plan-title" className="text-sm font-medium text-slate-800">
                Plan name
              </label>
              <input id="plan-title" name="title" defaultValue={plan.title} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
              <div>
                <SubmitButton variant="secondary" pendingLabel="Saving…">
                  Rename
                </SubmitButton>
              </div>
            </PlanForm>
            <PlanForm action={deletePlanAction} reloadHref={reloadHref} confirm={`Delete the plan “${plan.title}” and its steps?`}>
              {versionFields}
              <SubmitButton variant="danger" pendingLabel="Deleting…">
                Delete plan
              </SubmitButton>
            </PlanForm>
          </Card>
        </div>
      </div>
    </div>
  );
}

function PlanTotals({ details }: { details: PlanDetails }) {
  const { totals, goal } = details;
  const { cost, coverage } = totals;
  return (
    <Card title="Totals">
      <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-600">Cost</dt>
          <dd className="text-lg font-semibold text-slate-900">{cost.isMixedCurrency ? `≈ ${formatMoney(cost.eur, 'EUR')}` : cost.byCurrency[0] ? formatMoney(cost.byCurrency[0].amount, cost.byCurrency[0].currency) : formatMoney(cost.eur, 'EUR')}</dd>
          {cost.isMixedCurrency ? <dd className="text-slate-700">{cost.byCurrency.map((c) => formatMoney(c.amount, c.currency)).join(' + ')} (in EUR at reference rates)</dd> : null}
          {cost.unpricedSteps ? <dd className="text-slate-700">{cost.unpricedSteps} without a stated price</dd> : null}
        </div>
        <div>
          <dt className="text-slate-600">Time</dt>
          <dd className="text-lg font-semibold text-slate-900">{totals.hours} h</dd>
          <dd className="text-slate-700">over {totals.weeks} weeks of programs</dd>
        </div>
        <div>
          <dt className="text-slate-600">Progress</dt>
          <dd className="text-lg font-semibold text-slate-900">
            {totals.completedSteps} of {totals.steps} completed
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Goal covered</dt>
          {coverage && goal ? (
            <>
              <dd className="text-lg font-semibold text-slate-900">
                {percent(coverage.before)} → {percent(coverage.after)}
              </dd>
              <dd className="text-slate-700">
                closes {coverage.gapSkillsClosed} of {coverage.gapSkills} gap skills
              </dd>
            </>
          ) : (
            <dd className="text-slate-700">No goal: choose one to see coverage.</dd>
          )}
        </div>
      </dl>
      {totals.inDemandSkillsGained.length ? (
        <div className="mt-4 text-sm">
          <p className="font-medium text-slate-800">In-demand skills gained{details.client.region ? ` in ${details.client.region}` : ''}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {totals.inDemandSkillsGained.map((s) => (
              <li key={s.skillId} className="rounded-full bg-green-50 px-3 py-0.5 text-green-900 ring-1 ring-green-700">
                {s.label}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {goal && goal.missing.length ? (
        <p className="mt-3 text-sm text-slate-700">
          Still missing for “{goal.goal.title}”: {goal.missing.map((m) => m.label).join(', ')}.
        </p>
      ) : null}
    </Card>
  );
}

const dayMs = 86_400_000;

/** Steps laid out in order; estimated dates (from the previous step and the program's weeks) are marked. */
function TimelineCard({ details }: { details: PlanDetails }) {
  const { timeline, steps } = details;
  if (!timeline.start || !timeline.end) return <Card title="Timeline"><p className="text-sm text-slate-700">Add programs to see the timeline.</p></Card>;
  const first = Date.parse(timeline.start);
  const span = Math.max(Date.parse(timeline.end) - first, dayMs);
  const titles = new Map(steps.map((s) => [s.id, s.programTitle]));
  return (
    <Card title="Timeline">
      <p className="mb-3 text-sm text-slate-700">
        {timeline.start} to {timeline.end}. <span className="italic">Estimated</span> dates follow the previous step and the program’s length.
      </p>
      <ol className="flex flex-col gap-3 text-sm">
        {timeline.entries.map((entry) => {
          const left = ((Date.parse(entry.start) - first) / span) * 100;
          const width = Math.max((((entry.end ? Date.parse(entry.end) : Date.parse(entry.start)) - Date.parse(entry.start)) / span) * 100, 2);
          return (
            <li key={entry.stepId}>
              <p className="font-medium text-slate-900">{titles.get(entry.stepId)}</p>
              <p className="text-slate-700">
                <span className={entry.isStartEstimated ? 'italic' : ''}>{entry.start}</span> – <span className={entry.isEndEstimated ? 'italic' : ''}>{entry.end ?? 'length unknown'}</span>
                {entry.isStartEstimated || entry.isEndEstimated ? <span className="sr-only"> (estimated)</span> : null}
              </p>
              <div className="mt-1 h-2 rounded-full bg-slate-100" aria-hidden>
                <div className={`h-2 rounded-full ${entry.isStartEstimated && entry.isEndEstimated ? 'bg-brand-100 ring-1 ring-brand-700' : 'bg-brand-700'}`} style={{ marginLeft: `${left}%`, width: `${Math.min(width, 100 - left)}%` }} />
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

/** Each step's program and what it stacks into, as chains of boxes joined by arrows. */
function StackabilityCard({ steps }: { steps: PlanDetails['steps'] }) {
  const stacking = steps.filter((s) => s.stackPaths.length || s.unresolvedStacksInto.length);
  if (stacking.length === 0) return null;
  const box = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm';
  return (
    <Card title="Where these credentials lead">
      <ul className="flex flex-col gap-4">
        {stacking.map((step) => (
          <li key={step.id} className="flex flex-col gap-2">
            {step.stackPaths.map((path) => (
              <ol key={path.map((n) => n.programId).join('>')} className="flex flex-wrap items-center gap-2" aria-label={`${step.programTitle} stacks into ${path.map((n) => n.title).join(', then ')}`}>
                <li className={`${box} font-medium`}>
                  {step.programTitle} <span className="text-slate-600">{credentialLabel(step.credentialType)}</span>
                </li>
                {path.map((node) => (
                  <li key={node.programId} className="flex items-center gap-2">
                    <span aria-hidden className="text-lg text-slate-500">
                      →
                    </span>
                    <Link href={`/programs/${node.slug}`} className={`${box} text-brand-700 underline`}>
                      {node.title} <span className="text-slate-600 no-underline">{credentialLabel(node.credentialType)}</span>
                    </Link>
                  </li>
                ))}
              </ol>
            ))}
            {step.unresolvedStacksInto.length ? (
              <p className="text-sm text-slate-700">
                {step.programTitle} also counts towards (as its provider says): {step.unresolvedStacksInto.join(', ')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
