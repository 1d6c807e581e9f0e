import 'server-only';
import type { SearchParams } from 'meilisearch';
import { topInDemandSkillIds } from '@/lib/demand/demand-scores';
import { AppError } from '@/lib/errors';
import { subdivisions } from '@/lib/geo/regions';
import { getMeili } from './client';
import { highlightEnd, highlightStart } from './highlight-marks';
import type { ProgramDocument } from './program-documents';
import { programIndexName } from './program-index';
import { demandRegionOf, type ProgramSearchParams } from './program-search-params';
import { facetAttributes, type FacetName } from './facet-names';
import { isUuid } from '@/lib/ids';

export { facetAttributes, type FacetName };

const quote = (v: string | number | boolean) => (typeof v === 'string' ? `"${v.replace(/(["\\])/g, '\\$1')}"` : String(v));
const anyOf = (attribute: string, values: ReadonlyArray<string | number>) => (values.length ? `${attribute} IN [${values.map(quote).join(', ')}]` : null);

/** `skill` takes skill ids (from the API and skill pages) or preferred labels (from the facet). */
function skillFilter(values: string[]): string | null {
  const ids = values.filter(isUuid).map((v) => v.toLowerCase());
  const labels = values.filter((v) => !isUuid(v));
  const parts = [anyOf('skillIds', ids), anyOf('skills', labels)].filter((f): f is string => f !== null);
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** The country a coordinate falls in, approximated by the nearest known subdivision centre. */
export function countryNear(lat: number, lng: number): string | undefined {
  let best: { country: string; d: number } | undefined;
  for (const s of subdivisions) {
    const d = (s.lat - lat) ** 2 + ((s.lng - lng) * Math.cos((lat * Math.PI) / 180)) ** 2;
    if (!best || d < best.d) best = { country: s.country, d };
  }
  return best?.country;
}

const resultAttributes = [
  'id', 'slug', 'title', 'summary', 'providerName', 'credentialType', 'deliveryMode', 'eqfLevel', 'isCreditBearing', 'stacksIntoTitles',
  'cost', 'currency', 'costEur', 'hours', 'weeks', 'city', 'region', 'country', 'isOnline', 'openCountries', 'nextStartDate', 'completeness', 'fieldCodes', 'skills', 'skillIds',
] as const satisfies ReadonlyArray<keyof ProgramDocument>;

const sortRules: Record<Exclude<ProgramSearchParams['sort'], 'relevance' | 'distance' | 'in_demand'>, string[]> = {
  cost_asc: ['costEur:asc'],
  cost_desc: ['costEur:desc'],
  hours_asc: ['hours:asc'],
  hours_desc: ['hours:desc'],
  start_date: ['nextStartDate:asc'],
  newest: ['createdAt:desc'],
  completeness: ['completeness:desc'],
};

/** Pure translation of search parameters into one Meilisearch query (also used by the benchmark). */
export function buildProgramQuery(params: ProgramSearchParams, opts: { facets?: boolean } = {}): { q: string; options: SearchParams } {
  const filters = [
    anyOf('country', params.country),
    anyOf('region', params.region),
    anyOf('fieldCodes', params.field),
    anyOf('deliveryMode', params.delivery_mode),
    anyOf('credentialType', params.credential_type),
    anyOf('eqfLevel', params.eqf_level),
    anyOf('languages', params.language),
    anyOf('providerName', params.provider),
    skillFilter(params.skill),
    anyOf('costBand', params.cost_band),
    anyOf('hoursBand', params.hours_band),
    params.credit_bearing ? `isCreditBearing = ${params.credit_bearing}` : null,
    params.max_cost !== undefined ? `costEur <= ${params.max_cost}` : null,
    params.max_hours !== undefined ? `hours <= ${params.max_hours}` : null,
  ].filter((f): f is string => f !== null);

  if (params.near) {
    const [lat, lng] = params.near;
    const meters = Math.round((params.radius_km ?? 50) * 1000);
    // In-person programs within reach, or online ones open to learners in that country.
    const openIn = params.open_in ?? countryNear(lat, lng);
    const online = openIn ? ` OR (isOnline = true AND openCountries IN ["*", ${quote(openIn)}])` : '';
    filters.push(`(_geoRadius(${lat}, ${lng}, ${meters})${online})`);
  } else if (params.open_in) {
    filters.push(`(country = ${quote(params.open_in)} OR (isOnline = true AND openCountries IN ["*", ${quote(params.open_in)}]))`);
  }

  const sort = params.sort === 'relevance' || params.sort === 'in_demand' ? undefined : params.sort === 'distance' && params.near ? [`_geoPoint(${params.near[0]}, ${params.near[1]}):asc`] : sortRules[params.sort as keyof typeof sortRules];
  return {
    q: params.q,
    options: {
      filter: filters.length ? filters.join(' AND ') : undefined,
      sort,
      offset: (params.page - 1) * params.per_page,
      limit: params.per_page,
      facets: opts.facets === false ? undefined : Object.values(facetAttributes),
      attributesToHighlight: ['title', 'summary'],
      highlightPreTag: highlightStart,
      highlightPostTag: highlightEnd,
      // Only what a result card shows: smaller responses are faster for everyone.
      attributesToRetrieve: [...resultAttributes],
    },
  };
}

export type ProgramHit = Pick<ProgramDocument, (typeof resultAttributes)[number]> & { _formatted?: { title?: string; summary?: string | null }; _geoDistance?: number };

export type ProgramSearchResult = {
  hits: ProgramHit[];
  total: number;
  page: number;
  perPage: number;
  facets: Record<FacetName, Record<string, number>>;
  facetStats: Record<string, { min: number; max: number }>;
  processingTimeMs: number;
};

export type SearchOptions = { facets?: boolean; /** Used when the search names no region of its own. */ viewerRegion?: string | null };

const unavailable = (error: unknown) =>
  new AppError('unavailable', 'Search is temporarily unavailable. Please try again in a moment.', { details: { cause: error instanceof Error ? error.message : String(error) } });

export async function searchPrograms(params: ProgramSearchParams, opts: SearchOptions = {}): Promise<ProgramSearchResult> {
  const { q, options } = buildProgramQuery(params, opts);
  const demandRegion = params.sort === 'in_demand' ? demandRegionOf(params, opts.viewerRegion) : null;
  if (params.sort === 'in_demand' && !demandRegion) {
    throw new AppError('validation_failed', 'Ranking by in-demand skills needs a region: add region=, country= or open_in=.', { fieldErrors: { sort: ['Choose a region or country to rank by its in-demand skills.'] } });
  }
  const inDemandIds = demandRegion ? await topInDemandSkillIds(demandRegion) : [];
  let response;
  try {
    response = inDemandIds.length ? await searchInDemandFirst(q, options, inDemandIds) : await getMeili().index<ProgramDocument>(programIndexName()).search(q, options);
  } catch (error) {
    throw unavailable(error);
  }
  const distribution = response.facetDistribution ?? {};
  const facets = Object.fromEntries(Object.entries(facetAttributes).map(([name, attribute]) => [name, distribution[attribute] ?? {}])) as ProgramSearchResult['facets'];
  return {
    hits: response.hits as ProgramHit[],
    total: response.estimatedTotalHits ?? response.hits.length,
    page: params.page,
    perPage: params.per_page,
    facets,
    facetStats: response.facetStats ?? {},
    processingTimeMs: response.processingTimeMs,
  };
}

/**
 * "In-demand skills first": programs teaching one of the region's in-demand skills, by
 * relevance, then the others. Meilisearch cannot sort by a per-region value, so the page is
 * cut from two filtered queries, with the exact size of the first to place the seam.
 */
async function searchInDemandFirst(q: string, options: SearchParams, skillIds: string[]) {
  const meili = getMeili();
  const indexUid = programIndexName();
  const teaches = `skillIds IN [${skillIds.map(quote).join(', ')}]`;
  const both = (extra: string) => (options.filter ? `(${options.filter as string}) AND ${extra}` : extra);
  const { offset = 0, limit = 20, ...rest } = options;
  const [all, first] = (
    await meili.multiSearch({
      queries: [
        { indexUid, q, ...rest, limit: 0, offset: 0 },
        { indexUid, q, filter: both(teaches), hitsPerPage: 1, page: 1, attributesToRetrieve: ['id'] },
      ],
    })
  ).results;
  const firstCount = first!.totalHits ?? 0;
  const queries = [];
  if (offset < firstCount) queries.push({ indexUid, q, ...rest, facets: undefined, filter: both(teaches), offset, limit });
  const restOffset = Math.max(0, offset - firstCount);
  const restLimit = limit - Math.max(0, Math.min(limit, firstCount - offset));
  if (restLimit > 0) queries.push({ indexUid, q, ...rest, facets: undefined, filter: both(`NOT ${teaches}`), offset: restOffset, limit: restLimit });
  const pages = queries.length ? (await meili.multiSearch({ queries })).results : [];
  return { ...all!, hits: pages.flatMap((p) => p.hits) };
}
