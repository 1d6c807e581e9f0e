'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, useState, useTransition, type DragEvent } from 'react';
import { formatMoney } from '@/lib/catalog/currency';
import type { ActionState } from '@/lib/http/actions';
import { planStepStatusLabels } from '@/lib/plans/plan-vocabulary';
import { Button } from '../../../../../_components/button';
import { FieldErrors, controlClass, describedBy } from '../../../../../_components/field';
import { Badge } from '../../../../../_components/layout-bits';
import { SubmitButton } from '../../../../../_components/submit-button';
import { useActionToast } from '../../../../../_components/toaster';
import { useFormAction } from '../../../../../_components/use-form-action';
import { removePlanStepAction, reorderPlanStepsAction, updatePlanStepAction } from '../actions';
import { PlanActionAlert } from './plan-action-alert';

export type StepView = {
  id: string;
  status: keyof typeof planStepStatusLabels;
  programTitle: string;
  providerName: string | null;
  programState: 'published' | 'archived' | 'unavailable';
  programSlug: string | null;
  cost: number | null;
  currency: string | null;
  hours: number | null;
  weeks: number | null;
  startDate: string | null;
  endDate: string | null;
  notes: string | null;
  goalSkills: Array<{ skillId: string; label: string; isHeld: boolean }>;
};

type PlanRef = { clientId: string; planId: string; version: number; isArchived: boolean };
type Direction = 'up' | 'down';

const moveButtonId = (direction: Direction, stepId: string) => `move-${direction}-${stepId}`;

/**
 * The ordered steps. Reordering works by dragging a step's title bar or with the move buttons;
 * the new order is saved at once (with the plan version, so a stale order is refused), focus
 * stays on the moved step and a live region announces its new position.
 */
