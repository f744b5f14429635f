export { peaceSecurityPillar } from './pillar.js';
export {
  ActorType,
  DisorderType,
  EventType,
  GeoPrecision,
  InterCode,
  SubEventType,
  TimePrecision,
  acledDisorderType,
  actorTypeOfInterCode,
  actorTypes,
  disorderTypes,
  disorderTypesOf,
  eventTypeLabels,
  eventTypeOf,
  eventTypes,
  interCodeOf,
  interactionCode,
  subEventTypeDefinitions,
  subEventTypes,
} from './acled/codebook.js';
export {
  Actor,
  ConflictEvent,
  EventLocation,
  conflictEventKind,
} from './signals/conflict-event.js';
export {
  TensionDriver,
  TensionSignal,
  TensionType,
  tensionDrivers,
  tensionSignalKind,
  tensionTypes,
} from './signals/tension.js';
export {
  GenderComposition,
  MediationEngagement,
  MediationStage,
  mediationEngagementKind,
  mediationStages,
  pooledShareOfWomen,
  shareOfWomen,
} from './signals/mediation.js';
export { peaceSecurityIndicator, peaceSecurityIndicators } from './indicators.js';
export { derivePeaceSecurityObservations } from './derive.js';
export { peaceSecuritySection } from './assessment-section.js';
export { peaceSecurityRiskSubtree } from './risk-subtree.js';
export { AcledRecord, conflictEventFromAcled, type SignalDraft } from './acled/acled-record.js';
