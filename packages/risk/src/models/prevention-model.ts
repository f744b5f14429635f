import { developmentPillar } from '@prevention/development';
import { humanRightsPillar } from '@prevention/human-rights';
import { peaceSecurityPillar } from '@prevention/peace-security';
import { composeRiskModel } from '../compose.js';

/** The pillars the platform ships, in the order they are shown. */
export const platformPillars = [peaceSecurityPillar, developmentPillar, humanRightsPillar] as const;

/**
 * The platform's cross-pillar prevention risk model: the three pillars' subtrees under a root
 * that combines them with INFORM's reverse geometric mean, so that a high risk seen by one
 * pillar is not averaged away by calm in the others. Two of the three pillars must have a score.
 */
export const preventionRiskModel = composeRiskModel(platformPillars, {
  id: 'prevention-risk',
  version: '1.0.0',
  title: { en: 'Prevention risk', fr: 'Risque (prévention)', ar: 'مخاطر (الوقاية)' },
  description: {
    en: 'Cross-pillar risk of crisis: peace and security, sustainable development and human rights.',
    fr: 'Risque de crise, tous piliers confondus : paix et sécurité, développement durable et droits humains.',
  },
  operator: 'reverse-geometric-mean',
  minCoverage: 0.5,
});
