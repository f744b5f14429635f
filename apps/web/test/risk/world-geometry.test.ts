import { countries } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import atlas from 'world-atlas/countries-110m.json';
import { joinCountryShapes } from '../../src/risk/world-geometry.js';

const geometries = (atlas as { objects: { countries: { geometries: { id?: string }[] } } }).objects
  .countries.geometries;

describe('joining the world atlas to the member states', () => {
  it('joins by the M49 (ISO numeric) code, padding numbers, and keeps the first shape', () => {
    const sample = countries.filter((country) => ['AFG', 'SDN', 'FRA'].includes(country.code));
    const join = joinCountryShapes(
      [{ id: '004' }, { id: 729 }, { id: '729' }, { id: '732' }, {}],
      sample,
    );
    expect([...join.shapeOf]).toEqual([
      ['AFG', 0],
      ['SDN', 1],
    ]);
    expect(join.otherShapes).toEqual([2, 3, 4]);
    expect(join.withoutShape.map((country) => country.code)).toEqual(['FRA']);
  });

  it('finds a shape for every member or observer state in countries-110m but the small ones', () => {
    const join = joinCountryShapes(geometries, countries);
    expect(join.shapeOf.size + join.withoutShape.length).toBe(countries.length);
    // The 110m atlas leaves out small island and city states, not large countries.
    expect(join.shapeOf.size).toBeGreaterThan(160);
    for (const code of ['SDN', 'SSD', 'MLI', 'HTI', 'MMR', 'PSE', 'CIV', 'PRK'])
      expect(join.shapeOf.has(code), code).toBe(true);
    expect(join.withoutShape.map((country) => country.code)).toEqual(
      expect.arrayContaining(['SGP', 'MLT', 'VAT', 'TUV']),
    );
    // Territories, Antarctica and the shapes without an id are drawn as land only.
    expect(join.otherShapes.length).toBe(geometries.length - join.shapeOf.size);
  });
});
