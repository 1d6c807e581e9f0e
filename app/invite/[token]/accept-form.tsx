'use client';

import { useActionState } from 'react';
import { Alert } from '../../_components/alert';
import { SubmitButton } from '../../_components/submit-button';
import { acceptInviteAction } from './actions';

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, action] = useActionState(acceptInviteAction, { status: 'idle' });
  return (
    <form action={action} className="flex flex-col gap-3">
      {state.status === 'error' ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Joining…">Accept and join</SubmitButton>
    </form>
  );
}
