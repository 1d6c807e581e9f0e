'use client';

import { formKey } from '../../../_components/form-key';
import { useActionState } from 'react';
import type { OrgRole } from '@/db/schema';
import { roleLabels } from '@/lib/auth/roles';
import { Alert } from '../../../_components/alert';
import { CopyableLink } from '../../../_components/copyable-link';
import { SelectField, TextField } from '../../../_components/field';
import { SubmitButton } from '../../../_components/submit-button';
import { useActionToast } from '../../../_components/toaster';
import { changeRoleAction, createInviteAction, removeMemberAction, revokeInviteAction } from './actions';

export function InviteForm({ roles }: { roles: readonly OrgRole[] }) {
  const [state, action] = useActionState(createInviteAction, { status: 'idle' });
  const errors = state.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-4">
      <form key={formKey(state)} action={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
        <SelectField name="role" label="Role" defaultValue={state.values?.role ?? roles.find((r) => r !== 'admin')} errors={errors.role} options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} />
        <TextField name="email" label="Email (optional)" type="email" hint="Only this address can accept." defaultValue={state.values?.email} errors={errors.email} />
        <SubmitButton pendingLabel="Creating…">Create invite link</SubmitButton>
      </form>
      {state.status === 'error' ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === 'success' && state.data ? (
        <CopyableLink title={state.message} label="Invite link" link={state.data.link} />
      ) : null}
    </div>
  );
}

function RowAction({ action, fields, label, variant = 'secondary', confirmText }: {
  action: typeof revokeInviteAction;
  fields: Record<string, string>;
  label: string;
  variant?: 'secondary' | 'danger';
  confirmText?: string;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  useActionToast(state);
  return (
    <form action={formAction} onSubmit={(e) => (confirmText && !window.confirm(confirmText) ? e.preventDefault() : undefined)} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton variant={variant}>{label}</SubmitButton>
      {state.status === 'error' ? <span className="text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}

export const RevokeInviteButton = ({ inviteId }: { inviteId: string }) => <RowAction action={revokeInviteAction} fields={{ inviteId }} label="Withdraw" />;

export const RemoveMemberButton = ({ membershipId, name }: { membershipId: string; name: string }) => (
  <RowAction action={removeMemberAction} fields={{ membershipId }} label="Remove" variant="danger" confirmText={`Remove ${name} from the organisation?`} />
);

export function ChangeRoleForm({ membershipId, role, roles, name }: { membershipId: string; role: OrgRole; roles: readonly OrgRole[]; name: string }) {
  const [state, action] = useActionState(changeRoleAction, { status: 'idle' });
  useActionToast(state);
  return (
    <form key={formKey(state)} action={action} className="flex items-center gap-2">
      <input type="hidden" name="membershipId" value={membershipId} />
      <label htmlFor={`role-${membershipId}`} className="sr-only">
        Role of {name}
      </label>
      <select id={`role-${membershipId}`} name="role" defaultValue={role} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary">Save</SubmitButton>
      {state.status === 'error' ? <span className="text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}
