import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/actor';
import { getCurrentActor } from '@/lib/auth/session';
import { inDemandSkillsOfPrograms, type ProgramDemand } from '@/lib/demand/demand-scores';
import { getViewerRegion } from '@/lib/demand/viewer-region';
import { countries, subdivisions } from '@/lib/geo/regions';
import { skillLabelsByIds } from '@/lib/skills/taxonomy';
import { facetTitles, facetValueLabel } from '@/lib/search/facet-labels';
import { searchPrograms, type FacetName, type ProgramSearchResult } from '@/lib/search/program-search';
import { demandRegionOf, programSearchSchema, programSortLabels, programSorts, searchParamsToObject, searchParamsToQuery, type ProgramSearchParams } from '@/lib/search/program-search-params';
import { fieldErrorsFromZod, isAppError } from '@/lib/errors';
import { savedProgramIds } from '@/lib/seekers/shortlist';
import { Alert } from '../../_components/alert';
import { CompareTray } from '../../_components/compare-tray';
import { EmptyState } from '../../_components/layout-bits';
import { FacetPanel } from './facet-panel';
import { ProgramCard, demandOf } from './program-card';
import { QueryInput, SearchForm, UseMyLocation } from './search-controls';

export const metadata: Metadata = { title: 'Find programs' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const radii = [10, 25, 50, 100, 250];
const placeOptions = subdivisions
  .map((s) => ({ value: `${s.lat.toFixed(3)},${s.lng.toFixed(3)}`, label: s.name, country: s.country }))
  .sort((a, b) => a.country.localeCompare(b.country) || a.label.localeCompare(b.label));
const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code;

/** Parses what it can: a bad parameter is reported and dropped, never a crash. */
function parseParams(raw: Record<string, unknown>): { params: ProgramSearchParams; problems: string[] } {
  const parsed = programSearchSchema.safeParse(raw);
  if (parsed.success) return { params: parsed.data, problems: [] };
  const errors = fieldErrorsFromZod(parsed.error);
  const bad = new Set(Object.keys(errors).map((k) => k.split('.')[0]!));
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  return { params: programSearchSchema.parse(cleaned), problems: Object.entries(errors).map(([k, v]) => `${k}: ${v.join(' ')}`) };
}

const activeFilters = (p: ProgramSearchParams): Array<{ facet: FacetName; value: string }> =>
  (['country', 'region', 'field', 'delivery_mode', 'credential_type', 'eqf_level', 'language', 'provider', 'skill', 'cost_band', 'hours_band'] as const).flatMap((facet) =>
    (p[facet] as Array<string | number>).map((value) => ({ facet, value: String(value) })),
  );

function without(p: ProgramSearchParams, facet: string, value?: string): string {
  const next: Record<string, unknown> = { ...p, page: 1 };
  const current = next[facet];
  next[facet] = Array.isArray(current) && value !== undefined ? current.filter((v) => String(v) !== value) : undefined;
  if (facet === 'near') next.radius_km = undefined;
  return `/programs${searchParamsToQuery(next as Partial<ProgramSearchParams>)}`;
}

export default async function ProgramsPage({ searchParams }: PageProps) {
  const { params, problems } = parseParams(searchParamsToObject(await searchParams));
  const viewerRegion = await getViewerRegion();
  const demandRegion = demandRegionOf(params, viewerRegion);
  let result: ProgramSearchResult | null = null;
  let demand: ProgramDemand | null = null;
  let saved = new Set<string>();
  let failure: { title: string; message: string } | null = null;
  try {
    result = await searchPrograms(params, { viewerRegion });
    demand = await inDemandSkillsOfPrograms(demandRegion, result.hits);
    const actor = await getCurrentActor();
    if (can(actor, 'shortlist:manage')) saved = await savedProgramIds(actor, result.hits.map((h) => h.id));
  } catch (error) {
    if (!isAppError(error)) throw error;
    // A search the engine could not run is an outage; a search asked wrongly says what to change.
    failure = { title: error.code === 'validation_failed' ? 'Check the search' : 'Search is unavailable', message: error.message };
  }
  // Skill filters from skill pages carry ids: show their names.
  const skillNames = await skillLabelsByIds(params.skill);
  const filters = activeFilters(params);
  const pages = result ? Math.max(1, Math.ceil(Math.min(result.total, 5000) / params.per_page)) : 1;
  const filtersKey = searchParamsToQuery({ ...params, q: '', page: 1 });
  const nearValue = params.near ? params.near.map((n) => n.toFixed(3)).join(',') : '';

  return (
    <div className="flex flex-col gap-6 pb-20">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Find micro-credentials</h1>
        <p className="mt-1 text-slate-700">Short courses, boot camps, badges and certifications, by place, field and how you want to learn.</p>
      </div>
      {problems.length ? (
        <Alert tone="warning" title="Some filters in the link were not understood and were left out">
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <SearchForm className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        {/* Keyed by the filters so uncontrolled inputs follow the URL after back/forward. */}
        <aside key={filtersKey} aria-label="Filters" className="order-2 lg:order-1">
          {params.max_cost !== undefined ? <input type="hidden" name="max_cost" value={params.max_cost} /> : null}
          {params.max_hours !== undefined ? <input type="hidden" name="max_hours" value={params.max_hours} /> : null}
          {params.open_in ? <input type="hidden" name="open_in" value={params.open_in} /> : null}
          {params.per_page !== 20 ? <input type="hidden" name="per_page" value={params.per_page} /> : null}
          {result ? <FacetPanel result={result} params={params} /> : null}
          <noscript>
            <button type="submit" className="mt-4 w-full rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
              Apply filters
            </button>
          </noscript>
        </aside>
        <div className="order-1 flex min-w-0 flex-col gap-4 lg:order-2">
          <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex gap-2">
              <label htmlFor="program-q" className="sr-only">
                Search programs
              </label>
              <QueryInput value={params.q} />
              <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
                Search
              </button>
            </div>
            <div key={filtersKey} className="grid gap-3 sm:grid-cols-3">
              <label className="flex flex-col gap-1 text-sm text-slate-800" htmlFor="program-near">
                Near
                <select id="program-near" name="near" defaultValue={nearValue} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                  <option value="">Anywhere</option>
                  {nearValue && !placeOptions.some((o) => o.value === nearValue) ? <option value={nearValue}>My location</option> : null}
                  {[...new Set(placeOptions.map((o) => o.country))].map((country) => (
                    <optgroup key={country} label={countryName(country)}>
                      {placeOptions
                        .filter((o) => o.country === country)
                        .map((o) => (
                          <option key={o.value + o.label} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                    </optgroup>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm text-slate-800" htmlFor="program-radius">
                Within
                <select id="program-radius" name="radius_km" defaultValue={String(params.radius_km ?? 50)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                  {radii.map((r) => (
                    <option key={r} value={r}>
                      {r} km (plus online programs open there)
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm text-slate-800" htmlFor="program-sort">
                Sort by
                <select id="program-sort" name="sort" defaultValue={params.sort} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                  {programSorts
                    .filter((s) => (s !== 'distance' || params.near) && (s !== 'in_demand' || demandRegion))
                    .map((s) => (
                      <option key={s} value={s}>
                        {programSortLabels[s]}
                      </option>
                    ))}
                </select>
              </label>
            </div>
            <UseMyLocation />
          </div>

          {failure ? <Alert tone="error" title={failure.title}>{failure.message}</Alert> : null}
          {filters.length || params.near ? (
            <ul aria-label="Active filters" className="flex flex-wrap gap-2">
              {filters.map((f) => (
                <li key={`${f.facet}:${f.value}`}>
                  <Link href={without(params, f.facet, f.value)} className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800 hover:bg-brand-100">
                    {facetTitles[f.facet]}: {skillNames.get(f.value) ?? facetValueLabel(f.facet, f.value)} <span aria-hidden>×</span>
                    <span className="sr-only">(remove)</span>
                  </Link>
                </li>
              ))}
              {params.near ? (
                <li>
                  <Link href={without(params, 'near')} className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800 hover:bg-brand-100">
                    Within {params.radius_km ?? 50} km <span aria-hidden>×</span>
                    <span className="sr-only">(remove)</span>
                  </Link>
                </li>
              ) : null}
            </ul>
          ) : null}

          {result ? (
            <>
              <p className="text-sm text-slate-700" aria-live="polite">
                {result.total >= 5000 ? 'More than 5,000' : result.total.toLocaleString('en')} program{result.total === 1 ? '' : 's'}
                {params.q ? ` for “${params.q}”` : ''}
              </p>
              {result.hits.length === 0 ? (
                <EmptyState title="No programs match all of that">
                  <p>Try relaxing a filter:</p>
                  <ul className="mt-2 flex flex-col gap-1">
                    {params.q ? (
                      <li>
                        <Link className="text-brand-700 underline" href={without(params, 'q')}>
                          Search without “{params.q}”
                        </Link>
                      </li>
                    ) : null}
                    {params.near ? (
                      <li>
                        <Link className="text-brand-700 underline" href={`/programs${searchParamsToQuery({ ...params, radius_km: Math.min((params.radius_km ?? 50) * 4, 2000), page: 1 })}`}>
                          Look further away ({Math.min((params.radius_km ?? 50) * 4, 2000)} km)
                        </Link>
                      </li>
                    ) : null}
                    {filters.map((f) => (
                      <li key={`${f.facet}:${f.value}`}>
                        <Link className="text-brand-700 underline" href={without(params, f.facet, f.value)}>
                          Remove “{skillNames.get(f.value) ?? facetValueLabel(f.facet, f.value)}”
                        </Link>
                      </li>
                    ))}
                    {filters.length > 1 ? (
                      <li>
                        <Link className="text-brand-700 underline" href={`/programs${searchParamsToQuery({ q: params.q })}`}>
                          Clear all filters
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                </EmptyState>
              ) : (
                <ol className="flex flex-col gap-3">
                  {result.hits.map((hit) => (
                    <li key={hit.id}>
                      <ProgramCard hit={hit} inDemand={demandOf(demand, hit.id)} isSaved={saved.has(hit.id)} />
                    </li>
                  ))}
                </ol>
              )}
              {pages > 1 ? (
                <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm">
                  {params.page > 1 ? (
                    <Link className="rounded-md px-3 py-2 text-brand-700 underline" href={`/programs${searchParamsToQuery({ ...params, page: params.page - 1 })}`}>
                      ← Previous
                    </Link>
                  ) : (
                    <span />
                  )}
                  <span className="text-slate-700">
                    Page {params.page} of {pages.toLocaleString('en')}
                  </span>
                  {params.page < pages ? (
                    <Link className="rounded-md px-3 py-2 text-brand-700 underline" href={`/programs${searchParamsToQuery({ ...params, page: params.page + 1 })}`}>
                      Next →
                    </Link>
                  ) : (
                    <span />
                  )}
                </nav>
              ) : null}
            </>
          ) : null}
        </div>
      </SearchForm>
      <CompareTray />
    </div>
  );
}
