import type { Metadata } from 'next';
import Link from 'next/link';
import { findRegion } from '@/lib/demand/demand-scores';
import { supplyDemandReport } from '@/lib/demand/supply-demand';
import { getViewerRegion } from '@/lib/demand/viewer-region';
import { Alert } from '../../../_components/alert';
import { Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { RegionPicker, regionFromQuery } from '../../../_components/region-picker';

export const metadata: Metadata = { title: 'Skills supply and demand' };

type PageProps = { searchParams: Promise<{ region?: string; country?: string }> };

export default async function SupplyDemandPage({ searchParams }: PageProps) {
  const query = await searchParams;
  const { region, isUnknown } = regionFromQuery(query, findRegion, findRegion(await getViewerRegion()) ?? findRegion('US-NY')!);
  const report = await supplyDemandReport({ region: region.code, limit: 40 });
  const mostPrograms = Math.max(1, ...report.rows.map((r) => r.programs));
  const drill = (skillId: string) => `/reports/supply-demand/${skillId}?region=${region.code}`;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`Skills supply and demand: ${region.name}`}
        description="The skills in demand here (labour-market statistics and employers' open skill gaps, anonymised) against the published programs that teach them in the region or online. Unserved skills come first: demand that no program answers yet."
      />
      {isUnknown ? <Alert tone="warning">Unknown region “{query.region}”: showing {region.name} instead.</Alert> : null}
      <Card>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <RegionPicker region={region} idPrefix="supply" />
          <a href={`/api/v1/reports/supply-demand?region=${region.code}&format=csv`} className="text-sm font-medium text-brand-700 underline">
            Download CSV
          </a>
        </div>
      </Card>

      <Card title={`${report.rows.length} skills in demand · ${report.unserved} unserved`}>
        {report.rows.length === 0 ? (
          <EmptyState title={`No demand signal for ${region.name} yet`}>Labour-market statistics cover the United States; employers' skill gaps add demand anywhere.</EmptyState>
        ) : (
          <>
            <p className="mb-3 flex flex-wrap gap-4 text-sm text-slate-700" aria-hidden>
              <span className="inline-flex items-center gap-1">
                <span className="inline-block h-3 w-6 rounded-sm bg-amber-600" /> demand score (0–100)
              </span>
              <span className="inline-flex items-center gap-1">
                <span className="inline-block h-3 w-6 rounded-sm bg-brand-700" /> programs teaching it
              </span>
            </p>
            <table className="w-full text-sm">
              <caption className="sr-only">Demand score and number of programs for each in-demand skill in {region.name}, unserved skills first</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="py-2 pr-3 font-medium">Skill</th>
                  <th scope="col" className="w-1/4 py-2 pr-3 font-medium">Demand</th>
                  <th scope="col" className="w-1/4 py-2 pr-3 font-medium">Programs</th>
                  <th scope="col" className="py-2 font-medium">Employer gaps</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.skillId} className={`border-b border-slate-100 ${row.isUnserved ? 'bg-amber-50' : ''}`}>
                    <th scope="row" className="py-2 pr-3 text-left font-medium">
                      <Link href={drill(row.skillId)} className="text-brand-700 underline">
                        {row.label}
                      </Link>
                      {row.isUnserved ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">unserved</span> : null}
                    </th>
                    <td className="py-2 pr-3">
                      <div className="flex items-center gap-2">
                        <div className="h-3 flex-1 rounded-sm bg-slate-100" aria-hidden>
                          <div className="h-3 rounded-sm bg-amber-600" style={{ width: `${Math.min(100, row.score)}%` }} />
                        </div>
                        <span className="w-8 text-right tabular-nums">{Math.round(row.score)}</span>
                      </div>
                    </td>
                    <td className="py-2 pr-3">
                      <div className="flex items-center gap-2">
                        <div className="h-3 flex-1 rounded-sm bg-slate-100" aria-hidden>
                          <div className="h-3 rounded-sm bg-brand-700" style={{ width: `${(row.programs / mostPrograms) * 100}%` }} />
                        </div>
                        <Link href={`/programs?skill=${row.skillId}&open_in=${region.country}`} className="w-28 text-right tabular-nums text-brand-700 underline">
                          {row.programs}
                          <span className="sr-only"> programs</span>
                          <span className="text-slate-600 no-underline"> ({row.localPrograms} local)</span>
                        </Link>
                      </div>
                    </td>
                    <td className="py-2 tabular-nums">{row.openGaps ? `${row.openGaps} (${row.gapHeadcount} people)` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Card>
      <p className="text-sm text-slate-600">
        Programs count those taught in person in {region.isCountry ? 'the country' : 'the region'} (“local”) and those online and open to learners in {region.country}. How demand
        is scored:{' '}
        <Link href={`/skills/in-demand?region=${region.code}`} className="text-brand-700 underline">
          in-demand skills
        </Link>
        .
      </p>
    </div>
  );
}
