import Link from 'next/link';
import { formatMoney } from '@/lib/catalog/currency';
import type { GoalRecommendation } from '@/lib/recommendations/recommendations';
import { createPlanAction } from '../(app)/clients/[id]/plans/actions';
import { setProgramExcludedAction } from '../(app)/clients/[id]/goals/[goalId]/actions';
import { ProgramSummary } from '../(app)/clients/[id]/goals/[goalId]/program-summary';
import { ActionForm } from './action-form';
import { Alert } from './alert';
import { Badge, Card, EmptyState } from './layout-bits';
import { SubmitButton } from './submit-button';

const percent = (n: number) => `${Math.round(n * 100)}%`;

function ExcludeButton({ clientId, goalId, programId, title, isExcluded = true }: { clientId: string; goalId: string; programId: string; title: string; isExcluded?: boolean }) {
  return (
    <ActionForm action={setProgramExcludedAction}>
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="goalId" value={goalId} />
      <input type="hidden" name="programId" value={programId} />
      <input type="hidden" name="isExcluded" value={String(isExcluded)} />
      <SubmitButton variant="secondary" pendingLabel="Re-running…" className="px-3 py-1">
        {isExcluded ? 'Exclude' : 'Allow again'}
        <span className="sr-only"> {title}</span>
      </SubmitButton>
    </ActionForm>
  );
}

/**
 * A goal's recommendation: totals, ordered steps with why and alternatives, what is left
 * uncovered and how it was worked out. Practitioners also exclude programs and accept the
 * recommendation as a plan; a job seeker sees it read-only.
 */
