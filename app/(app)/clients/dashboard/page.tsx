import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { caseloadDashboard, type CaseloadDashboard } from '@/lib/clients/dashboard';
import { dashboardQuerySchema } from '@/lib/clients/lifecycle-schemas';
import { buttonClass } from '../../../_components/button';
import { Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { loadForPage } from '../../../_components/load-for-page';
import { DataTable } from '../../../_components/table';

export const metadata: Metadata = { title: 'Caseload dashboard' };

type PageProps = { searchParams: Promise<{ scope?: string; stalledWeeks?: string }> };

const stalledWeekChoices = [2, 4, 6, 8, 12];
const selectClass = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
const stepStatusLabels: Record<string, string> = { planned: 'Planned', enrolled: 'Enrolled', in_progress: 'In progress' };
const clientLink = (clientId: string, name: string) => (
  <Link href={`/clients/${clientId}`} className="font-medium text-brand-700 underline">
    {name}
  </Link>
);

export default async function CaseloadDashboardPage({ searchParams }: PageProps) {
  const actor = await requirePageActor('clients:manage', '/clients/dashboard');
  const parsed = dashboardQuerySchema.safeParse(await searchParams);
  // A hand-edited URL falls back to the defaults rather than an error page.
  const query = parsed.success ? parsed.data : dashboardQuerySchema.parse({});
  const dashboard = await loadForPage(() => caseloadDashboard(actor, query));
  const weekChoices = [...new Set([...stalledWeekChoices, query.stalledWeeks])].sort((a, b) => a - b);
  const monthName = new Date(`${dashboard.today}T00:00:00Z`).toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Caseload dashboard"
        description={`${query.scope === 'mine' ? 'Your clients' : `All clients of ${actor.org?.name ?? 'your organisation'}`} at a glance, as of ${dashboard.today}.`}
        actions={
          <Link href="/clients" className={buttonClass('secondary')}>
            Caseload
          </Link>
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Clients
          <select name="scope" defaultValue={query.scope} className={selectClass}>
            <option value="all">All clients</option>
            <option value="mine">My clients</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Stalled after
          <select name="stalledWeeks" defaultValue={String(query.stalledWeeks)} className={selectClass}>
            {weekChoices.map((weeks) => (
              <option key={weeks} value={weeks}>
                {weeks} weeks
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass('secondary')}>
          Update
        </button>
      </form>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Active clients by stage (${dashboard.activeClients})`}>
          <StageFunnel funnel={dashboard.funnel} />
        </Card>
        <Card title="Results">
          <dl className="grid grid-cols-2 gap-4 text-sm">
            <Figure label={`Plan steps completed in ${monthName}`} value={dashboard.completionsThisMonth.total} />
            <Figure label="Credentials earned this month" value={dashboard.outcomes.month.credentialEarned} />
            <Figure label="Jobs obtained this month" value={dashboard.outcomes.month.jobObtained} />
            <Figure label={`Credentials earned in ${dashboard.today.slice(0, 4)}`} value={dashboard.outcomes.year.credentialEarned} />
            <Figure label={`Jobs obtained in ${dashboard.today.slice(0, 4)}`} value={dashboard.outcomes.year.jobObtained} />
          </dl>
          <p className="mt-3 text-xs text-slate-600">Results include archived clients; outcomes count by the date they happened.</p>
        </Card>
      </div>

      <Card title={`Plans stalled for ${query.stalledWeeks} weeks or more (${dashboard.stalledPlans.total})`}>
        {dashboard.stalledPlans.plans.length === 0 ? (
          <EmptyState title="No stalled plan">Every active plan with steps left has moved in the last {query.stalledWeeks} weeks.</EmptyState>
        ) : (
          <DataTable
            caption={`Plans with unfinished steps and no change for ${query.stalledWeeks} weeks`}
            rows={dashboard.stalledPlans.plans}
            rowKey={(p) => p.planId}
            columns={[
              { header: 'Client', cell: (p) => clientLink(p.clientId, p.clientName) },
              { header: 'Plan', cell: (p) => p.planTitle },
              { header: 'Steps left', cell: (p) => p.unfinishedSteps },
              { header: 'Last change', cell: (p) => p.lastActivityAt.slice(0, 10) },
            ]}
          />
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Starting by ${dashboard.upcomingStarts.until} (${dashboard.upcomingStarts.total})`}>
          {dashboard.upcomingStarts.steps.length === 0 ? (
            <EmptyState title="No start date in the next 30 days" />
          ) : (
            <DataTable
              caption="Plan steps starting in the next 30 days"
              rows={dashboard.upcomingStarts.steps}
              rowKey={(s) => s.stepId}
              columns={[
                { header: 'Starts', cell: (s) => s.startDate },
                { header: 'Program', cell: (s) => s.programTitle },
                { header: 'Client', cell: (s) => clientLink(s.clientId, s.clientName) },
                { header: 'Status', cell: (s) => stepStatusLabels[s.status] ?? s.status },
              ]}
            />
          )}
        </Card>
        <Card title={`Completed in ${monthName} (${dashboard.completionsThisMonth.total})`}>
          {dashboard.completionsThisMonth.steps.length === 0 ? (
            <EmptyState title="No plan step completed this month yet" />
          ) : (
            <DataTable
              caption={`Plan steps completed in ${monthName}`}
              rows={dashboard.completionsThisMonth.steps}
              rowKey={(s) => s.stepId}
              columns={[
                { header: 'Completed', cell: (s) => s.completedAt.slice(0, 10) },
                { header: 'Program', cell: (s) => s.programTitle },
                { header: 'Client', cell: (s) => clientLink(s.clientId, s.clientName) },
              ]}
            />
          )}
        </Card>
      </div>
    </div>
  );
}

/** Bars drawn with CSS; the numbers are text, so the funnel reads the same without them. */
function StageFunnel({ funnel }: { funnel: CaseloadDashboard['funnel'] }) {
  const largest = Math.max(1, ...funnel.map((s) => s.count));
  return (
    <ol className="flex flex-col gap-2" aria-label="Funnel of active clients by stage">
      {funnel.map((s) => (
        <li key={s.stage} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-3 text-sm">
          <span className="text-slate-800">{s.label}</span>
          <span className="h-4 rounded bg-slate-100" aria-hidden>
            <span className="block h-4 rounded bg-brand-700" style={{ width: `${(s.count / largest) * 100}%` }} />
          </span>
          <span className="text-right font-semibold tabular-nums text-slate-900">
            {s.count}
            <span className="sr-only"> {s.count === 1 ? 'client' : 'clients'}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <dt className="text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}
