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
  UsdRate,
  apportion,
  apportionEqually,
  centsOf,
  formatUsd,
  usdCentsOf,
  type UsdCents,
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
  type RiskCoverageOptions,
} from './risk-coverage.js';
export {
  fragmentation,
  fundingConcentration,
  herfindahlIndex,
  unfundedOutcomes,
  type FragmentationOptions,
  type FunderShare,
  type OutcomeConcentration,
  type OutcomeFragmentation,
  type UnfundedOutcome,
} from './outcome-funding.js';
export {
  continuumMatrix,
  emptyCells,
  type ContinuumCell,
  type ContinuumMatrix,
} from './continuum-matrix.js';
export {
  GENDER_FUNDING_COMMITMENT,
  genderEqualityShare,
  genderMarkedFrom,
  womenInMediationOverTime,
  type GenderEqualityShare,
  type WomenInMediationYear,
} from './women-peace-security.js';
export { analysePlanGaps, type GapAnalysis, type GapAnalysisOptions } from './gap-analysis.js';
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
  viewDecision,
  type DecisionView,
} from './decision-log.js';
export {
  dueFrom,
  indicatorProgress,
  lateActions,
  organisationsInPlan,
  type DueFromUser,
  type IndicatorProgress,
  type LateAction,
  type Lateness,
  type LatenessOptions,
  type OrganisationRoleInPlan,
  type TargetProgress,
} from './accountability.js';
export { daysBetween } from './calendar-days.js';
export { diffPlans } from './plan-diff.js';
export {
  planCsvColumns,
  planCsvLines,
  type PlanCsvColumn,
  type PlanCsvOptions,
} from './plan-csv.js';