export function RecommendationView({ r, canManage, constraintsHref }: { r: GoalRecommendation; canManage: boolean; constraintsHref: string }) {
  const { goal } = r.gap;
  const c = r.constraints;
  const constraintList = [
    c.region ?? c.country ? `where: ${c.region ?? c.country}${c.travelRadiusKm ? ` within ${c.travelRadiusKm} km` : ''}, or online` : 'anywhere',
    c.deliveryModes.length ? `delivery: ${c.deliveryModes.join(', ').replaceAll('_', ' ')}` : null,
    c.languages.length ? `languages: ${c.languages.join(', ')}` : null,
    c.maxBudgetEur !== null ? `budget: ${formatMoney(c.maxBudgetEur, 'EUR')}` : null,
    c.hoursPerWeek ? `${c.hoursPerWeek} hours a week` : null,
    `from ${c.startFrom}`,
    c.targetDate ? `target ${c.targetDate} (${Math.floor(c.weeksAvailable ?? 0)} weeks)` : null,
  ].filter(Boolean);
  return (
    <>
      {r.messages.map((m) => (
        <Alert key={m} tone="warning">
          {m}
        </Alert>
      ))}

      <Card title="The recommendation">
        <p className="mb-4 text-sm text-slate-700">
          Constraints: {constraintList.join(' · ')}.{' '}
          <Link href={constraintsHref} className="text-brand-700 underline">
            Change them
          </Link>
          .
        </p>
        {r.steps.length === 0 ? (
          <EmptyState title="No programs to recommend">{r.gap.missing.length ? 'See the skills left uncovered below.' : 'There is nothing left to cover.'}</EmptyState>
        ) : (
          <>
            <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
              {[
                ['Cost', formatMoney(r.totals.costEur, 'EUR')],
                ['Study hours', `${r.totals.hours} h`],
                ['Weeks', String(r.totals.weeks)],
                ['Finishes by', r.totals.finishBy ?? '—'],
                ['Goal covered after', percent(r.totals.goalCoverageAfter)],
              ].map(([label, value]) => (
                <div key={label} className="rounded-md bg-slate-50 p-3">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="text-lg font-semibold text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
            {canManage ? (
              <ActionForm action={createPlanAction} className="mb-4 flex flex-wrap items-end gap-3" fieldLabels={{ steps: 'Programs', title: 'Plan name' }}>
                <input type="hidden" name="clientId" value={r.client.id} />
                <input type="hidden" name="goalId" value={goal.id} />
                {r.steps.map((step) => (
                  <span key={step.program.id} hidden>
                    <input type="hidden" name="programId" value={step.program.id} />
                    {step.covers.map((s) => (
                      <input key={s.skillId} type="hidden" name={`covers.${step.program.id}`} value={s.skillId} />
                    ))}
                  </span>
                ))}
                <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                  Plan name
                  <input name="title" defaultValue={`Plan: ${goal.title}`} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
                </label>
                <SubmitButton pendingLabel="Creating the plan…">Accept as plan</SubmitButton>
              </ActionForm>
            ) : null}
            <ol className="flex flex-col gap-4">
              {r.steps.map((step, i) => (
                <li key={step.program.id} className="rounded-md border border-slate-200 p-4">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="flex gap-3">
                      <span className="mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-white" aria-hidden>
                        {i + 1}
                      </span>
                      <div>
                        <p className="sr-only">Step {i + 1}</p>
                        <ProgramSummary program={step.program} covers={step.covers} />
                        {step.isPrerequisite ? (
                          <p className="mt-1">
                            <Badge tone="blue">Prerequisite of a later step</Badge>
                          </p>
                        ) : null}
                      </div>
                    </div>
                    {canManage ? <ExcludeButton clientId={r.client.id} goalId={goal.id} programId={step.program.id} title={step.program.title} /> : null}
                  </div>
                  {step.alternatives.length ? (
                    <details className="mt-3 rounded-md bg-slate-50 p-3">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700">
                        {step.alternatives.length} alternative{step.alternatives.length > 1 ? 's' : ''} for this step
                      </summary>
                      <ul className="mt-2 flex flex-col gap-3">
                        {step.alternatives.map((alt) => (
                          <li key={alt.program.id} className="flex flex-wrap items-start justify-between gap-3 border-t border-slate-200 pt-3">
                            <ProgramSummary program={alt.program} covers={alt.covers} headingLevel={4} />
                            {canManage ? <ExcludeButton clientId={r.client.id} goalId={goal.id} programId={alt.program.id} title={alt.program.title} /> : null}
                          </li>
                        ))}
                      </ul>
                      {canManage ? <p className="mt-2 text-sm text-slate-700">To use an alternative, exclude the recommended program: the recommendation re-runs without it.</p> : null}
                    </details>
                  ) : null}
                </li>
              ))}
            </ol>
          </>
        )}
      </Card>

      {r.uncovered.length ? (
        <Card title={`Not covered (${r.uncovered.length})`}>
          <ul className="flex flex-col gap-2 text-sm">
            {r.uncovered.map((u) => (
              <li key={u.skill.skillId}>
                <span className="font-medium text-slate-900">{u.skill.label}</span>
                {u.skill.isInDemand ? ' (in demand)' : ''}: {u.explanation}
              </li>
            ))}
          </ul>
          {r.fullCover ? (
            <p className="mt-3 text-sm text-slate-700">
              Without the limits, programs here would cover {percent(r.fullCover.gapCoverage)} of the gap for about {formatMoney(r.fullCover.costEur, 'EUR')} over {Math.ceil(r.fullCover.weeks)} weeks.
            </p>
          ) : null}
        </Card>
      ) : null}

      <Card title="How this was worked out">
        <p className="text-sm text-slate-700">
          {r.considered.teaching.toLocaleString('en')} published programs teach at least one missing skill.
          {r.considered.ruledOut.length ? ' Ruled out by the client’s constraints: ' : ''}
          {r.considered.ruledOut.map((x) => `${x.count.toLocaleString('en')} ${x.label}`).join('; ')}
          {r.considered.ruledOut.length ? '.' : ''} Programs are chosen to cover the most important skills (in-demand skills count 1.5×) for the least cost and study time, preferring programs that stack into
          a larger credential; prerequisites come first.
        </p>
        {canManage && r.excluded.length ? (
          <div className="mt-4">
            <h3 className="text-sm font-semibold text-slate-900">Excluded by you</h3>
            <ul className="mt-2 flex flex-col gap-2">
              {r.excluded.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 text-sm">
                  <Link href={`/programs/${e.slug}`} className="text-brand-700 underline">
                    {e.title}
                  </Link>
                  <ExcludeButton clientId={r.client.id} goalId={goal.id} programId={e.id} title={e.title} isExcluded={false} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>
    </>
  );
}
