import { informRiskClasses } from '@prevention/risk';
import { describe, expect, it } from 'vitest';
import {
  filterRows,
  highest,
  overviewRows,
  risingFastest,
  sortRows,
  type ProfileSummary,
} from '../../src/risk/overview-rows.js';

const nodeIds = ['prevention-risk', 'peace-security'];

function summary(
  areaCode: string,
  score: number | null,
  overrides: { change3?: number | null; pillar?: number | null } = {},
): ProfileSummary {
  const node = (value: number | null) => ({
    score: value,
    class: null,
    completeness: 0.5,
    reliability: 0.4,
    change3: overrides.change3 ?? null,
    change12: null,
    band: null,
  });
  return {
    areaCode,
    month: '2026-05',
    score,
    class: null,
    change3: overrides.change3 ?? null,
    change12: null,
    completeness: 0.5,
    reliability: 0.4,
    basis: 0,
    nodes: {
      'prevention-risk': { ...node(score), class: score === null ? null : 'from-the-server' },
      'peace-security': node(overrides.pillar ?? null),
    },
  };
}

const countries = [
  { code: 'HTI', name: 'Haiti' },
  { code: 'MLI', name: 'Mali' },
  { code: 'SDN', name: 'Sudan' },
  { code: 'FRA', name: 'France' },
];

const rows = overviewRows(
  countries,
  [
    summary('SDN', 7.1, { change3: 0.8, pillar: 8 }),
    summary('MLI', 4.2, { change3: -0.3, pillar: 3 }),
    summary('HTI', 5.5, { change3: 1.2 }),
  ],
  nodeIds,
  informRiskClasses,
);
const byName = (a: string, b: string) => a.localeCompare(b);
const codes = (list: readonly { areaCode: string }[]) => list.map((row) => row.areaCode);

describe('the overview rows', () => {
  it('lists every country, those without a profile as no data', () => {
    expect(codes(rows)).toEqual(['HTI', 'MLI', 'SDN', 'FRA']);
    const france = rows[3];
    expect(france?.hasData).toBe(false);
    expect(france?.nodes['prevention-risk']).toEqual({
      score: null,
      classId: 'no-data',
      change3: null,
      completeness: 0,
    });
  });

  it("takes the profile's class, and classes a pillar's score under the model's classes", () => {
    const sudan = rows.find((row) => row.areaCode === 'SDN');
    expect(sudan?.nodes['prevention-risk']?.classId).toBe('from-the-server');
    expect(sudan?.nodes['peace-security']?.classId).toBe('very-high');
    expect(rows.find((row) => row.areaCode === 'HTI')?.nodes['peace-security']?.classId).toBe(
      'no-data',
    );
  });

  it('sorts by a figure either way, countries without it last, ties by name', () => {
    const order = { column: 'score', nodeId: 'prevention-risk' } as const;
    expect(codes(sortRows(rows, { ...order, direction: 'descending' }, byName))).toEqual([
      'SDN',
      'HTI',
      'MLI',
      'FRA',
    ]);
    expect(codes(sortRows(rows, { ...order, direction: 'ascending' }, byName))).toEqual([
      'MLI',
      'HTI',
      'SDN',
      'FRA',
    ]);
    expect(
      codes(
        sortRows(
          rows,
          { column: 'score', nodeId: 'peace-security', direction: 'ascending' },
          byName,
        ),
      ),
    ).toEqual(['MLI', 'SDN', 'FRA', 'HTI']);
    expect(
      codes(sortRows(rows, { column: 'name', nodeId: '', direction: 'descending' }, byName)),
    ).toEqual(['SDN', 'MLI', 'HTI', 'FRA']);
  });

  it('filters by part of a name or an exact code, and by class', () => {
    const filter = { query: '', classId: '', nodeId: 'peace-security' };
    expect(codes(filterRows(rows, { ...filter, query: 'an' }))).toEqual(['SDN', 'FRA']);
    expect(codes(filterRows(rows, { ...filter, query: 'mli' }))).toEqual(['MLI']);
    expect(codes(filterRows(rows, { ...filter, classId: 'no-data' }))).toEqual(['HTI', 'FRA']);
    expect(codes(filterRows(rows, { ...filter, classId: 'low' }))).toEqual(['MLI']);
  });

  it('lists the fastest risers (rises only) and the highest scores', () => {
    expect(codes(risingFastest(rows, 'prevention-risk'))).toEqual(['HTI', 'SDN']);
    expect(codes(highest(rows, 'prevention-risk', 2))).toEqual(['SDN', 'HTI']);
    expect(codes(highest(rows, 'peace-security'))).toEqual(['SDN', 'MLI']);
  });
});
