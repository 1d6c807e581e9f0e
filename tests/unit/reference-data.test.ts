import { describe, expect, it } from 'vitest';
import { getIscedField, iscedAncestors, iscedFields, isValidIscedCode } from '@/lib/catalog/isced-f';
import { countries, getCountry, isValidCountry, isValidRegion, regionLabel, subdivisions, subdivisionsOf } from '@/lib/geo/regions';

describe('ISCED-F 2013', () => {
  it('has the 11 broad fields 00–10', () => {
    const broad = iscedFields.filter((field) => field.level === 'broad');
    expect(broad).toHaveLength(11);
    expect(broad.map((field) => field.code)).toEqual(['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10']);
  });

  it('files every narrow and detailed field under a field one level up that exists', () => {
    const up = { narrow: 'broad', detailed: 'narrow' } as const;
    for (const field of iscedFields) {
      if (field.level === 'broad') {
        expect(field.parent).toBeNull();
        continue;
      }
      expect(field.parent, field.code).not.toBeNull();
      expect(getIscedField(field.parent!)?.level, field.code).toBe(up[field.level]);
      expect(field.code.startsWith(field.parent!), field.code).toBe(true);
    }
  });

  it('has unique codes and the ~80 substantive detailed fields besides the residual ones', () => {
    expect(new Set(iscedFields.map((field) => field.code)).size).toBe(iscedFields.length);
    const substantive = iscedFields.filter((field) => field.level === 'detailed' && !/[089]$/.test(field.code));
    expect(substantive).toHaveLength(80);
  });

  it('walks ancestors broad → narrow → detailed', () => {
    expect(iscedAncestors('0613').map((field) => field.code)).toEqual(['06', '061', '0613']);
    expect(iscedAncestors('06').map((field) => field.code)).toEqual(['06']);
    expect(iscedAncestors('0699')).toEqual([]);
  });

  it('keeps the official labels and leading zeros', () => {
    expect(getIscedField('0613')?.label).toBe('Software and applications development and analysis');
    expect(getIscedField('0612')?.label).toBe('Database and network design and administration');
    expect(getIscedField('0913')?.label).toBe('Nursing and midwifery');
    expect(getIscedField('1041')?.label).toBe('Transport services');
    expect(getIscedField('0011')?.label).toBe('Basic programmes and qualifications');
    expect(getIscedField('0188')?.label).toBe('Inter-disciplinary programmes and qualifications involving education');
    expect(getIscedField('0419')?.label).toBe('Business and administration not elsewhere classified');
    expect(isValidIscedCode('0613')).toBe(true);
    expect(isValidIscedCode('613')).toBe(false);
    expect(isValidIscedCode('9999')).toBe(false);
  });
});

describe('regions', () => {
  it('lists every ISO 3166-1 country once', () => {
    expect(countries.length).toBeGreaterThanOrEqual(249);
    expect(new Set(countries.map((country) => country.code)).size).toBe(countries.length);
    expect(getCountry('CA')?.name).toBe('Canada');
    expect(isValidCountry('GB')).toBe(true);
    expect(isValidCountry('UK')).toBe(false);
  });

  it('files every subdivision under a listed country with a plausible point', () => {
    for (const subdivision of subdivisions) {
      expect(isValidCountry(subdivision.country), subdivision.code).toBe(true);
      expect(subdivision.code.startsWith(`${subdivision.country}-`), subdivision.code).toBe(true);
      expect(Math.abs(subdivision.lat), subdivision.code).toBeLessThanOrEqual(90);
      expect(Math.abs(subdivision.lng), subdivision.code).toBeLessThanOrEqual(180);
    }
    expect(new Set(subdivisions.map((subdivision) => subdivision.code)).size).toBe(subdivisions.length);
  });

  it('has the expected first-level subdivision counts', () => {
    const expected = { CA: 13, US: 51, GB: 4, IE: 4, DE: 16, FR: 13, NL: 12, ES: 19, IT: 20, MY: 16, PH: 17, AU: 8, SG: 5, NZ: 17, IN: 36 };
    for (const [country, count] of Object.entries(expected)) expect(subdivisionsOf(country), country).toHaveLength(count);
  });

  it('validates region codes against the list and their country', () => {
    expect(isValidRegion('CA-ON')).toBe(true);
    expect(isValidRegion('CA-XX')).toBe(false);
    expect(isValidRegion('US-ON')).toBe(false);
    expect(isValidRegion('ca-on')).toBe(false);
    expect(isValidRegion('CA')).toBe(false);
    expect(isValidRegion('CA-ON', 'CA')).toBe(true);
    expect(isValidRegion('CA-ON', 'US')).toBe(false);
    expect(isValidRegion('MY-14')).toBe(true);
    expect(isValidRegion('FR-20R')).toBe(true);
  });

  it('labels subdivisions, countries and unknown codes', () => {
    expect(regionLabel('CA-ON')).toBe('Ontario');
    expect(regionLabel('MY-14')).toBe('Kuala Lumpur');
    expect(regionLabel('NZ')).toBe('New Zealand');
    expect(regionLabel('ZZ-99')).toBe('ZZ-99');
  });
});
