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
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">Follow your plan with {preview.orgName}</h1>
      <p className="text-slate-700">
        Your career adviser at <strong>{preview.orgName}</strong> invited <strong>{preview.email}</strong> to see your goals and training plan, mark your
        progress and leave comments. The link works once and expires on {preview.expiresAt.toISOString().slice(0, 10)}.
      </p>
      {actor ? (
        <>
          <p className="text-sm text-slate-700">
            Signed in as <strong>{actor.email}</strong>.
          </p>
          <LinkAccountForm token={token} />
        </>
      ) : (
        <div className="flex flex-wrap gap-3">
          <LinkButton href={`/signup?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(preview.email)}`}>Create an account</LinkButton>
          <LinkButton href={`/signin?callbackUrl=${encodeURIComponent(here)}`} variant="secondary">
            I already have an account
          </LinkButton>
        </div>
      )}
    </div>
  );
}
