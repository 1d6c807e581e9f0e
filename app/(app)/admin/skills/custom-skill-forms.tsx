'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import type { FieldErrors } from '@/lib/errors';
import type { ActionState } from '@/lib/http/actions';
import { Alert } from '../../../_components/alert';
import { LinkButton } from '../../../_components/button';
import { SelectField, TextField } from '../../../_components/field';
import { formKey } from '../../../_components/form-key';
import { SubmitButton } from '../../../_components/submit-button';
import { useToast } from '../../../_components/toaster';
import { TextAreaField } from '../../../_components/form-controls';
import { createCustomSkillAction, deleteCustomSkillAction, updateCustomSkillAction } from './actions';

const listPath = '/admin/skills';
const fields = ['label', 'kind', 'altLabels', 'description'] as const;
type Field = (typeof fields)[number];
export type CustomSkillFormValues = Partial<Record<Field, string>>;

/** `altLabels.3` is shown under the alternative labels as "Alternative label 4: …". */
function errorsByField(fieldErrors: FieldErrors | undefined): Partial<Record<Field, string[]>> {
  const out: Partial<Record<Field, string[]>> = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const [base, index] = key.split('.');
    const field = fields.find((f) => f === base) ?? 'label';
    const prefix = index !== undefined && /^\d+$/.test(index) ? `Alternative label ${Number(index) + 1}: ` : '';
    (out[field] ??= []).push(...messages.map((m) => `${prefix}${m}`));
  }
  return out;
}

type CustomSkillFormProps = {
  /** Set when editing: the form posts to the update action with a hidden id. */
  skillId?: string;
  defaults?: CustomSkillFormValues;
  kindOptions: ReadonlyArray<{ value: string; label: string }>;
};

/** The one custom skill form: inline on the list page to add, on its own page to edit. */
export function CustomSkillForm({ skillId, defaults = {}, kindOptions }: CustomSkillFormProps) {
  const toast = useToast();
  const router = useRouter();
  const [state, action] = useActionState<ActionState, FormData>(skillId ? updateCustomSkillAction : createCustomSkillAction, { status: 'idle' });
  const alertRef = useRef<HTMLDivElement>(null);
  const handled = useRef<ActionState | null>(null);
  const labelId = 'field-label';

  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    if (state.status === 'success') {
      if (state.message) toast(state.message);
      // Adding: the emptied form is ready for the next one. Editing: back to the list.
      if (skillId) router.push(listPath);
      else document.getElementById(labelId)?.focus();
    }
    if (state.status === 'error') {
      const first = fields.find((f) => state.fieldErrors && Object.keys(state.fieldErrors).some((k) => k.split('.')[0] === f));
      const control = first ? document.getElementById(`field-${first}`) : null;
      (control ?? alertRef.current)?.focus();
    }
  }, [state, skillId, router, toast]);

  // After success the form starts empty when adding; after an error it keeps what was typed.
  const values: CustomSkillFormValues = state.status === 'error' ? (state.values ?? {}) : skillId ? defaults : {};
  const errors = errorsByField(state.fieldErrors);

  return (
    <div className="flex flex-col gap-4">
      {state.status === 'error' ? (
        <div ref={alertRef} tabIndex={-1} className="rounded-md focus:outline-2 focus:outline-offset-2 focus:outline-red-700">
          <Alert tone="error">{state.message}</Alert>
        </div>
      ) : null}
      <form key={formKey(state)} action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
        {skillId ? <input type="hidden" name="id" value={skillId} /> : null}
        <TextField name="label" label="Label" required maxLength={200} defaultValue={values.label ?? ''} errors={errors.label} hint="The name people know it by. It must not repeat a skill the taxonomy already has." />
        <SelectField name="kind" label="Kind" required defaultValue={values.kind ?? 'skill'} errors={errors.kind} options={kindOptions} />
        <TextAreaField
          name="altLabels"
          label="Alternative labels (optional)"
          rows={4}
          defaultValue={values.altLabels ?? ''}
          errors={errors.altLabels}
          hint="One per line, up to 50: synonyms, acronyms, other spellings. They are searchable and found in program texts like the label."
        />
        <TextAreaField name="description" label="Description (optional)" rows={4} maxLength={2000} defaultValue={values.description ?? ''} errors={errors.description} hint="What it covers, in up to 2,000 characters." />
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <SubmitButton pendingLabel="Saving…">{skillId ? 'Save changes' : 'Add skill'}</SubmitButton>
          {skillId ? (
            <LinkButton href={listPath} variant="secondary">
              Cancel
            </LinkButton>
          ) : null}
        </div>
      </form>
    </div>
  );
}

/**
 * Deletes after a confirm. In the list the toast is raised from the action itself: the
 * deleted row leaves the list, unmounting this component before an effect could show it.
 * On the edit page the action redirects to the list instead.
 */
export function DeleteCustomSkillButton({ skillId, label, isOnEditPage = false }: { skillId: string; label: string; isOnEditPage?: boolean }) {
  const toast = useToast();
  const [state, action] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await deleteCustomSkillAction(prev, formData);
    if (next.status === 'success' && next.message) toast(next.message);
    return next;
  }, { status: 'idle' });
  return (
    <form
      action={action}
      onSubmit={(e) => (!window.confirm(`Delete “${label}”? Programs and skill gaps that list it lose it. This cannot be undone.`) ? e.preventDefault() : undefined)}
      className="inline-flex flex-col gap-1"
    >
      <input type="hidden" name="id" value={skillId} />
      {isOnEditPage ? <input type="hidden" name="from" value="edit" /> : null}
      <SubmitButton variant="danger" pendingLabel="Deleting…" className={isOnEditPage ? '' : 'px-3 py-1'}>
        {isOnEditPage ? (
          'Delete this skill'
        ) : (
          <>
            Delete<span className="sr-only"> {label}</span>
          </>
        )}
      </SubmitButton>
      {state.status === 'error' ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
