import { informRiskClasses } from '@prevention/risk';
import { describe, expect, it } from 'vitest';
import { legendOf, noDataClass, sequentialPalette } from '../../src/risk/risk-classes.js';
import { projectOutlines } from '../../src/risk/subnational-projection.js';
import { subnationalRows, type SubnationalWords } from '../../src/risk/subnational-rows.js';

const legend = legendOf(informRiskClasses, 'en');
const words: SubnationalWords = {
  noData: 'No data',
  score: 'Score',
  class: 'Class',
  label: (name, figures) => `${name}: ${figures}`,
  labelNoData: (name) => `${name}: no data`,
  formatScore: (score) => (score === null ? '–' : score.toFixed(1)),
};
const compare = (a: string, b: string) => a.localeCompare(b, 'en');

const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});

describe("a country's sub-national rows", () => {
  const units = [
    { code: 'SD02', name: 'North Darfur' },
    { code: 'SD01', name: 'Khartoum' },
    { code: 'SD03', name: 'South Darfur' },
  ];
  const rows = subnationalRows(
    units,
    [
      { areaCode: 'SD01', score: 7.4, class: 'very-high' },
      { areaCode: 'SD02', score: 3.1, class: null },
      { areaCode: 'SD09', score: null, class: null },
    ],
    new Set(['SD01', 'SD02']),
    informRiskClasses,
    legend,
    words,
    compare,
  );

  it('lists every area by name (an unknown one by its code), with the stored class, or the one of its score, or no data', () => {
    expect(rows.map((row) => [row.areaCode, row.classId, row.classLabel, row.hasOutline])).toEqual([
      ['SD01', 'very-high', 'Very high', true],
      ['SD02', 'low', 'Low', true],
      ['SD09', noDataClass, 'No data', false],
      ['SD03', noDataClass, 'No data', false],
    ]);
  });

  it('colours a class as the world map does and names the figures, never colour alone', () => {
    const [khartoum, northDarfur, , southDarfur] = rows;
    expect(khartoum?.fill).toBe(sequentialPalette[4]);
    expect(northDarfur?.fill).toBe(sequentialPalette[1]);
    expect(khartoum?.label).toBe('Khartoum: Score: 7.4, Class: Very high');
    expect(khartoum?.lines).toEqual(['Score: 7.4', 'Class: Very high']);
    expect(southDarfur?.label).toBe('South Darfur: no data');
  });

  it('projects outlines to paths inside the map, whatever the winding of their rings', () => {
    const clockwise = {
      type: 'Polygon' as const,
      coordinates: square(23, 12).coordinates.map((ring) => [...ring].reverse()),
    };
    const shapes = projectOutlines([
      { areaCode: 'SD01', geometry: square(32, 15) },
      { areaCode: 'SD02', geometry: clockwise },
    ]);
    for (const code of ['SD01', 'SD02']) {
      const shape = shapes.get(code);
      expect(shape?.d).toMatch(/^M[\d.]+,[\d.]+L/);
      const [x, y] = shape?.centroid ?? [-1, -1];
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(640);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(480);
    }
    // West is left and north is up: Khartoum (east) lies right of North Darfur.
    expect(shapes.get('SD01')?.centroid[0]).toBeGreaterThan(shapes.get('SD02')?.centroid[0] ?? 0);
  });
});
