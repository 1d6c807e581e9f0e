import type { Metadata } from 'next';
import { getCurrentActor } from '@/lib/auth/session';
import { previewClientInvite } from '@/lib/clients/client-invites';
import { isAppError } from '@/lib/errors';
import { Alert } from '../../_components/alert';
import { LinkButton } from '../../_components/button';
import { LinkAccountForm } from './link-form';

export const metadata: Metadata = { title: 'Follow your plan' };

export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let preview;
  try {
    preview = await previewClientInvite(token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-2xl font-bold">This link can’t be used</h1>
        <Alert tone="error">{error.message}</Alert>
      </div>
    );
  }
  const actor = await getCurrentActor();
  const here = `/join/${token}`;
  const isForAdviser = preview.kind === 'practitioner';
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">{isForAdviser ? `${preview.seekerName} invites you to be their adviser` : `Follow your plan with ${preview.orgName}`}</h1>
      {isForAdviser ? (
        <p className="text-slate-700">
          <strong>{preview.seekerName}</strong> has worked out a skill gap on Credpath and invited <strong>{preview.email}</strong> to take their record (details, skills and
          goal) into your career service’s caseload. Sign in with your career service account to accept. The link works once and expires on{' '}
          {preview.expiresAt.toISOString().slice(0, 10)}.
        </p>
      ) : (
        <p className="text-slate-700">
          Your career adviser at <strong>{preview.orgName}</strong> invited <strong>{preview.email}</strong> to see your goals and training plan, mark your progress and leave
          comments. The link works once and expires on {preview.expiresAt.toISOString().slice(0, 10)}.
        </p>
      )}
      {actor ? (
        <>
          <p className="text-sm text-slate-700">
            Signed in as <strong>{actor.email}</strong>.
          </p>
          <LinkAccountForm token={token} kind={preview.kind} />
        </>
      ) : (
        <div className="flex flex-wrap gap-3">
          {isForAdviser ? null : <LinkButton href={`/signup?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(preview.email)}`}>Create an account</LinkButton>}
          <LinkButton href={`/signin?callbackUrl=${encodeURIComponent(here)}`} variant={isForAdviser ? 'primary' : 'secondary'}>
            {isForAdviser ? 'Sign in' : 'I already have an account'}
          </LinkButton>
        </div>
      )}
    </div>
  );
}
