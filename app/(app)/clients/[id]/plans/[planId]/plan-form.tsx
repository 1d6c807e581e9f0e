'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/http/actions';
import { FieldErrors } from '../../../../../_components/field';
import { useActionToast } from '../../../../../_components/toaster';
import { PlanActionAlert } from './plan-action-alert';

type PlanFormProps = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  reloadHref: string;
  children: ReactNode;
  className?: string;
  confirm?: string;
  /** The field whose errors show under the form (its control is inside `children`). */
  field?: string;
};

/** A small plan form (rename, archive, delete): toasts on success, a reload link on a conflict. */
export function PlanForm({ action, reloadHref, children, className, confirm, field }: PlanFormProps) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  useActionToast(state);
  return (
    <form action={formAction} className={className} onSubmit={confirm ? (e) => (!window.confirm(confirm) ? e.preventDefault() : undefined) : undefined}>
      {children}
      {field ? <FieldErrors id={`plan-${field}`} errors={state.fieldErrors?.[field]} /> : null}
      <PlanActionAlert state={state} reloadHref={reloadHref} />
    </form>
  );
}
