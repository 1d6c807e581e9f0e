import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { listGaps } from '@/lib/employers/gaps';
import { gapUrgencyLabels } from '@/lib/employers/vocabulary';
import { regionLabel } from '@/lib/geo/regions';
import { Alert } from '../../../_components/alert';
import { LinkButton, buttonClass } from '../../../_components/button';
import { Badge, Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { loadForPage } from '../../../_components/load-for-page';
import { DataTable } from '../../../_components/table';
import { GapUpload } from './gap-actions';

export const metadata: Metadata = { title: 'Skill gaps' };

type PageProps = { searchParams: Promise<{ status?: string; region?: string; q?: string; deleted?: string }> };

export default async function GapsPage({ searchParams }: PageProps) {
  const query = await searchParams;
  const actor = await requirePageActor('gaps:manage', '/employer/gaps');
  const gaps = await loadForPage(() => listGaps(actor, { status: query.status, region: query.region, q: query.q }));
  const isFiltered = !!(query.status || query.region || query.q);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Skill gaps"
        description="The skills your organisation needs in each region. Open gaps raise the demand for those skills there, anonymously; training providers and career services see the demand, never your organisation."
        actions={<LinkButton href="/employer/gaps/new">Post a skill gap</LinkButton>}
      />
      {query.deleted ? <Alert tone="success">The gap was deleted.</Alert> : null}
      <Card>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <label htmlFor="gap-q" className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Role title
            <input id="gap-q" name="q" defaultValue={query.q ?? ''} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </label>
          <label htmlFor="gap-status" className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Status
            <select id="gap-status" name="status" defaultValue={query.status ?? ''} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
              <option value="">Open and closed</option>
              <option value="open">Open</option>
              <option value="closed">Closed</option>
            </select>
          </label>
          <label htmlFor="gap-region" className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Region code
            <input id="gap-region" name="region" defaultValue={query.region ?? ''} placeholder="US-NY" className="w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </label>
          <button type="submit" className={buttonClass('secondary')}>
            Filter
          </button>
        </form>
        {gaps.length === 0 ? (
          <EmptyState title={isFiltered ? 'No gap matches these filters' : 'No skill gaps yet'}>
            {isFiltered ? null : 'Post the skills you cannot find, one role at a time, or upload many at once below.'}
          </EmptyState>
        ) : (
          <DataTable
            caption="Your organisation's skill gaps"
            rows={gaps}
            rowKey={(g) => g.id}
            columns={[
              { header: 'Role', cell: (g) => <Link href={`/employer/gaps/${g.id}`} className="font-medium text-brand-700 underline">{g.roleTitle}</Link> },
              { header: 'Region', cell: (g) => [g.city, regionLabel(g.region)].filter(Boolean).join(', ') },
              { header: 'People', cell: (g) => g.headcount },
              { header: 'Must-have skills', cell: (g) => (g.mustHaveLabels.length ? g.mustHaveLabels.slice(0, 3).join(', ') + (g.mustHaveLabels.length > 3 ? ` +${g.mustHaveLabels.length - 3}` : '') : '—') },
              { header: 'Urgency', cell: (g) => gapUrgencyLabels[g.urgency] },
              { header: 'Target', cell: (g) => g.targetDate ?? '—' },
              { header: 'Status', cell: (g) => <Badge tone={g.status === 'open' ? 'green' : 'slate'}>{g.status === 'open' ? 'Open' : 'Closed'}</Badge> },
            ]}
          />
        )}
      </Card>
      <Card title="Post many gaps from a CSV file">
        <GapUpload />
      </Card>
    </div>
  );
}
