import { definePillarModule } from '@prevention/core';
import { peaceSecuritySection } from './assessment-section.js';
import { derivePeaceSecurityObservations } from './derive.js';
import { peaceSecurityIndicators } from './indicators.js';
import { peaceSecurityRiskSubtree } from './risk-subtree.js';
import { conflictEventKind } from './signals/conflict-event.js';
import { mediationEngagementKind } from './signals/mediation.js';
import { tensionSignalKind } from './signals/tension.js';

/** The peace and security pillar, as a module of the pillar contract. */
export const peaceSecurityPillar = definePillarModule({
  id: 'peace-security',
  label: { en: 'Peace and security', fr: 'Paix et sécurité', ar: 'السلام والأمن' },
  description: {
    en: 'Conflict and protest events, early signs of tension, and mediation and good offices.',
    fr: 'Événements de conflit et de protestation, signes précoces de tension, médiation et bons offices.',
  },
  indicators: peaceSecurityIndicators,
  signalKinds: [conflictEventKind, tensionSignalKind, mediationEngagementKind],
  assessmentSection: peaceSecuritySection,
  riskModel: peaceSecurityRiskSubtree,
  deriveObservations: derivePeaceSecurityObservations,
});
