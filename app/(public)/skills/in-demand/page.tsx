import type { Metadata } from 'next';
import Link from 'next/link';
import { demandModel, demandSignalLabels, findRegion, topInDemandSkills } from '@/lib/demand/demand-scores';
import { getViewerRegion } from '@/lib/demand/viewer-region';
import { countries, subdivisions } from '@/lib/geo/regions';
import { Alert } from '../../../_components/alert';
import { Button, buttonClass } from '../../../_components/button';
import { Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { rememberRegionAction } from './actions';

export const metadata: Metadata = { title: 'In-demand skills' };

type PageProps = { searchParams: Promise<{ region?: string; country?: string; remembered?: string; error?: string }> };

const sortedCountries = [...countries].sort((a, b) => a.name.localeCompare(b.name, 'en'));
const selectClass = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

export default async function InDemandPage({ searchParams }: PageProps) {
  const query = await searchParams;
  const viewerRegion = await getViewerRegion();
  // A changed country select wins over a region of another country.
  const requested = findRegion(query.region);
  const chosenCountry = findRegion(query.country);
  const region =
    (chosenCountry && requested && requested.country !== chosenCountry.code ? chosenCountry : requested) ?? chosenCountry ?? findRegion(viewerRegion) ?? findRegion('US-NY')!;
  const isUnknown = !!query.region && !requested;
  const { skills } = await topInDemandSkills({ region: region.code, limit: 30 });
  const countryRegions = subdivisions.filter((s) => s.country === region.country).sort((a, b) => a.name.localeCompare(b.name, 'en'));

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
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label htmlFor="demand-country" className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Country
            <select id="demand-country" name="country" defaultValue={region.country} className={selectClass}>
              {sortedCountries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor="demand-region" className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Region
            <select id="demand-region" name="region" defaultValue={region.isCountry ? '' : region.code} className={selectClass}>
              <option value="">Whole country</option>
              {countryRegions.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass('secondary')}>
            Show
          </button>
        </form>
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
