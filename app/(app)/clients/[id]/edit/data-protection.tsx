import { buttonClass } from '../../../../_components/button';
import { Card } from '../../../../_components/layout-bits';
import { DeleteClientForm } from './delete-client-form';

/** The client's data-protection rights: a copy of everything held (access, portability) and erasure. */
export function ClientDataProtection({ clientId, fullName }: { clientId: string; fullName: string }) {
  return (
    <>
      <Card title="Data protection">
        <p className="mb-3 text-sm text-slate-700">
          Everything Credpath holds about this client (record, skills, goals, plans, outcomes, timeline, consent history, invites) as one JSON file, for an access or
          portability request. The export is noted on the timeline.
        </p>
        <a href={`/api/v1/clients/${clientId}/export`} download className={buttonClass('secondary')}>
          Export data (JSON)
        </a>
      </Card>
      <section aria-labelledby="danger-zone" className="rounded-lg border border-red-300 bg-white p-5 shadow-sm">
        <h2 id="danger-zone" className="text-lg font-semibold text-red-900">
          Danger zone: delete client
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700">
          Erases the client record and everything about them: skills, goals, plans with their steps, comments and share links, outcomes, invites and the whole timeline.
          This cannot be undone; export the data first if the client asked for a copy.
        </p>
        <DeleteClientForm clientId={clientId} fullName={fullName} />
      </section>
    </>
  );
}
