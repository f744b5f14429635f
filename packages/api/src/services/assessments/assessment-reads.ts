import {
  diffContents,
  type AssessmentDetail,
  type AssessmentListRequest,
  type AssessmentListResponse,
  type AssessmentStatus,
  type DiffEntry,
  type RevisionSummary,
} from '@prevention/assessment';
import { AppError, Id, mayView, type Actor } from '@prevention/core';
import {
  findAssessmentById,
  findAssessments,
  findLatestRevisionByAction,
  findOpenConflicts,
  findRevision,
  findRevisions,
  type AssessmentRecord,
  type RevisionRecord,
} from '@prevention/db';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { isAuthorFor, readerFor } from './assessment-access.js';
import { assessmentForm } from './assessment-form.js';
import {
  auditDisclosure,
  presentConflicts,
  presentDetail,
  presentRevisionSummary,
  presentSummary,
  redactFor,
} from './assessment-presentation.js';

export async function listAssessments(
  ctx: Context,
  actor: Actor,
  request: AssessmentListRequest,
): Promise<AssessmentListResponse> {
  const { cursor, limit, ...filter } = request;
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const page = await findAssessments(ctx.db, readerFor(actor), filter, {
    limit,
    ...(after ? { after } : {}),
  });
  return {
    items: page.items.map(presentSummary),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  };
}

/** Out of scope, above clearance, unpublished for a partner, or absent: the same answer. */
export async function readAssessment(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<AssessmentRecord> {
  const record = await findAssessmentById(ctx.db, readerFor(actor), id);
  if (!record) throw AppError.notFound('The assessment');
  return record;
}

export async function getAssessmentDetail(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<AssessmentDetail> {
  const record = await readAssessment(ctx, actor, id);
  // Reviews are part of the work in progress: a partner, who reads published assessments only,
  // sees neither the reviewers' comments nor the versions kept in conflicts.
  const [conflicts, review] = await Promise.all([
    isAuthorFor(actor, record.countryCode) ? findOpenConflicts(ctx.db, id) : [],
    readerFor(actor).publishedOnly
      ? undefined
      : findLatestRevisionByAction(ctx.db, id, ['return', 'endorse']),
  ]);
  const detail = presentDetail(actor, record, { conflicts, review });
  const shown = presentConflicts(actor, record, conflicts);
  await auditDisclosure(ctx, actor, id, [
    { content: record.content, ref: record.revision },
    ...conflicts
      .filter((conflict) => shown.some((view) => view.id === conflict.id))
      .map((conflict) => ({
        content: conflict.content,
        floor: record.content.sectionSensitivity,
        ref: `conflict:${conflict.id}`,
      })),
  ]);
  return detail;
}

export async function getHistory(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<RevisionSummary[]> {
  await readAssessment(ctx, actor, id);
  const revisions = await findRevisions(ctx.db, id, revisionFilter(actor));
  return revisions.map(presentRevisionSummary);
}

export async function getRevision(
  ctx: Context,
  actor: Actor,
  id: string,
  revision: number,
): Promise<{ summary: RevisionSummary; content: unknown }> {
  const record = await readAssessment(ctx, actor, id);
  const stored = await readRevision(ctx, actor, id, revision);
  const floor = record.content.sectionSensitivity;
  await auditDisclosure(ctx, actor, id, [{ content: stored.content, floor, ref: revision }]);
  return {
    summary: presentRevisionSummary(stored),
    content: redactFor(actor, stored.content, floor),
  };
}

/**
 * The changes between two revisions, computed on the redacted versions: a withheld part compares
 * as its marker, so a diff never discloses what the reader could not read in either revision.
 */
export async function getDiff(
  ctx: Context,
  actor: Actor,
  id: string,
  from: number,
  to: number,
): Promise<DiffEntry[]> {
  const record = await readAssessment(ctx, actor, id);
  const [before, after] = await Promise.all([
    readRevision(ctx, actor, id, from),
    readRevision(ctx, actor, id, to),
  ]);
  const floor = record.content.sectionSensitivity;
  await auditDisclosure(ctx, actor, id, [
    { content: before.content, floor, ref: from },
    { content: after.content, floor, ref: to },
  ]);
  return diffContents(
    assessmentForm,
    redactFor(actor, before.content, floor),
    redactFor(actor, after.content, floor),
  );
}

/**
 * A revision the reader may see: partners only published ones, and nobody one whose record
 * level was above their clearance at the time.
 */
async function readRevision(
  ctx: Context,
  actor: Actor,
  id: string,
  revision: number,
): Promise<RevisionRecord> {
  const stored = await findRevision(ctx.db, id, revision);
  const statuses = revisionFilter(actor).statuses;
  if (
    !stored ||
    !mayView(actor, stored.sensitivity) ||
    (statuses !== undefined && !statuses.includes(stored.status))
  ) {
    throw AppError.notFound('The revision');
  }
  return stored;
}

function revisionFilter(actor: Actor): { statuses?: readonly AssessmentStatus[] } {
  return readerFor(actor).publishedOnly ? { statuses: ['published'] } : {};
}

/** A list position as an opaque cursor: the last item's update time and id. */
const CursorPosition = z.tuple([
  // Within the years PostgreSQL and JavaScript dates share, so a forged cursor cannot fail a query.
  z.iso.datetime().refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1970 && year <= 9999;
  }),
  Id,
]);

function encodeCursor(position: { updatedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([position.updatedAt.toISOString(), position.id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  const invalid = () =>
    new AppError('BAD_REQUEST', 'The cursor is not valid; start again from the first page.', {
      issues: [{ path: ['cursor'], message: 'Not a cursor this server gave out' }],
    });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = CursorPosition.safeParse(decoded);
  if (!parsed.success) throw invalid();
  const [updatedAt, id] = parsed.data;
  return { updatedAt: new Date(updatedAt), id };
}
