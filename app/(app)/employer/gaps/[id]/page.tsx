import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { formatMoney } from '@/lib/catalog/currency';
import { deliveryModeLabels, type DeliveryMode } from '@/lib/catalog/vocabulary';
import { gapCoverage, nearbyKm, type CoveringProgram } from '@/lib/employers/coverage';
import { seekerSupplyForGap } from '@/lib/employers/seeker-supply';
import { gapSkillLevelLabels, gapUrgencyLabels } from '@/lib/employers/vocabulary';
import { regionLabel } from '@/lib/geo/regions';
import { Alert } from '../../../../_components/alert';
import { LinkButton } from '../../../../_components/button';
import { Badge, Card, EmptyState, PageHeader } from '../../../../_components/layout-bits';
import { loadForPage } from '../../../../_components/load-for-page';
import { DataTable } from '../../../../_components/table';
import { DeleteGapButton, GapStatusButton } from '../gap-actions';

export const metadata: Metadata = { title: 'Skill gap' };

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; saved?: string }> };

const placeLabel = (p: CoveringProgram) => (p.place === 'in_region' ? 'In the region' : p.place === 'nearby' ? `${p.distanceKm} km away` : 'Online, open here');
const percent = (share: number) => `${Math.round(share * 100)}%`;
const duration = (p: Pick<CoveringProgram, 'hours' | 'weeks'>) => [p.hours ? `${p.hours} h` : null, p.weeks ? `${p.weeks} wk` : null].filter(Boolean).join(' · ') || '—';

