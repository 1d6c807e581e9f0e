import Link from 'next/link';
import type { ClientGoal } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { listClientPlans } from '@/lib/plans/plans';
import { ActionForm } from '../../../_components/action-form';
import { Badge, Card } from '../../../_components/layout-bits';
import { SubmitButton } from '../../../_components/submit-button';
import { createPlanAction } from './plans/actions';

const inputClass = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

/** The client's plans, and a form to start one by hand (towards a goal, or none). */
export async function PlansCard({ actor, clientId, goals }: { actor: Actor; clientId: string; goals: ClientGoal[] }) {
  const plans = await listClientPlans(actor, clientId);
  return (
    <Card title={`Plans (${plans.length})`}>
      {plans.length === 0 ? (
        <p className="mb-4 text-sm text-slate-700">No plan yet. Start one here and add programs from the catalogue.</p>
      ) : (
        <ul className="mb-4 flex flex-col divide-y divide-slate-100 text-sm">
          {plans.map((plan) => (
            <li key={plan.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <Link href={`/clients/${clientId}/plans/${plan.id}`} className="font-medium text-brand-700 underline">
                  {plan.title}
                </Link>
                <span className="text-slate-600">
                  {' '}
                  · {plan.completedSteps} of {plan.steps} {plan.steps === 1 ? 'program' : 'programs'} completed{plan.goalTitle ? ` · goal: ${plan.goalTitle}` : ''}
                </span>
              </span>
              {plan.status === 'archived' ? <Badge>Archived</Badge> : null}
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={createPlanAction} className="flex flex-wrap items-end gap-3" fieldLabels={{ title: 'Plan name', goalId: 'Goal' }}>
        <input type="hidden" name="clientId" value={clientId} />
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium text-slate-800">
          Plan name (optional)
          <input name="title" className={inputClass} placeholder="Named after the goal if left empty" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Towards goal
          <select name="goalId" defaultValue={goals[0]?.id ?? ''} className={inputClass}>
            <option value="">No goal</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        </label>
        <SubmitButton pendingLabel="Creating…">New plan</SubmitButton>
      </ActionForm>
    </Card>
  );
}
