'use client';

import { useActionState } from 'react';
import { Alert } from '../../_components/alert';
import { SubmitButton } from '../../_components/submit-button';
import { acceptClientInviteAction } from './actions';

export function LinkAccountForm({ token, kind }: { token: string; kind: 'seeker' | 'practitioner' }) {
  const [state, action] = useActionState(acceptClientInviteAction, { status: 'idle' });
  return (
    <form action={action} className="flex flex-col gap-3">
      {state.status === 'error' ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="kind" value={kind} />
      <SubmitButton pendingLabel="Linking…">{kind === 'seeker' ? 'Link my account' : 'Take on this client'}</SubmitButton>
    </form>
  );
}