export default async function GapPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const query = await searchParams;
  const actor = await requirePageActor('gaps:manage', `/employer/gaps/${encodeURIComponent(id)}`);
  const { gap: detail, programs, pathway, unpricedCount } = await loadForPage(() => gapCoverage(actor, id));
  const { gap } = detail;
  const seekers = await seekerSupplyForGap(detail);
  const labelOf = new Map(detail.skills.map((s) => [s.skillId, s.label]));
  const mustHave = detail.skills.filter((s) => s.isMustHave);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={gap.roleTitle}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={gap.status === 'open' ? 'green' : 'slate'}>{gap.status === 'open' ? 'Open' : 'Closed'}</Badge>
            {[gap.city, regionLabel(gap.region)].filter(Boolean).join(', ')} · {gap.headcount} {gap.headcount === 1 ? 'person' : 'people'} · urgency {gapUrgencyLabels[gap.urgency].toLowerCase()}
            {gap.targetDate ? ` · by ${gap.targetDate}` : ''}
            {detail.occupationTitle ? ` · ${detail.occupationTitle}` : ''}
          </span>
        }
        actions={<LinkButton href={`/employer/gaps/${gap.id}/edit`} variant="secondary">Edit</LinkButton>}
      />
      {query.created ? <Alert tone="success" title="Gap posted">It now counts towards the demand for these skills in {regionLabel(gap.region)}. Below: the programs that can close it.</Alert> : null}
      {query.saved ? <Alert tone="success">Changes saved.</Alert> : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="flex flex-col gap-6">
          <Card title="Least-cost pathway">
            {!pathway || pathway.programs.length === 0 ? (
              <EmptyState title="No priced program nearby teaches the must-have skills yet">
                Providers see this demand on the supply and demand report. Nice-to-have skills are listed in the table below when a program teaches them.
              </EmptyState>
            ) : (
              <div className="flex flex-col gap-3 text-sm">
                <p className="text-slate-800">
                  {pathway.uncoveredSkillIds.length === 0 ? 'Covers every must-have skill' : `Covers ${pathway.coveredSkillIds.length} of ${mustHave.length} must-have skills`} for{' '}
                  <strong>{formatMoney(pathway.costEur, 'EUR')}</strong> per person (costs converted to euros to compare) and about {pathway.hours} hours of learning, with{' '}
                  {pathway.programs.length} program{pathway.programs.length === 1 ? '' : 's'}:
                </p>
                <ol className="flex list-decimal flex-col gap-2 pl-5">
                  {pathway.programs.map((p) => (
                    <li key={p.id}>
                      <Link href={`/programs/${p.slug}`} className="font-medium text-brand-700 underline">
                        {p.title}
                      </Link>{' '}
                      — {p.providerName}, {placeLabel(p)}, {formatMoney(p.cost, p.currency)}, {duration(p)}. Teaches {p.mustHaveIds.map((s) => labelOf.get(s)).join(', ')}.
                    </li>
                  ))}
                </ol>
                {pathway.uncoveredSkillIds.length ? (
                  <p className="text-amber-900">No program in or near the region teaches: {pathway.uncoveredSkillIds.map((s) => labelOf.get(s)).join(', ')}.</p>
                ) : null}
                {unpricedCount ? <p className="text-slate-600">{unpricedCount} program{unpricedCount === 1 ? '' : 's'} without a stated cost are listed below but left out of the pathway.</p> : null}
              </div>
            )}
          </Card>

          <Card title={`Programs that teach these skills (${programs.length})`}>
            <p className="mb-3 text-sm text-slate-700">
              Published programs in {regionLabel(gap.region)}, within {nearbyKm} km of it, or online and open to learners in {gap.country}.
            </p>
            {programs.length === 0 ? (
              <EmptyState title="None yet" />
            ) : (
              <DataTable
                caption="Programs covering this gap"
                rows={programs}
                rowKey={(p) => p.id}
                columns={[
                  { header: 'Program', cell: (p) => <Link href={`/programs/${p.slug}`} className="font-medium text-brand-700 underline">{p.title}</Link> },
                  { header: 'Where', cell: (p) => `${placeLabel(p)} · ${deliveryModeLabels[p.deliveryMode as DeliveryMode]}` },
                  { header: 'Must-have covered', cell: (p) => `${p.mustHaveIds.length} of ${mustHave.length} (${percent(p.mustHaveCoverage)})` },
                  { header: 'Nice-to-have', cell: (p) => p.niceToHaveIds.length },
                  { header: 'Cost', cell: (p) => formatMoney(p.cost, p.currency) },
                  { header: 'Duration', cell: (p) => duration(p) },
                ]}
              />
            )}
          </Card>
        </div>

        <div className="flex flex-col gap-6">
          <Card title="Skills needed">
            <ul className="flex flex-col gap-2 text-sm">
              {detail.skills.map((s) => (
                <li key={s.skillId}>
                  <Link href={`/skills/${s.skillId}?region=${gap.region}`} className="text-brand-700 underline">
                    {s.label}
                  </Link>{' '}
                  <span className="text-slate-600">
                    {gapSkillLevelLabels[s.level]} · {s.isMustHave ? 'must-have' : 'nice-to-have'}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Job seekers in the region">
            <p className="mb-2 text-sm text-slate-700">
              Clients of career services in {regionLabel(gap.region)} who consented to be counted: {seekers.withMustHave} hold at least one must-have skill.
            </p>
            <table className="w-full text-sm">
              <caption className="sr-only">Consenting job seekers per skill</caption>
              <thead>
                <tr className="text-left text-slate-600">
                  <th scope="col" className="py-1 font-medium">Skill</th>
                  <th scope="col" className="py-1 text-right font-medium">Have it</th>
                  <th scope="col" className="py-1 text-right font-medium">Working towards it</th>
                </tr>
              </thead>
              <tbody>
                {seekers.bySkill.map((s) => (
                  <tr key={s.skillId} className="border-t border-slate-100">
                    <th scope="row" className="py-1 text-left font-normal">{s.label}</th>
                    <td className="py-1 text-right tabular-nums">{s.have}</td>
                    <td className="py-1 text-right tabular-nums">{s.workingTowards}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {seekers.visible.length ? (
              <div className="mt-3 text-sm">
                <p className="font-medium text-slate-800">Open to employers (they opted in):</p>
                <ul className="mt-1 flex flex-col gap-1">
                  {seekers.visible.map((v) => (
                    <li key={`${v.name}-${v.careerService}`}>
                      {v.name} <span className="text-slate-600">· via {v.careerService} · {v.skills.join(', ')}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Card>
          {gap.description ? (
            <Card title="Description">
              <p className="whitespace-pre-line text-sm text-slate-800">{gap.description}</p>
            </Card>
          ) : null}
          <Card title="Status">
            <div className="flex flex-col gap-4">
              <GapStatusButton gapId={gap.id} status={gap.status} title={gap.roleTitle} />
              <DeleteGapButton gapId={gap.id} title={gap.roleTitle} />
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