export function PlanSteps({ plan, steps }: { plan: PlanRef; steps: StepView[] }) {
  const [order, setOrder] = useState(() => steps.map((s) => s.id));
  const [version, setVersion] = useState(plan.version);
  const [synced, setSynced] = useState({ steps, version: plan.version });
  // A new render from the server (after any saved change) is the truth again.
  if (synced.steps !== steps || synced.version !== plan.version) {
    setSynced({ steps, version: plan.version });
    setOrder(steps.map((s) => s.id));
    setVersion(plan.version);
  }
  const [announcement, setAnnouncement] = useState('');
  const [reorderError, setReorderError] = useState<ActionState<{ version: number }> | null>(null);
  const [isSaving, startSaving] = useTransition();
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const focusAfterMove = useRef<{ stepId: string; direction: Direction } | null>(null);
  const byId = new Map(steps.map((s) => [s.id, s]));
  const reloadHref = `/clients/${plan.clientId}/plans/${plan.planId}`;

  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const same = document.getElementById(moveButtonId(target.direction, target.stepId)) as HTMLButtonElement | null;
    // At the top or bottom the same button is disabled: the other one keeps focus on the step.
    const other = document.getElementById(moveButtonId(target.direction === 'up' ? 'down' : 'up', target.stepId));
    (same && !same.disabled ? same : other)?.focus();
  }, [order]);

  function moveTo(stepId: string, index: number, direction?: Direction) {
    const from = order.indexOf(stepId);
    if (isSaving || from === -1 || index < 0 || index >= order.length || index === from) return;
    const previous = order;
    const next = [...order];
    next.splice(from, 1);
    next.splice(index, 0, stepId);
    setOrder(next);
    if (direction) focusAfterMove.current = { stepId, direction };
    setAnnouncement(`${byId.get(stepId)?.programTitle} moved to position ${index + 1} of ${next.length}.`);
    startSaving(async () => {
      const result = await reorderPlanStepsAction({ clientId: plan.clientId, planId: plan.planId, stepIds: next, expectedVersion: version });
      if (result.status === 'error') {
        setOrder(previous);
        setReorderError(result);
        setAnnouncement('The new order was not saved.');
      } else {
        setReorderError(null);
        if (result.data) setVersion(result.data.version);
      }
    });
  }

  function onDrop(event: DragEvent, targetId: string) {
    event.preventDefault();
    if (dragged) moveTo(dragged, order.indexOf(targetId));
    setDragged(null);
    setDropTarget(null);
  }

  if (steps.length === 0) return <p className="text-sm text-slate-700">No programs yet: search the catalogue below to add the first one.</p>;
  const canChange = !plan.isArchived;
  return (
    <div className="flex flex-col gap-3">
      <p aria-live="assertive" className="sr-only">
        {announcement}
      </p>
      {reorderError ? <PlanActionAlert state={reorderError} reloadHref={reloadHref} /> : null}
      {canChange && steps.length > 1 ? <p className="text-sm text-slate-600">Drag a step by its title bar, or use its Move up and Move down buttons, to change the order.</p> : null}
      <ol className="flex flex-col gap-3" aria-busy={isSaving}>
        {order.map((stepId, index) => {
          const step = byId.get(stepId);
          if (!step) return null;
          return (
            <li
              key={step.id}
              onDragOver={canChange ? (e) => (e.preventDefault(), setDropTarget(step.id)) : undefined}
              onDragLeave={() => setDropTarget((t) => (t === step.id ? null : t))}
              onDrop={canChange ? (e) => onDrop(e, step.id) : undefined}
              className={`rounded-md border bg-white ${dropTarget === step.id && dragged !== step.id ? 'border-brand-700 ring-2 ring-brand-700' : 'border-slate-200'} ${dragged === step.id ? 'opacity-60' : ''}`}
            >
              <div
                draggable={canChange}
                onDragStart={(e) => {
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', step.id);
                  setDragged(step.id);
                }}
                onDragEnd={() => (setDragged(null), setDropTarget(null))}
                className={`flex flex-wrap items-start justify-between gap-3 rounded-t-md bg-slate-50 px-4 py-3 ${canChange ? 'cursor-grab' : ''}`}
              >
                <StepSummary step={step} position={index + 1} />
                {canChange ? (
                  <div className="flex gap-1">
                    {(['up', 'down'] as const).map((direction) => (
                      <Button
                        key={direction}
                        id={moveButtonId(direction, step.id)}
                        type="button"
                        variant="secondary"
                        className="px-2 py-1 text-xs"
                        disabled={direction === 'up' ? index === 0 : index === order.length - 1}
                        aria-label={`Move ${step.programTitle} ${direction} (now ${index + 1} of ${order.length})`}
                        onClick={() => moveTo(step.id, direction === 'up' ? index - 1 : index + 1, direction)}
                      >
                        <span aria-hidden>{direction === 'up' ? '↑' : '↓'}</span> {direction === 'up' ? 'Up' : 'Down'}
                      </Button>
                    ))}
                  </div>
                ) : null}
              </div>
              <div className="flex flex-col gap-3 px-4 py-3">
                {step.goalSkills.length ? (
                  <p className="text-sm text-slate-700">
                    Goal skills it teaches:{' '}
                    {step.goalSkills.map((s, i) => (
                      <span key={s.skillId}>
                        {i ? ', ' : ''}
                        {s.label}
                        {s.isHeld ? ' (held)' : ''}
                      </span>
                    ))}
                  </p>
                ) : null}
                {canChange ? <StepEditor step={step} plan={{ ...plan, version }} /> : <StepReadOnly step={step} />}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function StepSummary({ step, position }: { step: StepView; position: number }) {
  const facts = [step.providerName, formatMoney(step.cost, step.currency), step.hours !== null ? `${step.hours} h` : null, step.weeks !== null ? `${step.weeks} weeks` : null].filter(Boolean);
  return (
    <div className="min-w-0 flex-1">
      <h3 className="font-semibold text-slate-900">
        <span className="text-slate-600">{position}. </span>
        {step.programSlug ? (
          <Link href={`/programs/${step.programSlug}`} className="text-brand-700 underline">
            {step.programTitle}
          </Link>
        ) : (
          step.programTitle
        )}{' '}
        {step.programState === 'archived' ? <Badge tone="amber">Archived by the provider</Badge> : null}
        {step.programState === 'unavailable' ? <Badge tone="red">No longer available</Badge> : null}{' '}
        <Badge tone={step.status === 'completed' ? 'green' : step.status === 'dropped' ? 'slate' : 'blue'}>{planStepStatusLabels[step.status]}</Badge>
      </h3>
      <p className="text-sm text-slate-700">{facts.join(' · ')}</p>
    </div>
  );
}

function StepReadOnly({ step }: { step: StepView }) {
  return (
    <p className="text-sm text-slate-700">
      {step.startDate ?? 'No start date'} – {step.endDate ?? 'no end date'}
      {step.notes ? ` · ${step.notes}` : ''}
    </p>
  );
}

/** Status, dates and notes of one step; errors show beside each control. */
function StepForm({ step, plan, removeFormId }: { step: StepView; plan: PlanRef; removeFormId: string }) {
  const { state, formAction, attempt } = useFormAction(updatePlanStepAction);
  useActionToast(state);
  const typed = state.status === 'error' ? state.values : undefined;
  const errorsOf = (name: string) => state.fieldErrors?.[name];
  const id = (name: string) => `step-${step.id}-${name}`;
  const labelClass = 'flex flex-col gap-1 text-sm font-medium text-slate-800';
  return (
    <form key={attempt} action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="clientId" value={plan.clientId} />
      <input type="hidden" name="planId" value={plan.planId} />
      <input type="hidden" name="stepId" value={step.id} />
      <input type="hidden" name="expectedVersion" value={plan.version} />
      <PlanActionAlert state={state} reloadHref={`/clients/${plan.clientId}/plans/${plan.planId}`} />
      <div className="grid gap-3 sm:grid-cols-3">
        <div className={labelClass}>
          <label htmlFor={id('status')}>Status</label>
          <select id={id('status')} name="status" defaultValue={typed?.status ?? step.status} className={controlClass(!!errorsOf('status'))} aria-describedby={describedBy(id('status'), null, errorsOf('status'))}>
            {Object.entries(planStepStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <FieldErrors id={id('status')} errors={errorsOf('status')} />
        </div>
        {(['startDate', 'endDate'] as const).map((name) => (
          <div key={name} className={labelClass}>
            <label htmlFor={id(name)}>{name === 'startDate' ? 'Start date' : 'End date'}</label>
            <input
              id={id(name)}
              type="date"
              name={name}
              defaultValue={typed?.[name] ?? step[name] ?? ''}
              className={controlClass(!!errorsOf(name))}
              aria-invalid={errorsOf(name) ? true : undefined}
              aria-describedby={describedBy(id(name), null, errorsOf(name))}
            />
            <FieldErrors id={id(name)} errors={errorsOf(name)} />
          </div>
        ))}
      </div>
      <div className={labelClass}>
        <label htmlFor={id('notes')}>Notes</label>
        <textarea
          id={id('notes')}
          name="notes"
          rows={2}
          maxLength={2000}
          defaultValue={typed?.notes ?? step.notes ?? ''}
          className={controlClass(!!errorsOf('notes'))}
          aria-invalid={errorsOf('notes') ? true : undefined}
          aria-describedby={describedBy(id('notes'), null, errorsOf('notes'))}
        />
        <FieldErrors id={id('notes')} errors={errorsOf('notes')} />
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Saving…" className="px-3 py-1.5">
          Save<span className="sr-only"> {step.programTitle}</span>
        </SubmitButton>
        <Button type="submit" form={removeFormId} variant="secondary" className="px-3 py-1.5">
          Remove<span className="sr-only"> {step.programTitle}</span>
        </Button>
      </div>
    </form>
  );
}

/** A step's form, and the separate form that removes it (forms cannot nest: its button points at it with `form=`). */
function StepEditor({ step, plan }: { step: StepView; plan: PlanRef }) {
  const [removeState, removeAction] = useActionState(removePlanStepAction, { status: 'idle' } as ActionState);
  useActionToast(removeState);
  const removeFormId = `remove-${step.id}`;
  return (
    <>
      <StepForm step={step} plan={plan} removeFormId={removeFormId} />
      <form id={removeFormId} action={removeAction} onSubmit={(e) => (!window.confirm(`Remove “${step.programTitle}” from the plan?`) ? e.preventDefault() : undefined)} hidden>
        <input type="hidden" name="clientId" value={plan.clientId} />
        <input type="hidden" name="planId" value={plan.planId} />
        <input type="hidden" name="stepId" value={step.id} />
        <input type="hidden" name="expectedVersion" value={plan.version} />
      </form>
      <PlanActionAlert state={removeState} reloadHref={`/clients/${plan.clientId}/plans/${plan.planId}`} />
    </>
  );
}
