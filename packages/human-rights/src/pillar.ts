import { definePillarModule } from '@prevention/core';
import { humanRightsSection } from './assessment-section.js';
import { deriveHumanRightsObservations } from './derive.js';
import { humanRightsIndicators } from './indicators.js';
import { humanRightsRiskSubtree } from './risk-subtree.js';
import { civicSpaceKind } from './signals/civic-space.js';
import { recommendationKind } from './signals/recommendation.js';
import { violationKind } from './signals/violation.js';

/** The human rights pillar, as a module of the pillar contract. */
export const humanRightsPillar = definePillarModule({
  id: 'human-rights',
  label: { en: 'Human rights', fr: 'Droits humains', ar: 'حقوق الإنسان' },
  description: {
    en: 'Violations and concerns, recommendations of the Universal Periodic Review and the treaty bodies, civic space and the rule of law.',
    fr: "Violations et préoccupations, recommandations de l'Examen périodique universel et des organes conventionnels, espace civique et état de droit.",
  },
  indicators: humanRightsIndicators,
  signalKinds: [violationKind, recommendationKind, civicSpaceKind],
  assessmentSection: humanRightsSection,
  riskModel: humanRightsRiskSubtree,
  deriveObservations: deriveHumanRightsObservations,
});
