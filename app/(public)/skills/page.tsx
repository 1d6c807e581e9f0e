import type { Metadata } from 'next';
import Link from 'next/link';
import { isAppError } from '@/lib/errors';
import { searchOccupations, searchSkills } from '@/lib/skills/taxonomy-search';
import { Alert } from '../../_components/alert';
import { Badge, Card, EmptyState, PageHeader } from '../../_components/layout-bits';

export const metadata: Metadata = { title: 'Skills and occupations' };

export default async function SkillsSearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const q = ((await searchParams).q ?? '').trim().slice(0, 200);
  let results: [Awaited<ReturnType<typeof searchSkills>>, Awaited<ReturnType<typeof searchOccupations>>] | null = null;
  let failure: string | null = null;
  if (q) {
    try {
      results = await Promise.all([searchSkills({ q, limit: 20 }), searchOccupations({ q, limit: 10 })]);
    } catch (error) {
      if (!isAppError(error)) throw error;
      failure = error.message;
    }
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Skills and occupations" description="Search the ESCO and O*NET taxonomies: what an occupation needs, and which programs teach a skill." />
      <form method="get" className="flex gap-2" role="search">
        <label htmlFor="taxonomy-q" className="sr-only">
          Search skills and occupations
        </label>
        <input id="taxonomy-q" name="q" type="search" defaultValue={q} placeholder="e.g. “data analysis”, “welder”, “excel”" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          Search
        </button>
      </form>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {results ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={`Skills (${results[0].total >= 1000 ? '1,000+' : results[0].total})`}>
            {results[0].hits.length === 0 ? (
              <EmptyState title="No skill matches" />
            ) : (
              <ul className="divide-y divide-slate-100">
                {results[0].hits.map((s) => (
                  <li key={s.id} className="py-2">
                    <Link href={`/skills/${s.id}`} className="font-medium text-brand-700 underline">
                      {s.label}
                    </Link>{' '}
                    <Badge>{s.kind}</Badge> {s.isHotTechnology ? <Badge tone="amber">Hot technology</Badge> : null}
                    {s.description ? <p className="line-clamp-2 text-sm text-slate-700">{s.description}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={`Occupations (${results[1].total >= 1000 ? '1,000+' : results[1].total})`}>
            {results[1].hits.length === 0 ? (
              <EmptyState title="No occupation matches" />
            ) : (
              <ul className="divide-y divide-slate-100">
                {results[1].hits.map((o) => (
                  <li key={o.id} className="py-2">
                    <Link href={`/occupations/${o.id}`} className="font-medium text-brand-700 underline">
                      {o.title}
                    </Link>{' '}
                    <span className="text-sm text-slate-600">
                      {o.source === 'onet' ? 'O*NET' : 'ESCO'} {o.code}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      ) : null}
    </div>
  );
}
