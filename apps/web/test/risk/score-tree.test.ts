import type { RiskModel } from '@prevention/core';
import type { RiskProfile } from '@prevention/risk';
import { describe, expect, it } from 'vitest';
import { buildScoreTree, nodeTitles } from '../../src/risk/score-tree.js';

const leaf = (id: string) => ({
  kind: 'indicator' as const,
  id,
  title: { en: id.toUpperCase(), fr: `fr-${id}` },
  normalisation: { method: 'min-max' as const, min: 0, max: 1 },
});

const model = {
  id: 'test-risk',
  version: '1',
  title: { en: 'Test' },
  minCoverage: 0.5,
  classes: [
    { id: 'low', label: { en: 'Low' }, from: 0 },
    { id: 'high', label: { en: 'High' }, from: 5 },
  ],
  root: {
    kind: 'aggregate',
    id: 'root',
    title: { en: 'Composite', fr: 'Composite (fr)' },
    operator: 'weighted-mean',
    children: [
      {
        kind: 'aggregate',
        id: 'a',
        title: { en: 'A' },
        operator: 'max',
        children: [leaf('a1'), leaf('a2')],
      },
      leaf('b'),
      leaf('c'),
    ],
  },
} as unknown as RiskModel;

const node = (score: number | null, extra: object = {}) => ({
  score,
  completeness: score === null ? 0 : 1,
  reliability: score === null ? 0 : 0.8,
  ...extra,
});

const profile: RiskProfile = {
  area: 'SDN',
  month: '2026-05',
  model: { id: 'test-risk', version: '1' },
  root: 'root',
  draws: 0,
  nodes: {
    root: node(6, {
      class: 'high',
      drivers: [
        { node: 'c', contribution: 3.5 },
        { node: 'a', contribution: 2.5 },
      ],
    }),
    a: node(4, { drivers: [{ node: 'a2', contribution: 4 }] }),
    a1: node(1, { observed: '2026-04' }),
    a2: node(4),
    b: node(null),
    c: node(7),
  },
};

describe('the score tree', () => {
  const tree = buildScoreTree(model, profile, 'fr');

  it("orders children by their parent's drivers, then in the model's order", () => {
    expect(tree.children.map((child) => child.id)).toEqual(['c', 'a', 'b']);
    expect(tree.children[1]?.children.map((child) => child.id)).toEqual(['a2', 'a1']);
  });

  it('gives each node its contribution to its parent, title, class and data quality', () => {
    const [c, a, b] = tree.children;
    expect(tree).toMatchObject({ title: 'Composite (fr)', classId: 'high', contribution: null });
    expect(c).toMatchObject({ title: 'fr-c', score: 7, classId: 'high', contribution: 3.5 });
    expect(a).toMatchObject({ title: 'A', score: 4, classId: 'low', contribution: 2.5 });
    expect(b).toMatchObject({
      score: null,
      classId: 'no-data',
      contribution: null,
      completeness: 0,
    });
    expect(a?.children[1]).toMatchObject({ id: 'a1', observed: '2026-04', reliability: 0.8 });
  });

  it('titles every node by its id, for the observations behind them', () => {
    expect(Object.fromEntries(nodeTitles(tree))).toEqual({
      root: 'Composite (fr)',
      a: 'A',
      a1: 'fr-a1',
      a2: 'fr-a2',
      b: 'fr-b',
      c: 'fr-c',
    });
  });
});
