import type { DemandRegion } from '@/lib/demand/demand-scores';
import { countries, subdivisions } from '@/lib/geo/regions';
import { buttonClass } from './button';

const sortedCountries = [...countries].sort((a, b) => a.name.localeCompare(b.name, 'en'));
const selectClass = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/**
 * Country, then one of its regions (or the whole country): a GET form that works without
 * JavaScript — changing the country and pressing Show lists that country's regions.
 */
export function RegionPicker({ region, idPrefix }: { region: DemandRegion; idPrefix: string }) {
  const countryRegions = subdivisions.filter((s) => s.country === region.country).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <label htmlFor={`${idPrefix}-country`} className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Country
        <select id={`${idPrefix}-country`} name="country" defaultValue={region.country} className={selectClass}>
          {sortedCountries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${idPrefix}-region`} className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Region
        <select id={`${idPrefix}-region`} name="region" defaultValue={region.isCountry ? '' : region.code} className={selectClass}>
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
  );
}

/** The region a page shows: `region`, unless the country select changed to another country; else the fallback. */
export function regionFromQuery(query: { region?: string; country?: string }, find: (code?: string | null) => DemandRegion | null, fallback: DemandRegion): { region: DemandRegion; isUnknown: boolean } {
  const requested = find(query.region);
  const chosenCountry = find(query.country);
  const region = (chosenCountry && requested && requested.country !== chosenCountry.code ? chosenCountry : requested) ?? chosenCountry ?? fallback;
  return { region, isUnknown: !!query.region && !requested };
}
