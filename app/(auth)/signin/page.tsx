import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { isLocalDemo } from '@/lib/env';
import { loginRateLimit } from '@/lib/auth/accounts';
import { getCurrentActor } from '@/lib/auth/session';
import { demoAccounts } from '@/db/seed/demo-accounts';
import { Alert } from '../../_components/alert';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

const errorMessages: Record<string, string> = {
  CredentialsSignin: 'That email and password do not match an account.',
  RateLimited: `Too many failed sign-in attempts. Wait ${loginRateLimit.windowMinutes} minutes and try again.`,
  SessionInvalid: 'Your session could not be verified: it expired or was altered. Please sign in again.',
  SessionRequired: 'Please sign in to continue.',
};

/** Only same-site paths are followed after sign-in (no open redirects). */
function safeCallback(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/account';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (!error && (await getCurrentActor())) redirect(target);
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold">Sign in to Credpath</h1>
      {error ? <Alert tone="error">{errorMessages[error] ?? 'Sign-in failed. Please try again.'}</Alert> : null}
      <SignInForm callbackUrl={target} errorMessages={errorMessages} />
      <p className="text-sm text-slate-700">
        New here?{' '}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(target)}`} className="font-medium text-brand-700 underline">
          Create an account
        </Link>
      </p>
      {isLocalDemo() ? (
        <Alert tone="info" title="Demo accounts (shown only on a local install)">
          <ul className="mt-1 space-y-1">
            {demoAccounts.map((a) => (
              <li key={a.email}>
                <span className="font-mono">{a.email}</span> — {a.description}
              </li>
            ))}
          </ul>
          <p className="mt-2">
            Password for all: <span className="font-mono">{demoAccounts[0]!.password}</span>
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
