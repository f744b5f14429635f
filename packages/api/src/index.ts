export { decide, type AccessPolicy, type PolicyDecision, type ScopeRule } from './access/policy.js';
export {
  hashPassword,
  NewPassword,
  owaspArgon2id,
  verifyPassword,
  type PasswordHashing,
} from './auth/passwords.js';
export { deriveServerKeys, type ServerKeys } from './auth/server-keys.js';
export {
  defaultSessionCacheEntries,
  SessionCache,
  sessionTrustMs,
  type LiveSession,
} from './auth/session-cache.js';
export { isWellFormedSessionToken } from './auth/session-token.js';
export {
  createContextInner,
  type AlertEvaluationRequest,
  type AlertServices,
  type ApiDependencies,
  type ImportServices,
  type RiskServices,
  type Context,
  type RequestInfo,
  type SecuritySettings,
  type SessionCookieJar,
  type SessionResolver,
  type SessionState,
  type SignInThrottle,
} from './context.js';
export { toClientError, type ClientError } from './error-formatter.js';
export { httpRoutePolicies, policies, policyFor } from './policies.js';
export {
  appRouter,
  createCaller,
  type AppRouter,
  type RouterInputs,
  type RouterOutputs,
} from './root.js';
export {
  loadDemoAssessments,
  type LoadDemoAssessmentsResult,
} from './services/demo-assessments.js';
export {
  demoPassword,
  demoTotpSecret,
  demoUsers,
  ensureDemoUsers,
  findDemoPeople,
} from './services/demo-users.js';
export { actorFor, readSessionState } from './services/sessions.js';
export { createUser, type NewUserInput } from './services/users.js';
export { MAX_BATCH_SIZE } from './trpc.js';
export { sharedAnswerJson, validatedOnce, type ValidatedOnce } from './shared-answers.js';
export {
  cancelImport,
  getImport,
  listImportErrors,
  listImports,
  queueImport,
  rollBackImport,
  startImport,
  type ImportFile,
  type StartImportRequest,
  type QueuedImport,
} from './services/imports/imports.js';
export {
  runImport,
  stagingDepthFor,
  type ImportContext,
  type RunImportOptions,
} from './services/imports/run-import.js';
export {
  exportFormatsOf,
  exportRecords,
  type ExportFormat,
  type ExportKind,
  type ExportRequest,
} from './services/exports.js';
export {
  exportPlan,
  planExportFormats,
  type PlanExport,
  type PlanExportFormat,
  type PlanExportRequest,
  type PlanSelection,
} from './services/plans/plan-export.js';
export { StoredUpload, UploadStore } from './services/imports/upload-store.js';
export { importsRouter, ZImportBatch, ZImportsStartRequest } from './routers/imports.js';
export { startImportJobs, type ImportJobOptions } from './services/imports/import-jobs.js';
export { deriveForBatch, deriveTouched, type AreaMonth } from './services/derivation.js';
export {
  riskRouter,
  ZProfileSummary,
  ZRiskModelVersion,
  ZRiskObservationsRequest,
  ZRiskObservationsResponse,
} from './routers/risk.js';
export {
  prepareProfilers,
  profileRange,
  queueRiskRun,
  recomputeArea,
  runRiskRun,
  shippedRiskModels,
  type RiskContext,
  type TouchedArea,
} from './services/risk/recompute.js';
export { startRiskJobs, type RiskJobs } from './services/risk/risk-jobs.js';
export {
  alertEvaluationQueue,
  evaluationAfterRun,
  startAlertJobs,
  type AlertJobOptions,
} from './services/alerts/alert-jobs.js';
export {
  evaluateAlerts,
  evaluationModelVersion,
  evaluationWindowMonths,
  historyMonths,
  monthsToEvaluate,
  type EvaluatedAlert,
  type EvaluationContext,
  type EvaluationRequest,
} from './services/alerts/alert-evaluation.js';
export {
  backtestRange,
  backtestRules,
  ensureDefaultAlertRules,
  historiesFor,
  maxBacktestMonths,
} from './services/alerts/alert-rules.js';
export { alertsRouter, ZAlertDetail, ZAlertView } from './routers/alerts.js';
export { alertRulesRouter } from './routers/alert-rules.js';
