import { getIscedField } from '@/lib/catalog/isced-f';
import { credentialTypeLabels, deliveryModeLabels, eqfLevelLabels, languageName, type CredentialType, type DeliveryMode } from '@/lib/catalog/vocabulary';
import { getCountry, regionLabel } from '@/lib/geo/regions';
import { costBandLabels, hoursBandLabels } from './program-documents';
import type { FacetName } from './program-search';

export const facetTitles: Record<FacetName, string> = {
  country: 'Country',
  region: 'Region',
  field: 'Field of study',
  delivery_mode: 'Delivery mode',
  credential_type: 'Credential type',
  eqf_level: 'Level',
  language: 'Language',
  credit_bearing: 'Credit',
  provider: 'Provider',
  cost_band: 'Cost',
  hours_band: 'Workload',
  skill: 'Skills',
};

/** Human label of a facet value (codes stay in URLs; people read names). */
export function facetValueLabel(facet: FacetName, value: string): string {
  switch (facet) {
    case 'country':
      return getCountry(value)?.name ?? value;
    case 'region':
      return regionLabel(value);
    case 'field':
      return getIscedField(value)?.label ?? value;
    case 'delivery_mode':
      return deliveryModeLabels[value as DeliveryMode] ?? value;
    case 'credential_type':
      return credentialTypeLabels[value as CredentialType] ?? value;
    case 'eqf_level':
      return eqfLevelLabels[Number(value)] ?? `EQF ${value}`;
    case 'language':
      return languageName(value) ?? value;
    case 'credit_bearing':
      return value === 'true' ? 'Credit-bearing' : 'Non-credit';
    case 'cost_band':
      return costBandLabels[value as keyof typeof costBandLabels] ?? value;
    case 'hours_band':
      return hoursBandLabels[value as keyof typeof hoursBandLabels] ?? value;
    default:
      return value;
  }
}
