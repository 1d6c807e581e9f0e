import type { Metadata } from 'next';
import Link from 'next/link';
import { demandModel, demandSignalLabels, findRegion, topInDemandSkills } from '@/lib/demand/demand-scores';
import { getViewerRegion } from '@/lib/demand/viewer-region';
import { Alert } from '../../../_components/alert';
import { Button } from '../../../_components/button';
import { Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { RegionPicker, regionFromQuery } from '../../../_components/region-picker';
import { rememberRegionAction } from './actions';

export const metadata: Metadata = { title: 'In-demand skills' };

type PageProps = { searchParams: Promise<{ region?: string; country?: string; remembered?: string; error?: string }> };


export default async function InDemandPage({ searchParams }: PageProps) {
  const query = await searchParams;
  const viewerRegion = await getViewerRegion();
  const { region, isUnknown } = regionFromQuery(query, findRegion, findRegion(viewerRegion) ?? findRegion('US-NY')!);
  const { skills } = await topInDemandSkills({ region: region.code, limit: 30 });

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`In-demand skills: ${region.name}`}
        description="Skills employers need most here, from labour-market statistics and the skill gaps employers post on Credpath. Each score says why."
      />
      {isUnknown ? <Alert tone="warning">Unknown region “{query.region}”: showing {region.name} instead.</Alert> : null}
      {query.error === 'region' ? <Alert tone="error">Choose a known region to remember.</Alert> : null}
      {query.remembered ? <Alert tone="success">Saved: program search now shows which skills are in demand in {region.name}.</Alert> : null}

      <Card title="Region">
        <RegionPicker region={region} idPrefix="demand" />
        {viewerRegion !== region.code ? (
          <form action={rememberRegionAction} className="mt-3">
            <input type="hidden" name="region" value={region.code} />
            <Button type="submit" variant="secondary">
              Use {region.name} as my region
            </Button>
          </form>
        ) : (
          <p className="mt-3 text-sm text-slate-700">This is your region: program cards show which of their skills are in demand here.</p>
        )}
      </Card>

      <Card title={`Top ${skills.length} skills`}>
        {skills.length === 0 ? (
          <EmptyState title={`No skill reaches the in-demand score (${demandModel.inDemandThreshold}) in ${region.name} yet`}>
            Demand comes from labour-market statistics and from employers&apos; open skill gaps in the region.
          </EmptyState>
        ) : (
          <ol className="flex flex-col divide-y divide-slate-200">
            {skills.map((skill, index) => (
              <li key={skill.skillId} className="grid gap-2 py-3 sm:grid-cols-[2rem_1fr_12rem]">
                <span className="text-sm font-semibold text-slate-600">{index + 1}.</span>
                <div className="min-w-0">
                  <Link href={`/skills/${skill.skillId}?region=${region.code}`} className="font-medium text-brand-700 underline">
                    {skill.label}
                  </Link>
                  <ul className="mt-1 flex flex-col gap-0.5 text-sm text-slate-700" aria-label={`Why ${skill.label} is in demand`}>
                    {skill.signals.map((signal) => (
                      <li key={signal.kind + signal.region}>
                        <span className="font-medium">{demandSignalLabels[signal.kind] ?? signal.kind}</span>
                        {signal.region !== region.code ? ` (${signal.region})` : ''}: {signal.detail} · +{signal.points.toFixed(1)}
                      </li>
                    ))}
                  </ul>
                  <Link href={`/programs?skill=${skill.skillId}&open_in=${region.country}`} className="mt-1 inline-block text-sm text-brand-700 underline">
                    Programs that teach it
                  </Link>
                </div>
                <div className="flex items-center gap-2">
                  <div className="h-2 flex-1 rounded-full bg-slate-200" aria-hidden>
                    <div className="h-2 rounded-full bg-brand-700" style={{ width: `${Math.min(100, skill.score)}%` }} />
                  </div>
                  <span className="w-20 text-right text-sm font-semibold text-slate-900">{Math.round(skill.score)} / 100</span>
                </div>
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Card title="How the score works">
        <p className="text-sm text-slate-700">
          Each signal adds to a score out of 100 without any one reaching it alone: O*NET Hot Technology and In Demand flags (US job postings; used at half weight outside the
          US until local data exists), employment in occupations that need the skill (BLS OEWS, New York State), and employers&apos; open skill gaps in the region, counted
          anonymously. Statistics lose half their weight every {Math.round(demandModel.labourMarketHalfLifeDays / 365)} years, employer gaps every{' '}
          {demandModel.employerGapHalfLifeDays} days. A skill scoring {demandModel.inDemandThreshold} or more is shown as in demand. Also as JSON:{' '}
          <Link href={`/api/v1/skills/in-demand?region=${region.code}`} className="text-brand-700 underline">
            /api/v1/skills/in-demand?region={region.code}
          </Link>
          .
        </p>
      </Card>
    </div>
  );
}
