import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { demandSignalLabels, findRegion, inDemandSkillsOfPrograms, skillDemandByRegion } from '@/lib/demand/demand-scores';
import { getViewerRegion } from '@/lib/demand/viewer-region';
import { isAppError } from '@/lib/errors';
import { subdivisions } from '@/lib/geo/regions';
import { programSearchSchema } from '@/lib/search/program-search-params';
import { searchPrograms } from '@/lib/search/program-search';
import { getSkillDetail, skillSourceLink } from '@/lib/skills/taxonomy';
import { Badge, Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { ProgramCardList } from '../../programs/program-card';

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ region?: string }> };

async function load(id: string) {
  try {
    return await getSkillDetail(id);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return { title: (await load((await params).id)).skill.preferredLabel };
}

export default async function SkillPage({ params, searchParams }: PageProps) {
  const { skill, occupations } = await load((await params).id);
  const requested = findRegion((await searchParams).region);
  const viewerRegion = await getViewerRegion();
  const region = requested && !requested.isCountry ? requested.code : undefined;
  const [programs, demandByRegion] = await Promise.all([
    searchPrograms(programSearchSchema.parse({ skill: [skill.id], region: region ? [region] : [], per_page: 10 }), { facets: false }).catch(() => null),
    skillDemandByRegion(skill.id),
  ]);
  const demand = programs ? await inDemandSkillsOfPrograms(region ?? viewerRegion, programs.hits) : null;
  const here = demandByRegion.find((d) => d.region.code === (region ?? viewerRegion));
  const link = skillSourceLink(skill);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={skill.preferredLabel}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge>{skill.kind}</Badge>
            <Badge tone="blue">{skill.source === 'esco' ? 'ESCO' : skill.source === 'onet' ? 'O*NET' : 'Custom'}</Badge>
            {skill.reuseLevel ? <Badge>{skill.reuseLevel}</Badge> : null}
            {skill.isHotTechnology ? <Badge tone="amber">Hot technology (O*NET, US)</Badge> : null}
            {here?.demand.isInDemand ? <Badge tone="green">In demand in {here.region.name}</Badge> : null}
            {skill.inDemandOccupations ? <Badge tone="green">In demand for {skill.inDemandOccupations} occupations (O*NET, US)</Badge> : null}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <Card title="About this skill">
            {skill.description ? <p className="text-sm text-slate-800">{skill.description}</p> : <p className="text-sm text-slate-600">No description in the source taxonomy.</p>}
            {skill.altLabels.length ? <p className="mt-3 text-sm text-slate-700">Also called: {skill.altLabels.slice(0, 12).join('; ')}</p> : null}
            {skill.onetTechnologies.length ? <p className="mt-2 text-sm text-slate-700">O*NET technologies: {skill.onetTechnologies.join('; ')}</p> : null}
            <p className="mt-3 text-xs text-slate-600">
              Identifier: <code>{skill.sourceUri}</code>
              {link ? (
                <>
                  {' '}
                  ·{' '}
                  <a href={link} className="text-brand-700 underline" rel="noopener noreferrer">
                    source
                  </a>
                </>
              ) : null}
            </p>
          </Card>
          <Card title={region ? `Programs that teach it in ${region}` : 'Programs that teach it'}>
            <form method="get" className="mb-4 flex items-end gap-2">
              <label htmlFor="skill-region" className="flex flex-col gap-1 text-sm">
                Region
                <select id="skill-region" name="region" defaultValue={region ?? ''} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                  <option value="">Anywhere</option>
                  {subdivisions.map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.name} ({s.country})
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-100">
                Show
              </button>
            </form>
            <ProgramCardList hits={programs?.hits} demand={demand} emptyTitle="No published program lists this skill yet" />
          </Card>
        </div>
        <div className="flex flex-col gap-6">
        <Card title="Demand by region">
          {here ? (
            <p className="mb-3 text-sm text-slate-800">
              {here.demand.isInDemand ? <strong className="text-green-900">In demand in {here.region.name}</strong> : <>Not in demand in {here.region.name}</>} (score {Math.round(here.demand.score)} / 100).
            </p>
          ) : null}
          {demandByRegion.length === 0 ? (
            <p className="text-sm text-slate-700">No labour-market signal or open employer gap names this skill yet.</p>
          ) : (
            <ul className="flex flex-col gap-3 text-sm">
              {demandByRegion.map(({ region: r, demand: d }) => (
                <li key={r.code}>
                  <Link href={`/skills/in-demand?region=${r.code}`} className="font-medium text-brand-700 underline">
                    {r.name}
                  </Link>{' '}
                  <span className={d.isInDemand ? 'font-semibold text-green-900' : 'text-slate-700'}>
                    {Math.round(d.score)} / 100{d.isInDemand ? ' · in demand' : ''}
                  </span>
                  <ul className="mt-0.5 text-slate-700">
                    {d.signals.map((signal) => (
                      <li key={signal.kind + signal.region}>
                        {demandSignalLabels[signal.kind] ?? signal.kind}: {signal.detail}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Occupations that need it">
          {occupations.length === 0 ? (
            <EmptyState title="No occupation lists it" />
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {occupations.map((o) => (
                <li key={o.id}>
                  <Link href={`/occupations/${o.id}`} className="text-brand-700 underline">
                    {o.title}
                  </Link>{' '}
                  <span className="text-slate-600">({o.relation === 'essential' ? 'essential' : o.relation === 'optional' ? 'optional' : `importance ${o.importance.toFixed(1)}`})</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        </div>
      </div>
    </div>
  );
}
