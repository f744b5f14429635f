import {
  changedSections,
  summariseContent,
  type AssessmentContent,
  type AssessmentStatus,
  type ReviewComments,
  type RevisionAction,
} from '@prevention/assessment';
import { newId, type Actor } from '@prevention/core';
import {
  appendAuditEntries,
  insertConflict,
  saveAssessmentRevision,
  type AuditChange,
  type AuditHead,
  type DatabaseClient,
  type NewConflict,
  type StoredAssessment,
} from '@prevention/db';
import type { Context } from '../../context.js';
import { auditEntry, loggableValue } from '../audit-trail.js';
import { assessmentForm } from './assessment-form.js';

/** A new state of an assessment, and the revision that records how it got there. */
export interface StateChange {
  id: string;
  /** The locked current state; null creates the assessment. */
  before: StoredAssessment | null;
  areaCode: string;
  countryCode: string;
  period: string;
  content: AssessmentContent;
  status: AssessmentStatus;
  submittedBy: string | null;
  action: RevisionAction;
  comments: ReviewComments | null;
  clientId: string | null;
  /** The kept conflict this revision resolves, if it resolves one. */
  resolves?: string;
}

export interface WrittenRevision {
  revision: number;
  savedAt: Date;
}

/** What a sync item's write adds: its receipt's answer, and the audit head its claim read. */
export interface SyncedWrite {
  /** The client id of the item, whose receipt this transaction claimed. */
  clientId: string;
  /** The answer the item's receipt stores once the revision is written, in the same statement. */
  answer: (written: WrittenRevision) => Record<string, unknown>;
  /** The audit head as the item's transaction last read it (see `appendAuditEntries`). */
  expectedAuditHead: AuditHead;
}

/**
 * Writes a new revision — the assessment row and the revision row in one statement, then the
 * audit entry — in the caller's transaction. Returns null when creating an assessment whose id
 * a concurrent create has just taken: then nothing was written and the caller treats its write
 * as a conflict.
 */
export async function writeRevision(
  trx: DatabaseClient,
  ctx: Context,
  actor: Actor,
  change: StateChange,
  synced?: SyncedWrite,
): Promise<WrittenRevision | null> {
  const revision = (change.before?.revision ?? 0) + 1;
  const savedAt = ctx.now();
  const sections = changedSections(assessmentForm, change.before?.content ?? null, change.content);
  const summary = summariseContent(assessmentForm, change.content);
  const state = {
    areaCode: change.areaCode,
    countryCode: change.countryCode,
    period: change.period,
    status: change.status,
    revision,
    content: change.content,
    summary: {
      pillars: summary.pillars,
      organisations: summary.organisations,
      riskCount: summary.riskCount,
      highestRisk: summary.highestRisk,
    },
    submittedBy: change.submittedBy,
    by: actor.userId,
    at: savedAt,
  };
  const written = { revision, savedAt };
  const saved = await saveAssessmentRevision(trx, {
    id: change.id,
    create: change.before === null,
    state,
    revision: {
      assessmentId: change.id,
      revision,
      action: change.action,
      status: change.status,
      content: change.content,
      comments: change.comments,
      changedSections: sections,
      clientId: change.clientId,
      authorId: actor.userId,
      savedAt,
    },
    ...(synced
      ? { receiptAnswer: { clientId: synced.clientId, answer: synced.answer(written) } }
      : {}),
  });
  if (!saved) return null;
  await appendAuditEntries(
    trx,
    [
      auditEntry(ctx, actor, {
        action: `assessment.${change.action}`,
        resourceType: 'assessment',
        resourceId: change.id,
        changes: revisionChanges(ctx, change, revision, sections),
      }),
    ],
    synced ? { expectedHead: synced.expectedAuditHead } : {},
  );
  return written;
}

/** Keeps a version that could not be applied, and audits it; returns the conflict's id. */
export async function keepConflict(
  trx: DatabaseClient,
  ctx: Context,
  actor: Actor,
  conflict: Omit<NewConflict, 'id' | 'authorId' | 'createdAt'>,
  options: { supersedes?: string; expectedAuditHead?: AuditHead } = {},
): Promise<string> {
  const { supersedes, expectedAuditHead } = options;
  const id = newId();
  await insertConflict(trx, { ...conflict, id, authorId: actor.userId, createdAt: ctx.now() });
  await appendAuditEntries(
    trx,
    [
      auditEntry(ctx, actor, {
        action: 'assessment.conflict-kept',
        resourceType: 'assessment',
        resourceId: conflict.assessmentId,
        changes: [
          { field: 'conflictId', before: null, after: id },
          { field: 'reason', before: null, after: conflict.reason },
          { field: 'baseRevision', before: null, after: conflict.baseRevision },
          { field: 'serverRevision', before: null, after: conflict.serverRevision },
          { field: 'content', before: null, after: contentHash(ctx, conflict.content) },
          ...(supersedes ? [{ field: 'supersedes', before: null, after: supersedes }] : []),
        ],
      }),
    ],
    expectedAuditHead ? { expectedHead: expectedAuditHead } : {},
  );
  return id;
}

/**
 * What the audit log records of a revision: the state in clear (the title hashed when the record
 * is confidential or above), the sections that changed by name, and the content as a keyed hash —
 * the revision row holds the content, and the hash in the chain shows if it is ever altered.
 */
function revisionChanges(
  ctx: Context,
  change: StateChange,
  revision: number,
  sections: readonly string[],
): AuditChange[] {
  const before = change.before;
  const changes: AuditChange[] = [
    { field: 'revision', before: before?.revision ?? null, after: revision },
  ];
  const fields: [string, unknown, unknown][] = [
    ['status', before?.status, change.status],
    ['areaCode', before?.areaCode, change.areaCode],
    ['period', before?.period, change.period],
    ['sensitivity', before?.content.sensitivity, change.content.sensitivity],
  ];
  for (const [field, was, is] of fields) {
    if (was !== is) changes.push({ field, before: was ?? null, after: is });
  }
  if (before?.content.title !== change.content.title) {
    changes.push({
      field: 'title',
      before: before ? loggableValue(ctx, before.content.sensitivity, before.content.title) : null,
      after: loggableValue(ctx, change.content.sensitivity, change.content.title),
    });
  }
  if (sections.length > 0) {
    changes.push(
      { field: 'sections', before: null, after: [...sections] },
      {
        field: 'content',
        before: before ? contentHash(ctx, before.content) : null,
        after: contentHash(ctx, change.content),
      },
    );
  }
  if (change.resolves) {
    changes.push({ field: 'conflictId', before: null, after: change.resolves });
  }
  if (change.comments) {
    changes.push({ field: 'comments', before: null, after: contentHash(ctx, change.comments) });
  }
  return changes;
}

function contentHash(ctx: Context, value: unknown): unknown {
  return loggableValue(ctx, 'strictly-confidential', value);
}
