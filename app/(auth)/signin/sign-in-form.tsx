'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '../../_components/alert';
import { Button } from '../../_components/button';
import { TextField } from '../../_components/field';

export function SignInForm({ callbackUrl, errorMessages }: { callbackUrl: string; errorMessages: Record<string, string> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function submit(formData: FormData) {
    setError(null);
    startTransition(async () => {
      const result = await signIn('credentials', { email: String(formData.get('email') ?? ''), password: String(formData.get('password') ?? ''), redirect: false });
      if (!result || result.error) {
        setError(errorMessages[result?.error ?? ''] ?? 'Sign-in failed. Please try again.');
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    <form action={submit} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField name="email" label="Email" type="email" autoComplete="email" required />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={isPending}>
        {isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
