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
  decidePlanTransition,
  editablePlanStatuses,
  mayReadPlan,
  planEditorRoles,
  planLifecycleSteps,
  publishedPlanStatuses,
  type PlanState,
  type PlanVerdict,
} from './plan-lifecycle.js';
export {
  Apportionment,
  MoneyTotals,
  PlanFinancing,
  apportionFlow,
  apportionRequirement,
  computePlanFinancing,
  countedIn,
  pillarsOfPlan,
  requiredUsdOf,
  usdOfFlow,
} from './financing.js';
