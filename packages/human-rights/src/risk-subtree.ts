import { indicatorNode, type AggregateNode, type RiskNode } from '@prevention/core';
import { humanRightsIndicator } from './indicators.js';

const leaf = (name: string, weight?: number): RiskNode =>
  indicatorNode(
    humanRightsIndicator(`human-rights.${name}`),
    weight === undefined ? {} : { weight },
  );

/**
 * The pillar's subtree of the cross-pillar risk model: violations weigh most, then civic space;
 * rule of law and accountability are slower-moving, mostly yearly indicators, inverted where
 * higher is better.
 */
export const humanRightsRiskSubtree: AggregateNode = {
  kind: 'aggregate',
  id: 'human-rights',
  title: { en: 'Human rights', fr: 'Droits humains', ar: 'حقوق الإنسان' },
  operator: 'weighted-mean',
  children: [
    {
      kind: 'aggregate',
      id: 'human-rights.violations-and-abuses',
      title: { en: 'Violations and abuses', fr: 'Violations et abus' },
      operator: 'weighted-mean',
      weight: 3,
      children: [
        leaf('violations'),
        leaf('verified-violations', 2),
        leaf('victims-per-100k', 2),
        leaf('killings'),
        leaf('arbitrary-detention'),
        leaf('sexual-violence'),
        leaf('enforced-disappearance'),
      ],
    },
    {
      kind: 'aggregate',
      id: 'human-rights.civic-space',
      title: { en: 'Shrinking civic space', fr: "Rétrécissement de l'espace civique" },
      operator: 'weighted-mean',
      weight: 2,
      children: [
        leaf('attacks-on-defenders', 2),
        leaf('civic-space-restrictions'),
        leaf('internet-shutdowns'),
        leaf('civic-space-rating', 2),
      ],
    },
    {
      kind: 'aggregate',
      id: 'human-rights.rule-of-law',
      title: { en: 'Weak rule of law', fr: "Faiblesse de l'état de droit" },
      operator: 'weighted-mean',
      children: [
        leaf('unsentenced-detainees'),
        leaf('violence-reported-to-authorities'),
        leaf('birth-registration'),
        leaf('discrimination-reported'),
        leaf('trafficking-victims'),
      ],
    },
    {
      kind: 'aggregate',
      id: 'human-rights.accountability',
      title: { en: 'Lack of accountability', fr: 'Manque de redevabilité' },
      operator: 'weighted-mean',
      children: [
        leaf('nhri-paris-principles'),
        leaf('core-treaties-ratified'),
        leaf('upr-supported-share'),
        leaf('recommendations-implemented-share'),
        leaf('inclusive-decision-making'),
      ],
    },
  ],
};
