import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@/lib/catalog/currency';
import { credentialTypeLabels, deliveryModeLabels } from '@/lib/catalog/vocabulary';
import { requirePageActor } from '@/lib/auth/session';
import { listShortlist, type ShortlistEntry } from '@/lib/seekers/shortlist';
import { shortlistNoteMaxLength } from '@/lib/seekers/shortlist-schema';
import { ActionForm } from '../../_components/action-form';
import { LinkButton } from '../../_components/button';
import { maxCompared } from '../../_components/compare-limit';
import { Badge, EmptyState, PageHeader } from '../../_components/layout-bits';
import { SubmitButton } from '../../_components/submit-button';
import { removeSavedProgramAction, saveShortlistNoteAction } from './actions';

export const metadata: Metadata = { title: 'Your shortlist' };

const workload = (hours: number | null, weeks: number | null) => [hours ? `${hours} hours` : null, weeks ? `${weeks} weeks` : null].filter(Boolean).join(' · ') || '—';

function NoteForm({ entry }: { entry: ShortlistEntry }) {
  const id = `note-${entry.programId}`;
  return (
    <ActionForm action={saveShortlistNoteAction} className="flex flex-col gap-2" fieldLabels={{ note: 'Note' }}>
      <input type="hidden" name="programId" value={entry.programId} />
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        Your note
      </label>
      <textarea id={id} name="note" defaultValue={entry.note ?? ''} maxLength={shortlistNoteMaxLength} rows={2} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      <div>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save note
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

function ShortlistItem({ entry }: { entry: ShortlistEntry }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <article aria-labelledby={`title-${entry.programId}`} className="flex flex-col gap-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id={`title-${entry.programId}`} className="text-lg font-semibold text-slate-900">
              {entry.isAvailable ? (
                <Link href={`/programs/${entry.slug}`} className="hover:underline">
                  {entry.title}
                </Link>
              ) : (
                entry.title
              )}
            </h2>
            <p className="text-sm text-slate-700">
              {entry.providerName}
              {entry.isAvailable ? ` · ${credentialTypeLabels[entry.credentialType]}` : ''}
            </p>
          </div>
          <ActionForm action={removeSavedProgramAction}>
            <input type="hidden" name="programId" value={entry.programId} />
            <SubmitButton variant="ghost" pendingLabel="Removing…">
              Remove<span className="sr-only"> {entry.title}</span>
            </SubmitButton>
          </ActionForm>
        </div>
        {entry.isAvailable ? (
          <>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-slate-600">Cost</dt>
                <dd className="font-medium">{formatMoney(entry.cost, entry.currency)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Workload</dt>
                <dd className="font-medium">{workload(entry.hours, entry.weeks)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Delivery</dt>
                <dd className="font-medium">{deliveryModeLabels[entry.deliveryMode]}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Next start</dt>
                <dd className="font-medium">{entry.nextStartDate ?? 'Any time / not stated'}</dd>
              </div>
            </dl>
            <NoteForm entry={entry} />
          </>
        ) : (
          <div className="flex flex-col gap-2 text-sm text-slate-700">
            <p>
              <Badge tone="amber">No longer available</Badge> The provider has withdrawn this program, so its page is gone.
            </p>
            {entry.note ? <p>Your note: {entry.note}</p> : null}
          </div>
        )}
      </article>
    </li>
  );
}

export default async function ShortlistPage() {
  const actor = await requirePageActor('shortlist:manage', '/shortlist');
  const entries = await listShortlist(actor);
  // The comparison takes at most four programs: the most recently saved ones.
  const comparable = entries.filter((e) => e.isAvailable).slice(0, maxCompared);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Your shortlist"
        description="Programs you saved, with your notes. Only you see this list."
        actions={comparable.length >= 2 ? <LinkButton href={`/compare?ids=${comparable.map((e) => e.programId).join(',')}`} variant="secondary">Compare {comparable.length} programs</LinkButton> : null}
      />
      {entries.length === 0 ? (
        <EmptyState title="Your shortlist is empty">
          Open a program from the <Link href="/programs" className="text-brand-700 underline">program search</Link> and choose “Save to shortlist”.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-4" aria-label="Saved programs">
          {entries.map((entry) => (
            <ShortlistItem key={entry.programId} entry={entry} />
          ))}
        </ul>
      )}
    </div>
  );
}
