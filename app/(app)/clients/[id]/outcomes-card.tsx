import type { Actor } from '@/lib/auth/actor';
import { outcomeKindLabels } from '@/lib/clients/lifecycle-schemas';
import { listClientOutcomes } from '@/lib/clients/outcomes';
import { ActionForm } from '../../../_components/action-form';
import { Badge, Card } from '../../../_components/layout-bits';
import { SubmitButton } from '../../../_components/submit-button';
import { deleteOutcomeAction, recordOutcomeAction } from '../lifecycle-actions';

const inputClass = 'rounded-md border border-slate-300 px-3 py-2 text-sm';

/** Credentials earned and jobs obtained: what the career service reports, and what moves the client's stage on. */
export async function OutcomesCard({ actor, clientId }: { actor: Actor; clientId: string }) {
  const outcomes = await listClientOutcomes(actor, clientId);
  return (
    <Card title={`Outcomes (${outcomes.length})`}>
      {outcomes.length === 0 ? (
        <p className="mb-4 text-sm text-slate-700">No outcome yet. Record a credential earned or a job obtained: a job moves the client to “employed”.</p>
      ) : (
        <ul className="mb-4 flex flex-col divide-y divide-slate-100 text-sm">
          {outcomes.map((o) => (
            <li key={o.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <div>
                <p>
                  <Badge tone={o.kind === 'job_obtained' ? 'green' : 'blue'}>{outcomeKindLabels[o.kind]}</Badge> <span className="font-medium text-slate-900">{o.title}</span>{' '}
                  <span className="text-slate-600">· {o.occurredOn}</span>
                </p>
                {o.note ? <p className="mt-1 text-slate-700">{o.note}</p> : null}
              </div>
              <ActionForm action={deleteOutcomeAction} confirm={`Remove the outcome “${o.title}”?`}>
                <input type="hidden" name="id" value={clientId} />
                <input type="hidden" name="outcomeId" value={o.id} />
                <SubmitButton variant="secondary" pendingLabel="Removing…" className="px-2 py-0.5 text-xs">
                  Remove<span className="sr-only"> outcome {o.title}</span>
                </SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">Record an outcome</summary>
        <ActionForm action={recordOutcomeAction} className="mt-3 flex flex-col gap-3" fieldLabels={{ kind: 'Outcome', title: 'Title', occurredOn: 'Date', note: 'Note' }}>
          <input type="hidden" name="id" value={clientId} />
          <div className="flex flex-wrap gap-3">
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
              Outcome
              <select name="kind" defaultValue="credential_earned" className={`${inputClass} bg-white`}>
                {Object.entries(outcomeKindLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
              Date
              <input type="date" name="occurredOn" required defaultValue={new Date().toISOString().slice(0, 10)} className={inputClass} />
            </label>
          </div>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Credential or job title
            <input name="title" required maxLength={200} className={inputClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Note (optional)
            <textarea name="note" rows={2} maxLength={2000} className={inputClass} />
          </label>
          <div>
            <SubmitButton pendingLabel="Saving…">Record outcome</SubmitButton>
          </div>
        </ActionForm>
      </details>
    </Card>
  );
}
