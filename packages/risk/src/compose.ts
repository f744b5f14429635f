import {
  AppError,
  RiskModel,
  type AggregationOperator,
  type LocalisedText,
  type PillarModule,
  type RiskClasses,
} from '@prevention/core';
import { informRiskClasses } from './classify.js';

export interface ComposeOptions {
  id: string;
  version: string;
  title: LocalisedText;
  description?: LocalisedText;
  /** How the pillars' scores combine. Default: INFORM's reverse geometric mean. */
  operator?: AggregationOperator;
  /** Relative weights by pillar id; default 1 each. */
  weights?: Readonly<Record<string, number>>;
  /** Default 0.5: a node needs half of its children's weight present. */
  minCoverage?: number;
  /** Default: the INFORM classes. */
  classes?: RiskClasses;
}

/**
 * A risk model whose root combines the subtrees of any set of pillars: the three the platform
 * ships, or others. Each pillar's root is a child of the model's root, weighted as asked; the
 * result is validated like any model document.
 */
export function composeRiskModel(
  pillars: readonly PillarModule[],
  options: ComposeOptions,
): RiskModel {
  if (pillars.length === 0)
    throw new AppError('BAD_REQUEST', 'A risk model needs at least one pillar.');
  for (const id of Object.keys(options.weights ?? {}))
    if (!pillars.some((p) => p.id === id))
      throw new AppError(
        'BAD_REQUEST',
        `A weight is given for ${id}, which is not among the pillars.`,
      );
  return RiskModel.parse({
    id: options.id,
    version: options.version,
    title: options.title,
    ...(options.description ? { description: options.description } : {}),
    minCoverage: options.minCoverage ?? 0.5,
    classes: options.classes ?? informRiskClasses,
    root: {
      kind: 'aggregate',
      id: options.id,
      title: options.title,
      operator: options.operator ?? 'reverse-geometric-mean',
      children: pillars.map((pillar) => {
        const weight = options.weights?.[pillar.id];
        return weight === undefined ? pillar.riskModel : { ...pillar.riskModel, weight };
      }),
    },
  });
}
