import { nodesOf, RiskModel, type Observation } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { compileModel, platformPillars, preventionRiskModel } from '../src/index.js';

describe('the cross-pillar prevention model', () => {
  const compiled = compileModel(preventionRiskModel);
  const catalogue = new Map(platformPillars.flatMap((p) => p.indicators.map((i) => [i.code, i])));

  it('is assembled from the three pillars’ subtrees, about sixty indicators', () => {
    const root = preventionRiskModel.root;
    expect(root.kind === 'aggregate' && root.children.map((c) => c.id)).toEqual([
      'peace-security',
      'development',
      'human-rights',
    ]);
    const leaves = nodesOf(root).filter((n) => n.kind === 'indicator');
    expect(leaves.length).toBeGreaterThanOrEqual(55);
    for (const leaf of leaves) expect(catalogue.has(leaf.id), leaf.id).toBe(true);
  });

  it('is a valid model document that survives JSON', () => {
    const json = JSON.parse(JSON.stringify(preventionRiskModel)) as unknown;
    expect(RiskModel.parse(json)).toEqual(preventionRiskModel);
  });

  it('scores an area from observations the pillars derive from their signals', () => {
    const signals = [
      {
        id: '01964f4e-2c4a-7000-8000-0000000000a1',
        pillar: 'peace-security',
        kind: 'tension',
        areaCode: 'KEN',
        occurredOn: '2026-06-03',
        title: 'Rallies banned',
        severity: 5,
        verification: 'verified' as const,
        source: 'Field team',
        sensitivity: 'restricted' as const,
        fieldSensitivity: {},
        payload: {
          tensionType: 'electoral',
          trend: 'escalating',
          drivers: ['electoral-dispute'],
          groups: [],
          hateSpeech: true,
          narrative: 'Results contested.',
          informants: [],
        },
      },
    ];
    const context = { from: '2026-06', to: '2026-06', populationOf: () => 1_000_000 };
    const observations: Observation[] = platformPillars.flatMap((p) =>
      p.deriveObservations(signals, context),
    );
    const inputs = Object.fromEntries(
      observations
        .filter((o) => compiled.indexOf(o.indicatorCode) !== undefined)
        .map((o) => [o.indicatorCode, o.value]),
    );
    const evaluation = compiled.evaluate(inputs);
    expect(evaluation.nodes['peace-security.tension']?.score).toBe(10);
    // Only the signal-derived indicators of one pillar are known: too little for the pillars' roots.
    expect(evaluation.root.score).toBeNull();
    expect(evaluation.root.completeness).toBeGreaterThan(0);
    expect(evaluation.root.completeness).toBeLessThan(0.5);
  });
});
