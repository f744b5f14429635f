import { findCountry } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { findAreas, findOrganisations, generateDemoData, loadDemoData } from '../src/index.js';
import { databaseKinds, useTestDatabase } from '../src/testing/index.js';

describe('the demo data generator', () => {
  it('produces the same data set for the same seed', () => {
    expect(generateDemoData(7)).toEqual(generateDemoData(7));
  });

  it('produces a different data set for another seed', () => {
    const ids = (seed: number) => generateDemoData(seed).organisations.map((o) => o.id);
    expect(ids(7)).not.toEqual(ids(8));
  });

  it('gives every sub-national unit a parent country and a unique P-code', () => {
    const { subnationalAreas } = generateDemoData();
    expect(new Set(subnationalAreas.map((a) => a.code)).size).toBe(subnationalAreas.length);
    for (const area of subnationalAreas) {
      const country = findCountry(area.parentCode ?? '');
      expect(country, area.code).toBeDefined();
      expect(area.code.slice(0, 2)).toBe(country?.alpha2);
    }
  });
});

describe.each(databaseKinds())('loading the demo data on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('loads once, and a second load changes nothing', async () => {
    const data = generateDemoData(11);
    expect(await loadDemoData(database.db, data)).toEqual({
      loaded: true,
      areas: data.subnationalAreas.length,
      organisations: data.organisations.length,
    });
    expect(await loadDemoData(database.db, data)).toEqual({
      loaded: false,
      reason: 'already-loaded',
    });
    expect(await findOrganisations(database.db)).toHaveLength(data.organisations.length);
    expect(await findAreas(database.db, { parentCode: 'MLI' })).toHaveLength(11);
  });
});
