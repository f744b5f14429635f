export { humanRightsPillar } from './pillar.js';
export {
  Act,
  CivicSpaceRating,
  PerpetratorCategory,
  Right,
  TreatyBody,
  VictimGroup,
  acts,
  civicSpaceRatings,
  civicSpaceScore,
  perpetratorCategories,
  rights,
  treatyBodies,
  victimGroups,
} from './vocabulary.js';
export { Violation, violationKind } from './signals/violation.js';
export {
  ImplementationStatus,
  Recommendation,
  implementationStatuses,
  recommendationKind,
} from './signals/recommendation.js';
export {
  CivicSpaceEvent,
  CivicSpaceEventType,
  civicSpaceEventTypes,
  civicSpaceKind,
} from './signals/civic-space.js';
export { humanRightsIndicator, humanRightsIndicators } from './indicators.js';
export { deriveHumanRightsObservations } from './derive.js';
export { humanRightsSection } from './assessment-section.js';
export { humanRightsRiskSubtree } from './risk-subtree.js';
