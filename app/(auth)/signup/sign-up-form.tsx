'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '../../_components/alert';
import { Button } from '../../_components/button';
import { TextField } from '../../_components/field';
import { signUpAction } from './actions';

type State = Awaited<ReturnType<typeof signUpAction>>;

export function SignUpForm({ callbackUrl, inviteToken, invitedEmail }: { callbackUrl: string; inviteToken?: string; invitedEmail?: string | null }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ status: 'idle' });
  const [isPending, startTransition] = useTransition();

  function submit(formData: FormData) {
    startTransition(async () => {
      const result = await signUpAction(formData);
      setState(result);
      if (result.status !== 'success') return;
      const signedIn = await signIn('credentials', { email: String(formData.get('email')), password: String(formData.get('password')), redirect: false });
      router.replace(signedIn?.ok ? callbackUrl : '/signin');
      router.refresh();
    });
  }

  const errors = state.fieldErrors ?? {};
  return (
    <form action={submit} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
      {state.status === 'error' && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {inviteToken ? <input type="hidden" name="inviteToken" value={inviteToken} /> : null}
      <TextField name="name" label="Your name" autoComplete="name" required defaultValue={state.values?.name} errors={errors.name} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? invitedEmail ?? undefined}
        errors={errors.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A short sentence is easy to remember and hard to guess."
        errors={errors.password}
      />
      <Button type="submit" disabled={isPending}>
        {isPending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
