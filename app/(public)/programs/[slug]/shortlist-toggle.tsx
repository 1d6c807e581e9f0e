import Link from 'next/link';
import { removeSavedProgramAction, saveProgramAction } from '../../../(app)/shortlist/actions';
import { ActionForm } from '../../../_components/action-form';
import { buttonClass } from '../../../_components/button';
import { SubmitButton } from '../../../_components/submit-button';

type ShortlistToggleProps = { programId: string; slug: string; isSignedIn: boolean; isSaved: boolean };

/** Saves the program to the visitor's shortlist or takes it off; signed-out visitors sign in first and come back. */
export function ShortlistToggle({ programId, slug, isSignedIn, isSaved }: ShortlistToggleProps) {
  if (!isSignedIn) {
    return (
      <Link href={`/signin?callbackUrl=${encodeURIComponent(`/programs/${slug}`)}`} className={buttonClass('secondary')}>
        Sign in to save
      </Link>
    );
  }
  return (
    <ActionForm action={isSaved ? removeSavedProgramAction : saveProgramAction} className="flex flex-col items-end gap-2">
      <input type="hidden" name="programId" value={programId} />
      {isSaved ? (
        <SubmitButton variant="secondary" pendingLabel="Removing…">
          Saved <span aria-hidden="true">✓</span> — remove from shortlist
        </SubmitButton>
      ) : (
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save to shortlist
        </SubmitButton>
      )}
      {isSaved ? (
        <Link href="/shortlist" className="text-sm text-brand-700 underline">
          View your shortlist
        </Link>
      ) : null}
    </ActionForm>
  );
}
