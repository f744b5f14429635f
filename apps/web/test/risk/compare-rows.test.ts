import { informRiskClasses } from '@prevention/risk';
import { describe, expect, it } from 'vitest';
import {
  comparisonRows,
  monthsOf,
  pillarsOf,
  type ComparedColumn,
} from '../../src/risk/compare-rows.js';
import type { ProfileSummary } from '../../src/risk/overview-rows.js';

type NodeSummary = ProfileSummary['nodes'][string];

function node(overrides: Partial<NodeSummary> = {}): NodeSummary {
  return {
    score: null,
    class: null,
    completeness: 0.5,
    reliability: 0.5,
    change3: null,
    change12: null,
    band: null,
    ...overrides,
  };
}

function summary(overrides: Partial<ProfileSummary> = {}): ProfileSummary {
  return {
    areaCode: 'SDN',
    month: '2026-05',
    score: 6,
    class: 'high',
    change3: 0.5,
    change12: 1,
    completeness: 0.8,
    reliability: 0.6,
    basis: 0,
    nodes: {
      root: node({ score: 6, band: { low: 5, high: 7 } }),
      'peace-security': node({ score: 8 }),
      development: node({ score: 4 }),
    },
    ...overrides,
  };
}

function column(overrides: Partial<ComparedColumn> = {}): ComparedColumn {
  return { summary: summary(), rootId: 'root', classes: informRiskClasses, ...overrides };
}

const pillars = [
  { id: 'peace-security', title: 'Peace and security' },
  { id: 'development', title: 'Development' },
];

const rowOf = (rows: ReturnType<typeof comparisonRows>, figure: string) =>
  rows.find((row) => (row.figure === 'pillar' ? `pillar-${row.nodeId}` : row.figure) === figure);

describe('the comparison’s rows', () => {
  it('lists the composite’s figures, then each pillar’s score, a value per column', () => {
    const rows = comparisonRows(
      [column(), column({ summary: summary({ score: 3.2, class: 'low', completeness: 0.4 }) })],
      pillars,
    );
    expect(rows.map((row) => (row.figure === 'pillar' ? row.nodeId : row.figure))).toEqual([
      'score',
      'class',
      'change3',
      'change12',
      'completeness',
      'reliability',
      'band',
      'peace-security',
      'development',
    ]);
    expect(rowOf(rows, 'score')?.values).toEqual([6, 3.2]);
    expect(rowOf(rows, 'class')?.values).toEqual(['high', 'low']);
    expect(rowOf(rows, 'completeness')?.values).toEqual([0.8, 0.4]);
    expect(rowOf(rows, 'band')?.values).toEqual([
      { low: 5, high: 7 },
      { low: 5, high: 7 },
    ]);
    expect(rowOf(rows, 'pillar-peace-security')?.values).toEqual([8, 8]);
    expect(rows.every((row) => row.difference === undefined)).toBe(true);
  });

  it('gives a column without a profile for the month no value and the "no data" class', () => {
    const rows = comparisonRows([column(), column({ summary: undefined })], pillars);
    expect(rowOf(rows, 'score')?.values).toEqual([6, null]);
    expect(rowOf(rows, 'class')?.values).toEqual(['high', 'no-data']);
    expect(rowOf(rows, 'completeness')?.values).toEqual([0.8, null]);
    expect(rowOf(rows, 'band')?.values).toEqual([{ low: 5, high: 7 }, null]);
    expect(rowOf(rows, 'pillar-development')?.values).toEqual([4, null]);
  });

  it('classes a score the server did not class under the column’s model', () => {
    const rows = comparisonRows([column({ summary: summary({ score: 7.5, class: null }) })], []);
    expect(rowOf(rows, 'class')?.values).toEqual(['very-high']);
  });

  it('carries B − A in every row when comparing two versions', () => {
    const a = column();
    const b = column({
      summary: summary({
        score: 6.5,
        class: 'very-high',
        change3: -0.25,
        change12: 1,
        completeness: 0.9,
        reliability: 0.5,
        nodes: {
          root: node({ score: 6.5, band: { low: 5.5, high: 8 } }),
          'peace-security': node({ score: 7 }),
          development: node({ score: 4.5 }),
        },
      }),
    });
    const rows = comparisonRows([a, b], pillars, { difference: true });
    expect(rowOf(rows, 'score')?.difference).toBe(0.5);
    expect(rowOf(rows, 'class')?.difference).toEqual({ from: 'high', to: 'very-high' });
    expect(rowOf(rows, 'change3')?.difference).toBe(-0.75);
    expect(rowOf(rows, 'change12')?.difference).toBe(0);
    expect(rowOf(rows, 'completeness')?.difference).toBeCloseTo(0.1);
    expect(rowOf(rows, 'reliability')?.difference).toBeCloseTo(-0.1);
    expect(rowOf(rows, 'band')?.difference).toEqual({ low: 0.5, high: 1 });
    expect(rowOf(rows, 'pillar-peace-security')?.difference).toBe(-1);
    expect(rowOf(rows, 'pillar-development')?.difference).toBe(0.5);
  });

  it('has no difference where either version has no value', () => {
    const a = column({ summary: summary({ change12: null }) });
    const b = column({
      rootId: 'other-root',
      summary: summary({ nodes: { 'other-root': node({ score: 6 }), hazard: node({ score: 2 }) } }),
    });
    const rows = comparisonRows([a, b], [...pillars, { id: 'hazard', title: 'Hazard' }], {
      difference: true,
    });
    expect(rowOf(rows, 'change12')?.difference).toBeNull();
    expect(rowOf(rows, 'band')?.difference).toBeNull();
    expect(rowOf(rows, 'pillar-development')).toMatchObject({
      values: [4, null],
      difference: null,
    });
    expect(rowOf(rows, 'pillar-hazard')).toMatchObject({ values: [null, 2], difference: null });

    const missing = comparisonRows([a, column({ summary: undefined })], pillars, {
      difference: true,
    });
    expect(rowOf(missing, 'score')?.difference).toBeNull();
    expect(rowOf(missing, 'class')?.difference).toEqual({ from: 'high', to: 'no-data' });
  });
});

describe('the pillars and months of the columns', () => {
  it('lists each pillar of every model once, in the models’ order, without the roots', () => {
    expect(
      pillarsOf([
        [{ id: 'prevention-risk', title: 'Prevention risk' }, ...pillars],
        [
          { id: 'inform-risk', title: 'INFORM Risk' },
          { id: 'hazard-exposure', title: 'Hazard & exposure' },
          { id: 'development', title: 'Development (again)' },
        ],
      ]),
    ).toEqual([...pillars, { id: 'hazard-exposure', title: 'Hazard & exposure' }]);
  });

  it('lists the months any column has, newest first', () => {
    expect(
      monthsOf([
        [summary({ month: '2026-03' }), summary({ month: '2026-05' })],
        [summary({ month: '2026-04' }), summary({ month: '2026-05' })],
        [],
      ]),
    ).toEqual(['2026-05', '2026-04', '2026-03']);
  });
});
