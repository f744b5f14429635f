export {
  AppError,
  AppErrorCode,
  AppErrorIssue,
  isAppError,
  type AppErrorOptions,
} from './app-error.js';
export {
  Area,
  AreaCode,
  Country,
  CountryCode,
  M49Region,
  PCode,
  SubnationalUnit,
  countries,
  countryArea,
  countryOfArea,
  findCountry,
  m49Regions,
  subnationalArea,
} from './areas/area.js';
export { m49Groups, type M49Group, type M49GroupCode } from './areas/m49-regions.js';
export { canonicalJson, jsonEqual } from './canonical-json.js';
export { Id, newId } from './id.js';
export {
  Month,
  Period,
  Quarter,
  Year,
  addMonths,
  addPeriods,
  addQuarters,
  addYears,
  comparePeriods,
  monthBounds,
  monthFromIndex,
  monthIndex,
  monthIndexBounds,
  monthOfDate,
  monthRange,
  monthsBetween,
  monthsOf,
  periodContains,
  periodKind,
  periodRange,
  periodsBetween,
  quarterFromIndex,
  quarterIndex,
  quarterOf,
  yearOf,
  type PeriodKind,
} from './period.js';
export {
  Sensitivity,
  iascSeverity,
  isCleared,
  sensitivityLevels,
  sensitivityRank,
  stricterSensitivity,
} from './sensitivity.js';
export { Organisation, OrganisationKind } from './organisation.js';
export { apiLimits } from './api-limits.js';
export { PillarId } from './pillar.js';
export {
  FieldPath,
  FieldSensitivity,
  isWithheld,
  orWithheld,
  redactFields,
  withheld,
  Withheld,
  type RedactionResult,
} from './redaction.js';
export { IsoDate, Severity, Signal, VerificationStatus } from './signal.js';
export { Language, LocalisedText, languages, localise, rightToLeftLanguages } from './localised.js';
export {
  AgeGroup,
  Count,
  Disaggregation,
  Sex,
  SexAgeCounts,
  ageGroupLabels,
  ageGroups,
  emptySexAgeCounts,
  sexLabels,
  sexes,
  totalOf,
} from './disaggregation.js';
export {
  Indicator,
  IndicatorCode,
  IndicatorUnit,
  IndicatorValidity,
  Normalisation,
  Observation,
  Polarity,
  Reliability,
  SdgIndicatorCode,
  SdgTargetCode,
  carryForwardMonthsOf,
  defaultCarryForwardMonths,
  pillarOfIndicator,
  sdgTargetOf,
} from './indicator.js';
export {
  AggregateNode,
  AggregationOperator,
  IndicatorNode,
  NodeId,
  RiskClasses,
  RiskModel,
  RiskNode,
  indicatorNode,
  nodesOf,
} from './risk-model.js';
export {
  ChoiceOption,
  ChoiceValue,
  FieldKey,
  FieldSpec,
  FormSectionSpec,
  fieldKinds,
  type FieldKind,
} from './form/form-spec.js';
export {
  fieldSchema,
  fieldSensitivityOf,
  sectionSchema,
  type FieldSpecBody,
} from './form/form-schema.js';
export {
  defineFormSection,
  field,
  type FieldDefinition,
  type FormSection,
} from './form/form-builder.js';
export {
  composeAssessmentSections,
  definePillarModule,
  findSignalKind,
  parseSignal,
  sectionKey,
  type ComposedAssessmentSections,
  type DerivationContext,
  type PillarModule,
  type SignalKind,
} from './pillar/pillar-module.js';
export { schemaHasPath } from './pillar/schema-paths.js';
export {
  derivedReliability,
  groupSignalsByArea,
  isCorroborated,
  monthOfSignal,
  reliabilityOfSignals,
  type ParsedSignal,
  type SignalsByKind,
} from './pillar/derivation.js';
export {
  Actor,
  CountryScope,
  Role,
  countryCodeOfArea,
  globalScope,
  hasAnyRole,
  isCountryInScope,
  isGlobalScope,
  mayView,
  passwordRules,
  requiresSecondFactor,
  roles,
  UserAccount,
  type ScopeLike,
} from './access.js';
