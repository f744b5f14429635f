import { indicatorNode, type AggregateNode, type RiskNode } from '@prevention/core';
import { peaceSecurityIndicator } from './indicators.js';

const leaf = (name: string, weight?: number): RiskNode =>
  indicatorNode(
    peaceSecurityIndicator(`peace-security.${name}`),
    weight === undefined ? {} : { weight },
  );

/**
 * The pillar's subtree of the cross-pillar risk model. Violence weighs most; escalation and
 * tension take the maximum of their children, because one sharp signal is enough to worry;
 * conflict management is protective, its indicators inverted (more women negotiating, more
 * people feeling safe, lower risk).
 */
export const peaceSecurityRiskSubtree: AggregateNode = {
  kind: 'aggregate',
  id: 'peace-security',
  title: { en: 'Peace and security', fr: 'Paix et sécurité', ar: 'السلام والأمن' },
  operator: 'weighted-mean',
  children: [
    {
      kind: 'aggregate',
      id: 'peace-security.violence',
      title: { en: 'Violence', fr: 'Violence', ar: 'العنف' },
      operator: 'weighted-mean',
      weight: 3,
      children: [
        leaf('fatalities-per-100k', 2),
        leaf('civilian-fatalities-per-100k', 2),
        leaf('battles'),
        leaf('explosions-remote-violence'),
        leaf('violence-against-civilians'),
        leaf('civilian-targeting-events'),
        leaf('homicide-rate'),
      ],
    },
    {
      kind: 'aggregate',
      id: 'peace-security.unrest',
      title: { en: 'Unrest', fr: 'Troubles', ar: 'الاضطرابات' },
      operator: 'weighted-mean',
      children: [
        leaf('protests'),
        leaf('riots'),
        leaf('excessive-force-against-protesters', 2),
        leaf('demonstrations-change'),
      ],
    },
    {
      kind: 'aggregate',
      id: 'peace-security.escalation',
      title: { en: 'Escalation', fr: 'Escalade', ar: 'التصعيد' },
      operator: 'max',
      weight: 2,
      minCoverage: 0.3,
      children: [leaf('political-violence-change'), leaf('non-state-territorial-gains')],
    },
    {
      kind: 'aggregate',
      id: 'peace-security.tension',
      title: { en: 'Tension', fr: 'Tensions', ar: 'التوترات' },
      operator: 'max',
      weight: 2,
      minCoverage: 0.3,
      children: [
        leaf('political-tension'),
        leaf('inter-communal-tension'),
        leaf('electoral-tension'),
      ],
    },
    {
      kind: 'aggregate',
      id: 'peace-security.conflict-management',
      title: { en: 'Lack of conflict management', fr: 'Faiblesse de la gestion des conflits' },
      operator: 'weighted-mean',
      children: [leaf('women-among-negotiators'), leaf('women-among-mediators'), leaf('feel-safe')],
    },
  ],
};
