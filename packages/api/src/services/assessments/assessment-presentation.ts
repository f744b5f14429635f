import {
  availableActions,
  decideEdit,
  holdsStrictlyConfidential,
  redactContent,
  type AssessmentContent,
  type AssessmentDetail,
  type AssessmentSummary,
  type ConflictView,
  type RevisionSummary,
} from '@prevention/assessment';
import { mayView, type Actor, type PillarId } from '@prevention/core';
import {
  recordAuditEntries,
  type AssessmentHeader,
  type AssessmentRecord,
  type ConflictRecord,
  type RevisionHeader,
} from '@prevention/db';
import type { Context } from '../../context.js';
import { auditEntry } from '../audit-trail.js';
import { isAuthorFor } from './assessment-access.js';
import { assessmentForm } from './assessment-form.js';

/** Sections raised in the current content: older versions are redacted at least as strictly. */
export type SectionFloor = AssessmentContent['sectionSensitivity'];

export function presentSummary(header: AssessmentHeader): AssessmentSummary {
  return {
    id: header.id,
    areaCode: header.areaCode,
    countryCode: header.countryCode,
    period: header.period,
    title: header.title,
    status: header.status,
    revision: header.revision,
    sensitivity: header.sensitivity,
    pillars: header.pillars as PillarId[],
    organisations: header.organisations,
    riskCount: header.riskCount,
    highestRisk: header.highestRisk,
    openConflicts: header.openConflicts,
    updatedAt: header.updatedAt.toISOString(),
    updatedBy: header.updatedBy,
  };
}

/** Content as this actor may receive it. */
export function redactFor(actor: Actor, content: AssessmentContent, floor: SectionFloor = {}) {
  return redactContent(assessmentForm, content, actor.clearance, floor).value;
}

export function presentDetail(
  actor: Actor,
  record: AssessmentRecord,
  extras: { conflicts: readonly ConflictRecord[]; review: RevisionHeader | undefined },
): AssessmentDetail {
  const state = {
    countryCode: record.countryCode,
    status: record.status,
    submittedBy: record.submittedBy,
  };
  const sectionSensitivity = Object.fromEntries(
    assessmentForm.metadata.sections.map(({ key }) => [
      key,
      assessmentForm.sectionSensitivity(record.content, key),
    ]),
  );
  const review = extras.review;
  return {
    ...presentSummary(record),
    content: redactFor(actor, record.content),
    sectionSensitivity,
    review:
      review && (review.action === 'return' || review.action === 'endorse')
        ? {
            action: review.action,
            revision: review.revision,
            by: review.author,
            comments: review.comments ?? {},
          }
        : null,
    conflicts: presentConflicts(actor, record, extras.conflicts),
    availableActions: availableActions(actor, state),
    editable: decideEdit(actor, state).allowed,
  };
}

/**
 * The versions kept in conflicts, for those who write the assessment's content (they resolve
 * them); others see only how many there are. A version whose record level is above the reader's
 * clearance is left out, and each is redacted at least as strictly as the assessment is now.
 */
export function presentConflicts(
  actor: Actor,
  record: Pick<AssessmentRecord, 'countryCode' | 'content'>,
  conflicts: readonly ConflictRecord[],
): ConflictView[] {
  if (!isAuthorFor(actor, record.countryCode)) return [];
  return conflicts
    .filter((conflict) => mayView(actor, conflict.sensitivity))
    .map((conflict) => ({
      id: conflict.id,
      clientId: conflict.clientId,
      baseRevision: conflict.baseRevision,
      serverRevision: conflict.serverRevision,
      reason: conflict.reason,
      content: redactFor(actor, conflict.content, record.content.sectionSensitivity),
      author: conflict.author,
      createdAt: conflict.createdAt.toISOString(),
    }));
}

export function presentRevisionSummary(revision: RevisionHeader): RevisionSummary {
  return {
    revision: revision.revision,
    action: revision.action,
    status: revision.status,
    author: revision.author,
    savedAt: revision.savedAt.toISOString(),
    changedSections: revision.changedSections,
  };
}

/**
 * Every read that hands strictly confidential content to someone cleared for it leaves an entry
 * in the audit log (below that clearance, redaction has already withheld it). `ref` names what
 * was read: a revision number, or `conflict:<id>`.
 */
export async function auditDisclosure(
  ctx: Context,
  actor: Actor,
  assessmentId: string,
  disclosed: readonly { content: AssessmentContent; floor?: SectionFloor; ref: string | number }[],
): Promise<void> {
  if (!mayView(actor, 'strictly-confidential')) return;
  const refs = disclosed
    .filter(({ content, floor }) => holdsStrictlyConfidential(assessmentForm, content, floor))
    .map(({ ref }) => ref);
  if (refs.length === 0) return;
  await recordAuditEntries(ctx.db, [
    auditEntry(ctx, actor, {
      action: 'assessment.read',
      resourceType: 'assessment',
      resourceId: assessmentId,
      changes: [{ field: 'disclosed', before: null, after: refs }],
    }),
  ]);
}
