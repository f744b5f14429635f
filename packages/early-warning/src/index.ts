export {
  AlertLevel,
  AlertRule,
  AlertRuleDraft,
  ClassShiftRule,
  CountSeries,
  FieldJudgementRule,
  HumanRightsSignalRule,
  ModelNodeId,
  RiseRule,
  RiskClassId,
  RuleCondition,
  RuleId,
  SpikeRule,
  SpikeTest,
  alertLevelRank,
  alertLevels,
  ruleKinds,
  type RuleKind,
} from './rule.js';
export { CountPoint, JudgementFact, ScorePoint, SignalFact, type AreaHistory } from './history.js';
export {
  Alert,
  AlertOutcome,
  AlertResponseLinks,
  AlertStatus,
  AlertStep,
  Evidence,
  Firing,
  alertStatuses,
} from './alert.js';
export { evaluateArea, evaluateRule, firingLevel, rulesForCountry } from './evaluate.js';
export { classEdge } from './class-shift.js';
export { reconcileFiring, type AlertFacts, type Reconciliation } from './reconcile-firing.js';
export {
  AlertAction,
  alertResponderRoles,
  availableAlertActions,
  decideAlertTransition,
  mayReadAlert,
  ruleEditorRoles,
  type AlertState,
  type AlertVerdict,
} from './alert-lifecycle.js';
export { isOverdue, isSnoozed } from './alert-timing.js';
export { alertFromFiring, applyFiring } from './alert-from-firing.js';
export {
  BacktestHorizon,
  BacktestOptions,
  BacktestReport,
  BacktestRow,
  OnsetDefinition,
  backtest,
  defaultBacktestHorizon,
} from './backtest.js';
export { formatBacktest } from './format-backtest.js';
export { defaultRules } from './default-rules.js';
export { Digest, DigestItem, DigestLevel, dailyDigest } from './daily-digest.js';
export { inputsOfRules, type RuleInputs } from './rule-inputs.js';
