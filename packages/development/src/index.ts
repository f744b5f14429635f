export { developmentPillar } from './pillar.js';
export { sdgGoals, type SdgGoal } from './sdg/goals.js';
export {
  findSdgGoal,
  findSdgIndicator,
  findSdgTarget,
  indicatorsOfTarget,
  sdgIndicators,
  sdgTargets,
  targetsOfGoal,
  type SdgIndicator,
  type SdgTarget,
} from './sdg/framework.js';
export {
  GlideNumber,
  HazardEvent,
  HazardType,
  hazardEventKind,
  hazardTypes,
} from './signals/hazard-event.js';
export {
  FoodInsecurityAnalysis,
  IpcPhase,
  foodInsecurityKind,
  ipcPhases,
  shareInPhase3OrWorse,
} from './signals/food-insecurity.js';
export {
  DisplacedGroup,
  DisplacementReport,
  displacedGroups,
  displacementKind,
} from './signals/displacement.js';
export { developmentIndicator, developmentIndicators } from './indicators.js';
export { deriveDevelopmentObservations } from './derive.js';
export { developmentSection } from './assessment-section.js';
export { developmentRiskSubtree } from './risk-subtree.js';
