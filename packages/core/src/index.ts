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
  countries,
  findCountry,
  m49Regions,
} from './areas/area.js';
export { m49Groups, type M49Group, type M49GroupCode } from './areas/m49-regions.js';
export { Id, newId } from './id.js';
export {
  Month,
  Period,
  Quarter,
  Year,
  addMonths,
  monthFromIndex,
  monthIndex,
  monthOfDate,
  monthRange,
  monthsBetween,
  monthsOf,
  periodKind,
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
