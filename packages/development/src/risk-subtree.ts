import { indicatorNode, type AggregateNode, type RiskNode } from '@prevention/core';
import { developmentIndicator } from './indicators.js';

const leaf = (name: string, weight?: number): RiskNode =>
  indicatorNode(
    developmentIndicator(`development.${name}`),
    weight === undefined ? {} : { weight },
  );

/**
 * The pillar's subtree of the cross-pillar risk model. Hazards are combined with INFORM's
 * reverse geometric mean, so one severe hazard is not averaged away; displacement takes the
 * maximum of its children; the others are weighted means.
 */
export const developmentRiskSubtree: AggregateNode = {
  kind: 'aggregate',
  id: 'development',
  title: { en: 'Sustainable development', fr: 'Développement durable', ar: 'التنمية المستدامة' },
  operator: 'weighted-mean',
  children: [
    {
      kind: 'aggregate',
      id: 'development.socio-economic',
      title: { en: 'Socio-economic vulnerability', fr: 'Vulnérabilité socio-économique' },
      operator: 'weighted-mean',
      weight: 2,
      children: [
        leaf('extreme-poverty', 2),
        leaf('multidimensional-poverty'),
        leaf('below-half-median-income'),
        leaf('bottom-40-income-growth'),
        leaf('youth-neet'),
        leaf('under-five-mortality'),
        leaf('social-protection-coverage'),
      ],
    },
    {
      kind: 'aggregate',
      id: 'development.food-insecurity',
      title: { en: 'Food insecurity', fr: 'Insécurité alimentaire' },
      operator: 'weighted-mean',
      weight: 2,
      children: [
        leaf('ipc-phase-3-plus', 3),
        leaf('food-insecurity-fies'),
        leaf('undernourishment'),
        leaf('stunting'),
        leaf('wasting'),
        leaf('food-price-anomaly'),
      ],
    },
    {
      kind: 'aggregate',
      id: 'development.hazards',
      title: { en: 'Climate and natural hazards', fr: 'Climat et aléas naturels' },
      operator: 'reverse-geometric-mean',
      minCoverage: 0.25,
      children: [
        leaf('natural-hazard-exposure'),
        leaf('disaster-affected-per-100k'),
        leaf('hazard-events'),
        leaf('disaster-economic-loss'),
      ],
    },
    {
      kind: 'aggregate',
      id: 'development.displacement',
      title: { en: 'Displacement', fr: 'Déplacements' },
      operator: 'max',
      minCoverage: 0.3,
      children: [
        leaf('idps-per-100k'),
        leaf('new-displacement-per-100k'),
        leaf('refugees-hosted-per-100k'),
      ],
    },
    {
      kind: 'aggregate',
      id: 'development.gender-inequality',
      title: { en: 'Gender inequality', fr: 'Inégalités entre les sexes' },
      operator: 'weighted-mean',
      children: [
        leaf('child-marriage'),
        leaf('intimate-partner-violence'),
        leaf('women-in-parliament'),
      ],
    },
  ],
};
