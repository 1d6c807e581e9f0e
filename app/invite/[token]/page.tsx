import type { Metadata } from 'next';
import { previewInvite } from '@/lib/orgs/invites';
import { getCurrentActor } from '@/lib/auth/session';
import { roleLabels } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors';
import { Alert } from '../../_components/alert';
import { LinkButton } from '../../_components/button';
import { AcceptInviteForm } from './accept-form';

export const metadata: Metadata = { title: 'Invitation' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let preview;
  try {
    preview = await previewInvite(token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-2xl font-bold">This invite can’t be used</h1>
        <Alert tone="error">{error.message}</Alert>
      </div>
    );
  }
  const actor = await getCurrentActor();
  const here = `/invite/${token}`;
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">Join {preview.orgName}</h1>
      <p className="text-slate-700">
        You have been invited to join <strong>{preview.orgName}</strong> as <strong>{roleLabels[preview.role]}</strong>. The link works once and
        expires on {preview.expiresAt.toISOString().slice(0, 10)}.
      </p>
      {actor ? (
        <>
          <p className="text-sm text-slate-700">
            Signed in as <strong>{actor.email}</strong>.
          </p>
          <AcceptInviteForm token={token} />
        </>
      ) : (
        <div className="flex flex-wrap gap-3">
          <LinkButton href={`/signup?invite=${encodeURIComponent(token)}${preview.email ? `&email=${encodeURIComponent(preview.email)}` : ''}`}>
            Create an account and join
          </LinkButton>
          <LinkButton href={`/signin?callbackUrl=${encodeURIComponent(here)}`} variant="secondary">
            I already have an account
          </LinkButton>
        </div>
      )}
    </div>
  );
}
