export type * from './database.js';
export { DataDirInUseError } from './data-dir-lock.js';
export {
  embeddedDatabaseDir,
  hasEmbeddedDatabase,
  latestAppliedMigration,
  restoreEmbeddedDatabase,
  snapshotEmbeddedDatabase,
  type EmbeddedSnapshot,
  type RestoreResult,
} from './embedded-backup.js';
export { DEMO_SEED, generateDemoData, type DemoData } from './demo/generate-demo-data.js';
export type { DemoAssessment, DemoAssessmentStep } from './demo/generate-demo-assessments.js';
export { loadDemoData, type LoadDemoDataResult } from './demo/load-demo-data.js';
export { demoPlansAsOf, type DemoPeople, type DemoPerson } from './demo/demo-plan-story.js';
export { generateDemoPlans, type DemoPlans } from './demo/generate-demo-plans.js';
export type { DemoPlan } from './demo/demo-plans.js';
export type { DemoDecision } from './demo/demo-decisions.js';
export type { DemoSignal } from './demo/demo-mediation.js';
export { loadDemoPlans, type LoadDemoPlansResult } from './demo/load-demo-plans.js';
export { migrateToLatest, MigrationError, migrations, type MigrateOptions } from './migrate.js';
export { openDatabase, type DatabaseConfig, type DatabaseHandle } from './open-database.js';
export { EmbeddedDatabaseError } from './embedded/worker-protocol.js';
export { syncReferenceData } from './reference-data.js';
export {
  findAreaByCode,
  findAreaCodes,
  findAreas,
  upsertAreas,
  type AreaFilter,
} from './repositories/areas.js';
export { findOrganisations, insertOrganisations } from './repositories/organisations.js';
export {
  AuditChange,
  AuditEntry,
  AuditOutcome,
  KeyedHash,
  auditGenesisHash,
  hashAuditEntry,
  type NewAuditEntry,
} from './audit/audit-entry.js';
export { canonicalJson } from '@prevention/core';
export {
  appendAuditEntries,
  findAuditEntries,
  recordAuditEntries,
  verifyAuditChain,
  type AuditChainReport,
  type AuditHead,
  type AuditFilter,
  type AuditPage,
} from './repositories/audit-log.js';
export {
  deleteStaleSessions,
  endSession,
  endUserSessions,
  findLiveSession,
  insertSession,
  setSessionPendingTotpSecret,
  touchSession,
  type NewSession,
  type Session,
} from './repositories/sessions.js';
export {
  deleteSignInAttemptsBefore,
  recordSignInAttempt,
  settleSignInAttempt,
  type SignInOutcome,
} from './repositories/sign-in-attempts.js';
export {
  findSignalsForDerivation,
  findSignalById,
  findSignals,
  insertSignal,
  SignalRecord,
  type RecordReader,
  type SignalFilter,
} from './repositories/signals.js';
export {
  claimTotpStep,
  countDemoUsers,
  countUsers,
  findUserByEmail,
  findUserById,
  findUserCredentialsByEmail,
  findUserCredentialsById,
  findUsers,
  insertUser,
  setUserPassword,
  setUserTotpSecret,
  updateUser,
  type NewUser,
  type UserChanges,
  type UserCredentials,
  type UserListFilter,
} from './repositories/users.js';
export {
  findAssessmentById,
  findAssessments,
  insertAssessment,
  saveAssessmentRevision,
  type AssessmentRevisionWrite,
  lockAssessment,
  updateAssessment,
  type AssessmentHeader,
  type AssessmentPage,
  type AssessmentReader,
  type AssessmentRecord,
  type AssessmentState,
  type StoredAssessment,
} from './repositories/assessments.js';
export {
  findLatestRevisionByAction,
  findRevision,
  findRevisions,
  insertRevision,
  type NewRevision,
  type RevisionHeader,
  type RevisionRecord,
} from './repositories/assessment-revisions.js';
export {
  closeConflict,
  findOpenConflicts,
  insertConflict,
  lockConflict,
  type ConflictClosure,
  type ConflictRecord,
  type NewConflict,
} from './repositories/assessment-conflicts.js';
export {
  claimSyncReceipt,
  type SyncClaim,
  findSyncReceipt,
  setSyncReceiptAnswer,
  type SyncReceipt,
} from './repositories/assessment-sync-receipts.js';
export { hasSeedRun, recordSeedRun } from './repositories/seed-runs.js';
export {
  analyzeImportedTable,
  appendImportRowErrors,
  commitImportBatch,
  endImportBatch,
  failInterruptedBatches,
  findCommittedBatchByHash,
  findHxlMapping,
  findImportBatch,
  findImportBatches,
  findImportRowErrors,
  findUnpurgedBatches,
  ImportLaterBatchError,
  ImportStateError,
  insertImportBatch,
  purgeImportBatchRows,
  recordImportProgress,
  requestImportCancel,
  rollBackImportBatch,
  saveHxlMapping,
  stageObservations,
  stageSignals,
  startImportBatch,
  visibleRows,
  type ImportBatchRecord,
  type ImportProgress,
  type ImportRowError,
  type NewImportBatch,
  type StagedObservation,
  type StagedOutcome,
  type StagedSignal,
  type StageResult,
} from './repositories/imports.js';
export {
  findCountryBoundaries,
  stageBoundaries,
  type AreaBoundaryRecord,
  type StagedBoundary,
} from './repositories/area-boundaries.js';
export {
  findPopulations,
  findDerivingPillars,
  findTouchedAreaMonths,
  replaceDerivedObservations,
  type DerivedObservation,
  findVisibleObservations,
  findObservationsInPeriods,
  type IndicatorPeriods,
  type ObservationFilter,
  type ObservationOrigin,
  type ObservationRecord,
  type ObservationWithOrigin,
} from './repositories/observations.js';
export {
  jobQueues,
  startJobQueue,
  type JobQueue,
  type JobQueueName,
  type JobQueueOptions,
} from './jobs/job-queue.js';
export {
  basisOf,
  endRiskRun,
  ensureShippedRiskModels,
  failInterruptedRiskRuns,
  findLatestProfileMonth,
  findProfileInputs,
  findProfiledAreas,
  findProfilesBefore,
  findRiskModelVersion,
  findRiskModelVersions,
  findRiskRun,
  findRiskRuns,
  findVisibleRiskProfiles,
  insertRiskModelVersion,
  insertRiskRun,
  recordRiskRunProgress,
  replaceRiskProfiles,
  RiskModelVersionChangedError,
  startRiskRun,
  type ProfileInput,
  type RiskModelVersionRecord,
  type RiskRunRecord,
  type StoredRiskProfile,
  type VisibleRiskProfile,
} from './repositories/risk-profiles.js';
export {
  findPlanById,
  findPlanRevisionContents,
  findPlanRevisions,
  findPlans,
  findPlansWithFocalPoint,
  findProgressReports,
  insertProgressReport,
  lockCountryPlans,
  lockPlan,
  writePlanRevision,
  type CountryPlanCycle,
  type PlanFilter,
  type PlanHeader,
  type PlanReader,
  type PlanRecord,
  type PlanRevisionSummary,
  type PlanWrite,
} from './repositories/plans.js';
export {
  findDecisionById,
  findDecisions,
  insertDecision,
  lockDecision,
  updateDecision,
  type DecisionFilter,
  type DecisionRecord,
} from './repositories/decisions.js';
export {
  AlertEvent,
  AlertEventAction,
  AlertEventRecord,
  type NewAlertEvent,
} from './alerts/alert-event.js';
export {
  findAlertRule,
  listAlertRules,
  listAlertRuleVersions,
  saveAlertRule,
} from './repositories/alert-rules.js';
export {
  alertKey,
  alertResponseTimes,
  appendAlertEvent,
  appendAlertEvents,
  countOpenAlertsByCountry,
  findAlert,
  findLatestAlert,
  insertAlert,
  insertAlerts,
  listAlertEvents,
  listAlerts,
  lockAlert,
  lockLatestAlerts,
  updateAlert,
  updateAlertFirings,
  type AlertFilter,
  type AlertPatch,
  type AlertResponseTimes,
} from './repositories/alerts.js';
export { loadAreaHistories, type AreaHistoryRequest } from './repositories/alert-histories.js';
