import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; invite?: string; email?: string }> }) {
  const { callbackUrl, invite, email } = await searchParams;
  const target = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/account?welcome=1';
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Create your Credpath account</h1>
        <p className="mt-2 text-slate-700">
          {invite
            ? 'Create your account to join the organisation that invited you.'
            : 'Job seekers can start right away. Career services, employers and training providers create their organisation next.'}
        </p>
      </div>
      <SignUpForm callbackUrl={target} inviteToken={invite} invitedEmail={email} />
      <p className="text-sm text-slate-700">
        Already have an account?{' '}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(target)}`} className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
