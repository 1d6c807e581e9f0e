import Link from 'next/link';
import { formatMoney } from '@/lib/catalog/currency';
import type { ProgramDemand } from '@/lib/demand/demand-scores';
import { credentialTypeLabels, deliveryModeLabels, type CredentialType, type DeliveryMode } from '@/lib/catalog/vocabulary';
import { regionLabel } from '@/lib/geo/regions';
import type { ProgramHit } from '@/lib/search/program-search';
import { CompareToggle } from '../../_components/compare-tray';
import { Highlighted } from '../../_components/highlighted';
import { Badge, EmptyState } from '../../_components/layout-bits';

/** `inDemand`: the program's skills in demand in the viewer's region, and that region's name. `isSaved`: on the viewer's shortlist. */
export function ProgramCard({ hit, inDemand, isSaved = false }: { hit: ProgramHit; inDemand?: { regionName: string; skills: string[] }; isSaved?: boolean }) {
  const place = hit.isOnline && !hit.city ? (hit.openCountries.includes('*') ? 'Online, open worldwide' : `Online, open in ${hit.openCountries.join(', ')}`) : [hit.city, hit.region ? regionLabel(hit.region) : hit.country].filter(Boolean).join(', ');
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h3 className="text-base font-semibold text-slate-900">
            <Link href={`/programs/${hit.slug}`} className="hover:underline">
              <Highlighted text={hit._formatted?.title ?? hit.title} />
            </Link>
          </h3>
          <p className="text-sm text-slate-700">{hit.providerName}</p>
        </div>
        <CompareToggle id={hit.id} title={hit.title} />
      </div>
      {hit.summary ? (
        <p className="mt-2 text-sm text-slate-700">
          <Highlighted text={hit._formatted?.summary ?? hit.summary} />
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {isSaved ? <Badge tone="green">On your shortlist</Badge> : null}
        <Badge tone="blue">{credentialTypeLabels[hit.credentialType as CredentialType]}</Badge>
        <Badge>{deliveryModeLabels[hit.deliveryMode as DeliveryMode]}</Badge>
        {hit.eqfLevel ? <Badge>EQF {hit.eqfLevel}</Badge> : null}
        {hit.isCreditBearing ? <Badge tone="green">Credit-bearing</Badge> : null}
        {hit.stacksIntoTitles.length ? <Badge tone="amber">Stackable</Badge> : null}
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Cost</dt>
          <dd className="font-medium">{formatMoney(hit.cost, hit.currency)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Workload</dt>
          <dd className="font-medium">{hit.hours ? `${hit.hours} h` : '—'}{hit.weeks ? ` · ${hit.weeks} wk` : ''}</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-slate-600">Where</dt>
          <dd className="font-medium">
            {place || '—'}
            {hit._geoDistance !== undefined ? ` · ${(hit._geoDistance / 1000).toFixed(0)} km away` : ''}
          </dd>
        </div>
      </dl>
      {inDemand?.skills.length ? (
        <p className="mt-3 text-sm text-green-900">
          <span className="font-semibold">In demand in {inDemand.regionName}:</span> {inDemand.skills.slice(0, 5).join(', ')}
          {inDemand.skills.length > 5 ? ` and ${inDemand.skills.length - 5} more` : ''}
        </p>
      ) : null}
    </article>
  );
}

/** Program cards for a list of hits, or an empty state saying why there are none. */
export function ProgramCardList({ hits, emptyTitle, isTwoColumns = false, demand }: { hits: ProgramHit[] | undefined; emptyTitle: string; isTwoColumns?: boolean; demand?: ProgramDemand | null }) {
  if (!hits?.length) return <EmptyState title={emptyTitle} />;
  return (
    <ul className={isTwoColumns ? 'grid gap-3 md:grid-cols-2' : 'flex flex-col gap-3'}>
      {hits.map((hit) => (
        <li key={hit.id}>
          <ProgramCard hit={hit} inDemand={demandOf(demand, hit.id)} />
        </li>
      ))}
    </ul>
  );
}

export function demandOf(demand: ProgramDemand | null | undefined, programId: string) {
  return demand ? { regionName: demand.region.name, skills: demand.skillsByProgram.get(programId) ?? [] } : undefined;
}
