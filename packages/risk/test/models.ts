import type { AggregateNode, IndicatorNode, RiskModel, RiskNode } from '@prevention/core';
import { informRiskClasses } from '../src/index.js';

/** Test factories for small models. */
export function leaf(id: string, overrides: Partial<IndicatorNode> = {}): IndicatorNode {
  return {
    kind: 'indicator',
    id,
    title: { en: id },
    normalisation: { method: 'identity' },
    ...overrides,
  };
}

export function inner(
  id: string,
  operator: AggregateNode['operator'],
  children: RiskNode[],
  overrides: Partial<AggregateNode> = {},
): AggregateNode {
  return { kind: 'aggregate', id, title: { en: id }, operator, children, ...overrides };
}

export function model(root: RiskNode, overrides: Partial<RiskModel> = {}): RiskModel {
  return {
    id: 'test',
    version: '1',
    title: { en: 'Test' },
    minCoverage: 0.5,
    classes: informRiskClasses,
    root,
    ...overrides,
  };
}
