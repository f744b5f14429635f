export {
  CompiledRiskModel,
  compileModel,
  type Contribution,
  type ModelEvaluation,
  type ModelInputs,
  type NodeScore,
} from './engine.js';
export { acceptedRange, normalise } from './normalise.js';
export { aggregate, contributionsTo } from './operators.js';
export { classify, informRiskClasses } from './classify.js';
export { computeTrend, type Trend } from './trend.js';
export { composeRiskModel, type ComposeOptions } from './compose.js';
export { platformPillars, preventionRiskModel } from './models/prevention-model.js';
export { informMid2018Columns, informRiskModel } from './models/inform-model.js';
export {
  AggregationOperator,
  RiskClasses,
  RiskModel,
  RiskNode,
  composeAssessmentSections,
  type AggregateNode,
  type IndicatorNode,
} from '@prevention/core';
export { formatCsv, parseCsv } from './csv.js';
export {
  evaluateTable,
  inputTemplate,
  type TableError,
  type TableOptions,
  type TableResult,
} from './evaluate-table.js';

// Trend changes for callers that scan many windows (risk profiles).
export { trendChange, trendDirection } from './trend.js';

// Risk profiles: scores, reliability, trends, drivers and uncertainty bands per area and month.
export {
  RiskProfiler,
  RiskProfilerSettings,
  computeRiskProfiles,
  createRiskProfiler,
  trendMonths,
  type AreaObservations,
  type MonthRange,
  type RiskProfilerOptions,
} from './profile/risk-profiler.js';
export { RiskProfileSeries } from './profile/risk-profile-series.js';
export {
  NodeProfile,
  ProfileBand,
  ProfileDriver,
  ProfileTrend,
  RiskProfile,
  TrendDirection,
  profilePrecision,
  roundForProfile,
} from './profile/risk-profile.js';
export { ProfileObservation, isTotal } from './profile/leaf-timeline.js';
export {
  isPackedRiskProfile,
  packRiskProfile,
  unpackRiskProfile,
  type PackedNode,
  type PackedRiskProfile,
} from './profile/packed-profile.js';
export {
  carriedReliabilityFloor,
  observationReliability,
  reliabilityFactors,
} from './profile/observation-reliability.js';
export { bandPercentiles, weightFactorRange } from './profile/uncertainty-band.js';
export {
  leavesUnder,
  observationUses,
  periodsInWindow,
  type LeafWindow,
  type ObservationUse,
} from './profile/observations-behind.js';
export { classDistance, judgementClass } from './field-judgement.js';
export { seededRandom } from './profile/seeded-random.js';
