import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatMoney } from '@/lib/catalog/currency';
import { credentialTypeLabels, type CredentialType } from '@/lib/catalog/vocabulary';
import type { PlanDetails } from '@/lib/plans/plan-details';
import { percent, planCostSummary, programStateNote, quantity, stepDates } from '@/lib/plans/plan-format';
import { planStepStatusLabels } from '@/lib/plans/plan-vocabulary';

const credentialLabel = (type: string | null) => (type ? (credentialTypeLabels[type as CredentialType] ?? type) : null);

/**
 * A plan as a read-only document, laid out for paper as well as the screen: the printable
 * view and the public share page both show it. It names the client but holds no contact
 * details, notes or comments.
 */
export function PlanDocument({ details, byline }: { details: PlanDetails; byline?: ReactNode }) {
  const { plan, client, goal, steps, totals, timeline } = details;
  const entries = new Map(timeline.entries.map((e) => [e.stepId, e]));
  const titles = new Map(steps.map((s) => [s.id, s.programTitle]));
  return (
    <article className="flex flex-col gap-6 text-slate-900 print:gap-4 print:text-sm">
      <header className="border-b border-slate-300 pb-4">
        {details.orgName ? <p className="text-sm font-semibold tracking-wide text-slate-700 uppercase">{details.orgName}</p> : null}
        <h1 className="mt-1 text-2xl font-bold">{plan.title}</h1>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-700">Client</dt>
          <dd>{client.fullName}</dd>
          <dt className="text-slate-700">Goal</dt>
          <dd>{goal ? goal.goal.title : 'No goal set'}</dd>
          {plan.status === 'archived' ? (
            <>
              <dt className="text-slate-700">Status</dt>
              <dd>Archived plan</dd>
            </>
          ) : null}
        </dl>
        {byline ? <p className="mt-2 text-sm text-slate-700">{byline}</p> : null}
      </header>

      <section aria-labelledby="plan-totals">
        <h2 id="plan-totals" className="mb-2 text-lg font-semibold">
          Totals
        </h2>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-700">Cost</dt>
          <dd>{planCostSummary(totals.cost)}</dd>
          <dt className="text-slate-700">Time</dt>
          <dd>
            {totals.hours} h over {totals.weeks} weeks of programs
          </dd>
          <dt className="text-slate-700">Progress</dt>
          <dd>
            {totals.completedSteps} of {totals.steps} steps completed
          </dd>
          {totals.coverage ? (
            <>
              <dt className="text-slate-700">Goal covered</dt>
              <dd>
                {percent(totals.coverage.before)} now, {percent(totals.coverage.after)} once the plan is completed (closes {totals.coverage.gapSkillsClosed} of {totals.coverage.gapSkills} gap skills)
              </dd>
            </>
          ) : null}
          {totals.inDemandSkillsGained.length ? (
            <>
              <dt className="text-slate-700">In-demand skills gained</dt>
              <dd>{totals.inDemandSkillsGained.map((s) => s.label).join(', ')}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="plan-steps">
        <h2 id="plan-steps" className="mb-2 text-lg font-semibold">
          Steps ({steps.length})
        </h2>
        {steps.length === 0 ? <p className="text-sm text-slate-700">No programs in this plan yet.</p> : null}
        <ol className="flex flex-col gap-3">
          {steps.map((step, index) => {
            const state = programStateNote[step.programState];
            return (
              <li key={step.id} className="break-inside-avoid rounded-md border border-slate-300 p-4 print:p-3">
                <h3 className="font-semibold">
                  {index + 1}. {step.programSlug ? <Link href={`/programs/${step.programSlug}`} className="text-brand-700 underline print:text-slate-900 print:no-underline">{step.programTitle}</Link> : step.programTitle}
                </h3>
                {state ? <p className="text-sm text-amber-900 italic">{state}</p> : null}
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="text-slate-700">Provider</dt>
                  <dd>{[step.providerName, credentialLabel(step.credentialType)].filter(Boolean).join(' · ')}</dd>
                  <dt className="text-slate-700">Status</dt>
                  <dd>{planStepStatusLabels[step.status]}</dd>
                  <dt className="text-slate-700">Dates</dt>
                  <dd>{stepDates(entries.get(step.id))}</dd>
                  <dt className="text-slate-700">Cost</dt>
                  <dd>{formatMoney(step.cost, step.currency)}</dd>
                  <dt className="text-slate-700">Effort</dt>
                  <dd>
                    {quantity(step.hours, 'h')}, {quantity(step.weeks, 'weeks')}
                  </dd>
                  {step.goalSkills.length ? (
                    <>
                      <dt className="text-slate-700">Gap skills covered</dt>
                      <dd>{step.goalSkills.map((s) => (s.isHeld ? `${s.label} (held)` : s.label)).join(', ')}</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            );
          })}
        </ol>
      </section>

      {timeline.start && timeline.end ? (
        <section aria-labelledby="plan-timeline" className="break-inside-avoid">
          <h2 id="plan-timeline" className="mb-2 text-lg font-semibold">
            Timeline
          </h2>
          <p className="mb-2 text-sm text-slate-700">
            {timeline.start} to {timeline.end}. Dates marked “est.” follow the previous step and the program’s length.
          </p>
          <ol className="list-inside list-decimal text-sm">
            {timeline.entries.map((entry) => (
              <li key={entry.stepId}>
                {titles.get(entry.stepId)}: {stepDates(entry)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <StackabilitySection steps={steps} />
    </article>
  );
}

/** Where each step's credential leads: chains of programs it stacks into. */
function StackabilitySection({ steps }: { steps: PlanDetails['steps'] }) {
  const stacking = steps.filter((s) => s.stackPaths.length || s.unresolvedStacksInto.length);
  if (stacking.length === 0) return null;
  return (
    <section aria-labelledby="plan-stackability" className="break-inside-avoid">
      <h2 id="plan-stackability" className="mb-2 text-lg font-semibold">
        Where these credentials lead
      </h2>
      <ul className="flex flex-col gap-1 text-sm">
        {stacking.flatMap((step) => [
          ...step.stackPaths.map((path) => (
            <li key={`${step.id}:${path.map((n) => n.programId).join('>')}`}>
              {[step.programTitle, ...path.map((n) => `${n.title}${credentialLabel(n.credentialType) ? ` (${credentialLabel(n.credentialType)})` : ''}`)].join(' → ')}
            </li>
          )),
          ...(step.unresolvedStacksInto.length
            ? [
                <li key={`${step.id}:unresolved`}>
                  {step.programTitle} also counts towards (as its provider says): {step.unresolvedStacksInto.join(', ')}
                </li>,
              ]
            : []),
        ])}
      </ul>
    </section>
  );
}
