import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/session';
import { demandSignalLabels, findRegion, inDemandSkillsOfPrograms, scoreSkillDemand } from '@/lib/demand/demand-scores';
import { gapEvidence } from '@/lib/demand/supply-demand';
import { getDb } from '@/db';
import { isAppError } from '@/lib/errors';
import { programSearchSchema } from '@/lib/search/program-search-params';
import { searchPrograms } from '@/lib/search/program-search';
import { getSkillDetail } from '@/lib/skills/taxonomy';
import { Card, EmptyState, PageHeader } from '../../../../_components/layout-bits';
import { DataTable } from '../../../../_components/table';
import { ProgramCardList } from '../../../programs/program-card';

export const metadata: Metadata = { title: 'Supply and demand of a skill' };

type PageProps = { params: Promise<{ skillId: string }>; searchParams: Promise<{ region?: string }> };

/** Drill-down: the signals and anonymised gaps behind a skill's demand in a region, and the programs that teach it there. */
export default async function SkillSupplyDemandPage({ params, searchParams }: PageProps) {
  const { skillId } = await params;
  const region = findRegion((await searchParams).region) ?? findRegion('US-NY')!;
  const detail = await getSkillDetail(skillId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const [demand] = await scoreSkillDemand(getDb(), region, { skillIds: [detail.skill.id] });
  // Gap-level evidence is for signed-in members of organisations; everyone sees the counts.
  const actor = await getCurrentActor();
  const gaps = actor?.org ? await gapEvidence(region.code, detail.skill.id) : [];
  const programs = await searchPrograms(
    programSearchSchema.parse({ skill: [detail.skill.id], open_in: region.country, per_page: 20 }),
    { facets: false },
  ).catch(() => null);
  const programDemand = programs ? await inDemandSkillsOfPrograms(region.code, programs.hits) : null;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`${detail.skill.preferredLabel} in ${region.name}`}
        description={
          <Link href={`/reports/supply-demand?region=${region.code}`} className="text-brand-700 underline">
            ← Supply and demand in {region.name}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Demand: ${demand ? Math.round(demand.score) : 0} / 100`}>
          {demand ? (
            <ul className="flex flex-col gap-1 text-sm text-slate-800">
              {demand.signals.map((s) => (
                <li key={s.kind + s.region}>
                  <span className="font-medium">{demandSignalLabels[s.kind] ?? s.kind}</span>: {s.detail} (+{s.points.toFixed(1)})
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">No demand signal for this skill here.</p>
          )}
        </Card>
        <Card title="Open employer gaps (anonymised)">
          {!actor?.org ? (
            <p className="text-sm text-slate-700">Sign in as a member of an organisation to see the gaps behind the count; employers are never named.</p>
          ) : gaps.length === 0 ? (
            <EmptyState title="No open gap names this skill here" />
          ) : (
            <DataTable
              caption="Open gaps needing this skill"
              rows={gaps.map((g, i) => ({ ...g, key: String(i) }))}
              rowKey={(g) => g.key}
              columns={[
                { header: 'People', cell: (g) => g.headcount },
                { header: 'Need', cell: (g) => `${g.isMustHave ? 'Must-have' : 'Nice-to-have'}, ${g.level}` },
                { header: 'Urgency', cell: (g) => g.urgency },
                { header: 'Target', cell: (g) => g.targetDate ?? '—' },
                { header: 'Posted', cell: (g) => g.openedOn },
              ]}
            />
          )}
        </Card>
      </div>
      <Card title={`Programs teaching it, in ${region.country} or online there (${programs?.total ?? 0})`}>
        <ProgramCardList hits={programs?.hits} demand={programDemand} emptyTitle="No published program teaches this skill here yet" />
      </Card>
    </div>
  );
}
