import type { IndicatorNode, RiskModel } from '@prevention/core';
import type { NodeProfile, RiskProfile } from '@prevention/risk';
import { describe, expect, it } from 'vitest';
import { riskDriversOfProfile } from '../src/index.js';

const leaf = (id: string): IndicatorNode => ({
  kind: 'indicator',
  id,
  title: { en: id },
  normalisation: { method: 'identity' },
});

const model: RiskModel = {
  id: 'prevention-risk',
  version: '1.0.0',
  title: { en: 'Prevention risk' },
  minCoverage: 0.5,
  classes: [{ id: 'all', label: { en: 'All' }, from: 0 }],
  root: {
    kind: 'aggregate',
    id: 'prevention-risk',
    title: { en: 'Prevention risk' },
    operator: 'weighted-mean',
    children: [
      {
        kind: 'aggregate',
        id: 'peace-security',
        title: { en: 'Peace and security' },
        operator: 'weighted-mean',
        children: [leaf('peace-security.fatalities'), leaf('peace-security.tension')],
      },
      {
        kind: 'aggregate',
        id: 'development',
        title: { en: 'Development' },
        operator: 'weighted-mean',
        children: [leaf('development.food-insecurity')],
      },
    ],
  },
};

const node = (score: number | null, extra: Partial<NodeProfile> = {}): NodeProfile => ({
  score,
  completeness: 1,
  reliability: 1,
  ...extra,
});

const profile: RiskProfile = {
  area: 'SDN',
  month: '2026-11',
  model: { id: 'prevention-risk', version: '1.0.0' },
  root: 'prevention-risk',
  draws: 0,
  nodes: {
    'prevention-risk': node(6, {
      drivers: [
        { node: 'peace-security', contribution: 4 },
        { node: 'development', contribution: 2 },
      ],
    }),
    'peace-security': node(7, {
      trend3: { change: 1, direction: 'rising' },
      drivers: [{ node: 'peace-security.fatalities', contribution: 5 }],
    }),
    development: node(5, { drivers: [{ node: 'development.food-insecurity', contribution: 5 }] }),
    'peace-security.fatalities': node(8.5),
    'peace-security.tension': node(4),
    'development.food-insecurity': node(null),
  },
};

describe('risk drivers of a profile', () => {
  it('takes the nodes the profile names as drivers, with their pillar, score and trend', () => {
    // The pillar nodes are drivers of the composite, not of a pillar; the food-insecurity leaf
    // has no score; tension is named by nobody.
    expect(riskDriversOfProfile(model, profile)).toEqual([
      { node: 'peace-security.fatalities', pillar: 'peace-security', score: 8.5, trend: 'unknown' },
    ]);
  });
});
