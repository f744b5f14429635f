import { describe, expect, it } from 'vitest';
import { CountryCode, countries, findCountry, m49Regions, PCode } from '../src/index.js';

describe('countries', () => {
  it('lists the 193 UN member states and the 2 observer states', () => {
    expect(countries.filter((c) => c.status === 'member')).toHaveLength(193);
    expect(
      countries
        .filter((c) => c.status === 'observer')
        .map((c) => c.code)
        .sort(),
    ).toEqual(['PSE', 'VAT']);
  });

  it('has unique alpha-3, alpha-2 and M49 codes', () => {
    for (const key of ['code', 'alpha2', 'm49'] as const) {
      expect(new Set(countries.map((c) => c[key])).size).toBe(countries.length);
    }
  });

  it('places every member state in its M49 region', () => {
    const members = (region: string) =>
      countries.filter((c) => c.status === 'member' && c.region.name === region).length;
    expect(m49Regions.map((r) => r.name)).toEqual([
      'Africa',
      'Americas',
      'Asia',
      'Europe',
      'Oceania',
    ]);
    expect([
      members('Africa'),
      members('Americas'),
      members('Asia'),
      members('Europe'),
      members('Oceania'),
    ]).toEqual([54, 35, 47, 43, 14]);
  });

  it('resolves the M49 chain down to the intermediate region', () => {
    expect(findCountry('KEN')).toMatchObject({
      alpha2: 'KE',
      m49: '404',
      region: { code: '002', name: 'Africa' },
      subRegion: { code: '202', name: 'Sub-Saharan Africa' },
      intermediateRegion: { code: '014', name: 'Eastern Africa' },
    });
    expect(findCountry('AFG')).toMatchObject({ subRegion: { name: 'Southern Asia' } });
    expect(findCountry('AFG')?.intermediateRegion).toBeUndefined();
  });
});

describe('area codes', () => {
  it('accepts a member state and refuses an unknown or malformed code', () => {
    expect(CountryCode.safeParse('SDN').success).toBe(true);
    expect(CountryCode.safeParse('XKX').success).toBe(false);
    expect(CountryCode.safeParse('sdn').success).toBe(false);
  });

  it('accepts P-codes of several administrative levels', () => {
    expect(PCode.safeParse('AF01').success).toBe(true);
    expect(PCode.safeParse('AF0101').success).toBe(true);
    expect(PCode.safeParse('AF').success).toBe(false);
  });
});
