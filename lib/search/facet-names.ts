/** API facet name → document attribute. */
export const facetAttributes = {
  country: 'country',
  region: 'region',
  field: 'fieldCodes',
  delivery_mode: 'deliveryMode',
  credential_type: 'credentialType',
  eqf_level: 'eqfLevel',
  language: 'languages',
  credit_bearing: 'isCreditBearing',
  provider: 'providerName',
  cost_band: 'costBand',
  hours_band: 'hoursBand',
  skill: 'skills',
} as const;
export type FacetName = keyof typeof facetAttributes;
