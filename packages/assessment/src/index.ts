export {
  AssessmentContent,
  AssessmentFormMetadata,
  SectionDescriptor,
  SectionKey,
  assessmentFormFromMetadata,
  composeAssessmentForm,
  type AssessmentForm,
} from './assessment-form.js';
export { canonicalJson, jsonEqual } from '@prevention/core';
export { summariseContent, type ContentSummary } from './content-summary.js';
export { holdsStrictlyConfidential, redactContent, restoreWithheld } from './content-redaction.js';
export {
  confidenceLevels,
  crossCuttingSections,
  stages,
  toOptionValue,
  trends,
} from './cross-cutting-sections.js';
export { changedSections, diffContents } from './diff.js';
export {
  AssessmentStatus,
  LifecycleAction,
  RevisionAction,
  availableActions,
  decideEdit,
  decideTransition,
  editableStatuses,
  editorRoles,
  lifecycleSteps,
  type AssessmentState,
  type Decision,
} from './lifecycle.js';
export { mergeBySection, type MergeChoice } from './merge.js';
export {
  MAX_SYNC_ITEMS,
  ReviewComments,
  ServerVersion,
  SyncAnswer,
  SyncItem,
  SyncRequest,
  SyncResponse,
} from './sync-protocol.js';
export {
  AssessmentDetail,
  AssessmentFilter,
  AssessmentListRequest,
  AssessmentListResponse,
  AssessmentSummary,
  ConflictView,
  DiffEntry,
  Person,
  RevisionSummary,
} from './views.js';
export { exampleContent, type ExampleOptions } from './example-content.js';
