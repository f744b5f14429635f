import { definePillarModule } from '@prevention/core';
import { developmentSection } from './assessment-section.js';
import { deriveDevelopmentObservations } from './derive.js';
import { developmentIndicators } from './indicators.js';
import { developmentRiskSubtree } from './risk-subtree.js';
import { displacementKind } from './signals/displacement.js';
import { foodInsecurityKind } from './signals/food-insecurity.js';
import { hazardEventKind } from './signals/hazard-event.js';

/** The sustainable development pillar, as a module of the pillar contract. */
export const developmentPillar = definePillarModule({
  id: 'development',
  label: { en: 'Sustainable development', fr: 'Développement durable', ar: 'التنمية المستدامة' },
  description: {
    en: 'The SDGs, socio-economic vulnerability, food insecurity, climate and natural hazards, displacement and migration.',
    fr: 'Les ODD, la vulnérabilité socio-économique, l’insécurité alimentaire, le climat et les aléas naturels, les déplacements et les migrations.',
  },
  indicators: developmentIndicators,
  signalKinds: [hazardEventKind, foodInsecurityKind, displacementKind],
  assessmentSection: developmentSection,
  riskModel: developmentRiskSubtree,
  deriveObservations: deriveDevelopmentObservations,
});
