export {
  ActivityStatus,
  FlowStatus,
  Marker,
  OrganisationRole,
  RagRating,
  Stage,
  activeActivityStatuses,
  activityStatuses,
  endedActivityStatuses,
  markerLevels,
  organisationRoles,
  stageOrder,
  stages,
} from './codes.js';
export {
  Amount,
  CurrencyCode,
  MAX_FLOW_USD_CENTS,
  Share,
  UsdCents,
  UsdRate,
  apportion,
  apportionEqually,
  centsOf,
  formatUsd,
  usdCentsOf,
} from './money.js';
export {
  CollectiveOutcome,
  DatedReading,
  IndicatorBaseline,
  IndicatorMeasure,
  MAX_SDG_TARGETS,
  OutcomeIndicator,
} from './outcome.js';
export { ActionPartner, PlanAction, RequiredBudget } from './action.js';
export { FlowTarget, FundingFlow } from './funding-flow.js';
export { Plan, PlanContent, PlanCycle, PlanStatus } from './plan.js';
export { indexPlan, type PlanIndex } from './plan-index.js';
export {
  PlanLifecycleAction,
  availablePlanActions,
  decidePlanEdit,
  decidePlanSave,
  decidePlanTransition,
  editablePlanStatuses,
  mayReadPlan,
  planEditorRoles,
  planLifecycleSteps,
  publishedPlanStatuses,
  type PlanState,
  type PlanVerdict,
} from './plan-lifecycle.js';
export { Measure, MoneyTotals, countedIn, noMoney } from './money-totals.js';
export {
  Apportionment,
  PlanFinancing,
  apportionFlow,
  apportionRequirement,
  computePlanFinancing,
  pillarsOfPlan,
  requiredUsdOf,
  usdOfFlow,
} from './financing.js';
export {
  ProfileRiskDriver,
  addressedRiskNodes,
  isDriverOfConcern,
  unaddressedRiskDrivers,
  UnaddressedRisks,
  type RiskCoverageOptions,
} from './risk-coverage.js';
export {
  fragmentation,
  fundingConcentration,
  FunderShare,
  OutcomeConcentration,
  OutcomeFragmentation,
  UnfundedOutcome,
  herfindahlIndex,
  unfundedOutcomes,
  type FragmentationOptions,
} from './outcome-funding.js';
export { ContinuumCell, ContinuumMatrix, continuumMatrix, emptyCells } from './continuum-matrix.js';
export {
  GENDER_FUNDING_COMMITMENT,
  GenderEqualityShare,
  WomenInMediationYear,
  genderEqualityShare,
  genderMarkedFrom,
  mediationSignalKind,
  womenInMediationOverTime,
} from './women-peace-security.js';
export { riskDriversOfProfile } from './profile-drivers.js';
export { GapAnalysis, analysePlanGaps, type GapAnalysisOptions } from './gap-analysis.js';
export { ProgressReport } from './progress-report.js';
export {
  DecisionBody,
  DecisionKind,
  DecisionStatus,
  FollowUp,
  LoggedDecision,
  Meeting,
  decisionStatus,
  isOverdue,
  DecisionView,
  viewDecision,
} from './decision-log.js';
export { Lateness, LateAction, lateActions, type LatenessOptions } from './lateness.js';
export { OrganisationInPlan, organisationsInPlan } from './organisations-in-plan.js';
export { IndicatorProgress, TargetProgress, indicatorProgress } from './indicator-progress.js';
export { DueFromUser, dueFrom } from './due-from-me.js';
export { daysBetween } from './calendar-days.js';
export { diffPlans } from './plan-diff.js';
export {
  planCsvColumns,
  planCsvLines,
  type PlanCsvColumn,
  type PlanCsvOptions,
} from './plan-csv.js';
export {
  IatiOrganisationRef,
  IatiReportingOrg,
  iatiActivitiesXml,
  type IatiActivitiesInput,
} from './iati-activities.js';
export {
  IatiOrganisationType,
  dacSignificanceOfMarker,
  iatiActivityStatusOfPlan,
  iatiOrganisationTypeOf,
  iatiOrganisationTypes,
  iatiTransactionTypes,
  iatiTransactionTypesOf,
  type IatiTransactionType,
} from './iati-codes.js';
