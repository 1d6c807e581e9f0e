import { getIscedField } from '@/lib/catalog/isced-f';
import { costBands, hoursBands } from '@/lib/search/program-documents';
import { facetTitles, facetValueLabel } from '@/lib/search/facet-labels';
import type { FacetName, ProgramSearchResult } from '@/lib/search/program-search';
import type { ProgramSearchParams } from '@/lib/search/program-search-params';

type Option = { value: string; count: number; indent?: boolean };

function FacetGroup({ name, options, selected, limit = 12 }: { name: FacetName; options: Option[]; selected: string[]; limit?: number }) {
  // Selected values stay visible even with a zero count, so they can be unticked.
  const shown: Option[] = [...options.slice(0, limit), ...selected.filter((s) => !options.slice(0, limit).some((o) => o.value === s)).map((value) => ({ value, count: 0 }))];
  if (shown.length === 0) return null;
  return (
    <fieldset className="border-t border-slate-200 pt-3">
      <legend className="text-sm font-semibold text-slate-900">{facetTitles[name]}</legend>
      <ul className="mt-2 space-y-1">
        {shown.map((o) => {
          const id = `facet-${name}-${o.value}`.replace(/[^a-zA-Z0-9_-]/g, '_');
          return (
            <li key={o.value} className={o.indent ? 'pl-4' : ''}>
              <label htmlFor={id} className="flex items-center justify-between gap-2 text-sm text-slate-800">
                <span className="flex items-center gap-2">
                  <input id={id} type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} className="h-4 w-4" />
                  {facetValueLabel(name, o.value)}
                </span>
                <span className="text-xs text-slate-600">{o.count.toLocaleString('en')}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

const byCount = (dist: Record<string, number>): Option[] =>
  Object.entries(dist)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

const inOrder = (dist: Record<string, number>, order: readonly string[]): Option[] => order.filter((v) => dist[v]).map((value) => ({ value, count: dist[value]! }));

export function FacetPanel({ result, params }: { result: ProgramSearchResult; params: ProgramSearchParams }) {
  const f = result.facets;
  const regions = byCount(f.region).filter((o) => params.country.length === 0 || params.country.some((c) => o.value.startsWith(`${c}-`)));
  const broad = byCount(f.field).filter((o) => o.value.length === 2);
  const selectedBroad = new Set(params.field.map((c) => c.slice(0, 2)));
  const fieldOptions = broad.flatMap((b) => [
    b,
    ...(selectedBroad.has(b.value)
      ? byCount(f.field)
          .filter((o) => o.value.length === 4 && o.value.startsWith(b.value) && getIscedField(o.value))
          .map((o) => ({ ...o, indent: true }))
      : []),
  ]);
  return (
    <div className="flex flex-col gap-3">
      <FacetGroup name="country" options={byCount(f.country)} selected={params.country} />
      <FacetGroup name="region" options={regions} selected={params.region} limit={15} />
      <FacetGroup name="field" options={fieldOptions} selected={params.field} limit={40} />
      <FacetGroup name="delivery_mode" options={byCount(f.delivery_mode)} selected={params.delivery_mode} />
      <FacetGroup name="credential_type" options={byCount(f.credential_type)} selected={params.credential_type} />
      <FacetGroup name="eqf_level" options={inOrder(f.eqf_level, ['1', '2', '3', '4', '5', '6', '7', '8'])} selected={params.eqf_level.map(String)} />
      <FacetGroup name="cost_band" options={inOrder(f.cost_band, costBands)} selected={params.cost_band} />
      <FacetGroup name="hours_band" options={inOrder(f.hours_band, hoursBands)} selected={params.hours_band} />
      <FacetGroup name="language" options={byCount(f.language)} selected={params.language} />
      <fieldset className="border-t border-slate-200 pt-3">
        <legend className="text-sm font-semibold text-slate-900">Credit</legend>
        <label htmlFor="facet-credit" className="mt-2 block text-sm text-slate-800">
          <span className="sr-only">Credit</span>
          <select id="facet-credit" name="credit_bearing" defaultValue={params.credit_bearing ?? ''} className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
            <option value="">Any ({((f.credit_bearing.true ?? 0) + (f.credit_bearing.false ?? 0)).toLocaleString('en')})</option>
            <option value="true">Credit-bearing ({(f.credit_bearing.true ?? 0).toLocaleString('en')})</option>
            <option value="false">Non-credit ({(f.credit_bearing.false ?? 0).toLocaleString('en')})</option>
          </select>
        </label>
      </fieldset>
      <FacetGroup name="provider" options={byCount(f.provider)} selected={params.provider} limit={10} />
      <FacetGroup name="skill" options={byCount(f.skill)} selected={params.skill} limit={10} />
    </div>
  );
}
