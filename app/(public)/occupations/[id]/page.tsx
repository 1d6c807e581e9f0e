import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { programSearchSchema } from '@/lib/search/program-search-params';
import { searchPrograms } from '@/lib/search/program-search';
import { getOccupationDetail, occupationSourceLink } from '@/lib/skills/taxonomy';
import { Badge, Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { ProgramCardList } from '../../programs/program-card';

type PageProps = { params: Promise<{ id: string }> };

async function load(id: string) {
  try {
    return await getOccupationDetail(decodeURIComponent(id));
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return { title: (await load((await params).id)).occupation.title };
}

const importanceLabel = (relation: string, importance: number) =>
  relation === 'essential' ? 'Essential' : relation === 'optional' ? 'Optional' : relation === 'technology' ? 'Technology' : `Importance ${importance.toFixed(1)} / 5`;

export default async function OccupationPage({ params }: PageProps) {
  const { occupation, skills, related } = await load((await params).id);
  const top = skills.slice(0, 12).map((s) => s.id);
  const programs = top.length ? await searchPrograms(programSearchSchema.parse({ skill: top, per_page: 6 }), { facets: false }).catch(() => null) : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={occupation.title}
        description={
          <span>
            {occupation.source === 'onet' ? 'O*NET-SOC' : 'ESCO'} {occupation.code}
            {occupation.jobZone ? ` · Job zone ${occupation.jobZone} of 5` : ''} ·{' '}
            <a href={occupationSourceLink(occupation)} className="text-brand-700 underline" rel="noopener noreferrer">
              source
            </a>
          </span>
        }
      />
      {occupation.description ? <p className="max-w-3xl text-slate-800">{occupation.description}</p> : null}
      {occupation.altTitles.length ? <p className="text-sm text-slate-700">Also known as: {occupation.altTitles.slice(0, 10).join('; ')}</p> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card title={`Required skills (${skills.length}), most important first`}>
          {skills.length === 0 ? (
            <EmptyState title="No skills listed" />
          ) : (
            <table className="min-w-full text-sm">
              <caption className="sr-only">Required skills</caption>
              <thead>
                <tr className="text-left text-slate-700">
                  <th scope="col" className="py-1 pr-3 font-semibold">
                    Skill
                  </th>
                  <th scope="col" className="py-1 font-semibold">
                    Importance
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {skills.slice(0, 80).map((s) => (
                  <tr key={s.id}>
                    <td className="py-1.5 pr-3">
                      <Link href={`/skills/${s.id}`} className="text-brand-700 underline">
                        {s.label}
                      </Link>{' '}
                      {s.isInDemand ? <Badge tone="green">In demand</Badge> : null} {s.isHotTechnology ? <Badge tone="amber">Hot</Badge> : null}
                    </td>
                    <td className="py-1.5 text-slate-700">{importanceLabel(s.relation, s.importance)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <div className="flex flex-col gap-6">
          <Card title="Related occupations">
            {related.length === 0 ? (
              <EmptyState title="None found" />
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {related.map((r) => (
                  <li key={r.id}>
                    <Link href={`/occupations/${r.id}`} className="text-brand-700 underline">
                      {r.title}
                    </Link>{' '}
                    <span className="text-slate-600">({r.shared} shared skills)</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
      <Card title="Programs covering its skills">
        <ProgramCardList hits={programs?.hits} emptyTitle="No published program lists these skills yet" isTwoColumns />
      </Card>
    </div>
  );
}
