import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Program } from '@/db/schema';
import { programCompleteness } from '@/lib/catalog/completeness';
import { formatMoney } from '@/lib/catalog/currency';
import { getIscedField } from '@/lib/catalog/isced-f';
import { getProgramsByIds, stackTargetTitles } from '@/lib/catalog/programs';
import { credentialTypeLabels, deliveryModeLabels, eqfLevelLabels, languageName } from '@/lib/catalog/vocabulary';
import { getCurrentActor } from '@/lib/auth/session';
import { regionLabel } from '@/lib/geo/regions';
import { EmptyState, PageHeader } from '../../_components/layout-bits';
import { maxCompared } from '../../_components/compare-limit';

export const metadata: Metadata = { title: 'Compare programs' };

type Row = { label: string; value: (p: Program, stacks: string[]) => ReactNode };

const rows: Row[] = [
  { label: 'Provider', value: (p) => p.providerName },
  { label: 'Credential type', value: (p) => credentialTypeLabels[p.credentialType] },
  { label: 'Cost', value: (p) => formatMoney(p.cost, p.currency) },
  { label: 'Workload', value: (p) => [p.hours ? `${p.hours} hours` : null, p.ects ? `${p.ects} ECTS` : null].filter(Boolean).join(' · ') || '—' },
  { label: 'Duration', value: (p) => (p.weeks ? `${p.weeks} weeks` : '—') },
  { label: 'Level', value: (p) => (p.eqfLevel ? eqfLevelLabels[p.eqfLevel] : '—') },
  { label: 'Delivery mode', value: (p) => deliveryModeLabels[p.deliveryMode] },
  { label: 'Where', value: (p) => [p.city, p.region ? regionLabel(p.region) : p.country].filter(Boolean).join(', ') || (p.openWorldwide ? 'Online, worldwide' : '—') },
  { label: 'Languages', value: (p) => p.languages.map((l) => languageName(l) ?? l).join(', ') },
  { label: 'Credit', value: (p) => (p.isCreditBearing ? `${p.creditValue ?? ''} credits${p.creditQualification ? ` towards ${p.creditQualification}` : ''}` : 'Non-credit') },
  { label: 'Stacks into', value: (p, stacks) => (stacks.length ? stacks.join('; ') : p.stacksInto.length ? 'Larger credentials not listed here' : 'Stand-alone') },
  { label: 'Field of study', value: (p) => (p.fieldOfStudy ? getIscedField(p.fieldOfStudy)?.label : '—') },
  { label: 'Assessment', value: (p) => p.assessmentType ?? '—' },
  { label: 'Quality assurance', value: (p) => [p.qaType, p.qaBody].filter(Boolean).join(' — ') || '—' },
  { label: 'Next start dates', value: (p) => p.startDates.slice(0, 3).join(', ') || '—' },
  { label: 'Skills', value: (p) => p.skillRefs.slice(0, 8).join(', ') || '—' },
  { label: 'EU standard elements', value: (p) => `${programCompleteness(p).mandatory.present} of 9` },
];

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ ids?: string }> }) {
  const ids = ((await searchParams).ids ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, maxCompared);
  const programs = await getProgramsByIds(ids, await getCurrentActor());
  const stacks = await stackTargetTitles(programs.map((p) => p.id));
  const without = (id: string) => `/compare?ids=${programs.filter((p) => p.id !== id).map((p) => p.id).join(',')}`;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Compare programs" description="Side by side, up to four programs. Share this page’s address to share the comparison." />
      {programs.length === 0 ? (
        <EmptyState title="Nothing to compare yet">
          Tick “Compare” on up to four programs in <Link href="/programs" className="text-brand-700 underline">search results</Link>.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Comparison of {programs.length} programs</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="w-48 px-4 py-3 text-left font-semibold text-slate-700">
                  Program
                </th>
                {programs.map((p) => (
                  <th key={p.id} scope="col" className="px-4 py-3 text-left align-top">
                    <Link href={`/programs/${p.slug}`} className="font-semibold text-brand-700 underline">
                      {p.title}
                    </Link>
                    <Link href={without(p.id)} className="mt-1 block text-xs font-normal text-slate-600 underline">
                      Remove from comparison
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-700">
                    {row.label}
                  </th>
                  {programs.map((p) => (
                    <td key={p.id} className="px-4 py-2 align-top text-slate-900">
                      {row.value(p, stacks.get(p.id) ?? [])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ids.length > programs.length ? <p className="text-sm text-slate-600">Some programs in this link are no longer published and were left out.</p> : null}
    </div>
  );
}
