'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/http/actions';
import { Alert } from './alert';
import { SubmitButton } from './submit-button';
import { useActionToast } from './toaster';

type ActionFormProps = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  children: ReactNode;
  className?: string;
  /** Names for field keys in error messages ("level" → "Level"). */
  fieldLabels?: Record<string, string>;
  confirm?: string;
};

/**
 * A small form bound to a server action: success shows a toast, an error shows what went
 * wrong per field. For panels of a page; full forms wire errors to each control instead.
 */
export function ActionForm({ action, children, className, fieldLabels = {}, confirm }: ActionFormProps) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  useActionToast(state);
  const fieldMessages = Object.entries(state.fieldErrors ?? {}).flatMap(([field, messages]) => messages.map((m) => `${fieldLabels[field.split('.')[0]!] ?? field}: ${m}`));
  return (
    <form action={formAction} className={className} onSubmit={confirm ? (e) => (!window.confirm(confirm) ? e.preventDefault() : undefined) : undefined}>
      {children}
      {state.status === 'error' ? (
        <div className="basis-full">
          <Alert tone="error">{fieldMessages.length ? fieldMessages.join(' ') : state.message}</Alert>
        </div>
      ) : null}
    </form>
  );
}

/** A confirmed delete: the hidden fields name what goes; the action redirects on success. */
export function DeleteButton({ action, fields, confirm, label }: { action: ActionFormProps['action']; fields: Record<string, string>; confirm: string; label: string }) {
  return (
    <ActionForm action={action} confirm={confirm} className="flex flex-col gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <SubmitButton variant="danger" pendingLabel="Deleting…">
          {label}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
