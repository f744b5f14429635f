import type {
  AssessmentContent,
  AssessmentStatus,
  Person,
  ReviewComments,
  RevisionAction,
} from '@prevention/assessment';
import type { Sensitivity } from '@prevention/core';
import type { Kysely } from 'kysely';
import type { AssessmentRevisionRow, Database } from '../database.js';

export interface NewRevision {
  assessmentId: string;
  revision: number;
  action: RevisionAction;
  status: AssessmentStatus;
  content: AssessmentContent;
  comments: ReviewComments | null;
  changedSections: string[];
  clientId: string | null;
  authorId: string;
  savedAt: Date;
}

/** A revision as the history lists it, without its content. */
export interface RevisionHeader {
  revision: number;
  action: RevisionAction;
  status: AssessmentStatus;
  sensitivity: Sensitivity;
  comments: ReviewComments | null;
  changedSections: string[];
  /** The sync item that made this revision, if one did. */
  clientId: string | null;
  author: Person;
  savedAt: Date;
}

export interface RevisionRecord extends RevisionHeader {
  content: AssessmentContent;
}

export async function insertRevision(db: Kysely<Database>, revision: NewRevision): Promise<void> {
  await db
    .insertInto('assessment_revision')
    .values({
      ...revisionRecord(revision),
      content: JSON.stringify(revision.content),
      comments: revision.comments === null ? null : JSON.stringify(revision.comments),
      changed_sections: JSON.stringify(revision.changedSections),
    })
    .execute();
}

/** The columns of a revision row other than its content. */
export const revisionColumnsButContent = [
  'assessment_id',
  'revision',
  'action',
  'status',
  'sensitivity',
  'comments',
  'changed_sections',
  'client_id',
  'author_id',
  'saved_at',
] as const satisfies readonly Exclude<keyof AssessmentRevisionRow, 'content'>[];

/** A revision as a row, its jsonb columns as values (for a statement that sends it as JSON). */
export function revisionRecord(revision: NewRevision) {
  return {
    assessment_id: revision.assessmentId,
    revision: revision.revision,
    action: revision.action,
    status: revision.status,
    sensitivity: revision.content.sensitivity,
    content: revision.content,
    comments: revision.comments,
    changed_sections: revision.changedSections,
    client_id: revision.clientId,
    author_id: revision.authorId,
    saved_at: revision.savedAt,
  };
}

/**
 * Revisions of an assessment, oldest first. The caller has already established that the reader
 * may see the assessment; `statuses` narrows the list (partners see published revisions only).
 */
export async function findRevisions(
  db: Kysely<Database>,
  assessmentId: string,
  options: { statuses?: readonly AssessmentStatus[] } = {},
): Promise<RevisionHeader[]> {
  let query = headers(db).where('assessment_revision.assessment_id', '=', assessmentId);
  if (options.statuses)
    query = query.where('assessment_revision.status', 'in', [...options.statuses]);
  const rows = await query.orderBy('assessment_revision.revision').execute();
  return rows.map(toHeader);
}

export async function findRevision(
  db: Kysely<Database>,
  assessmentId: string,
  revision: number,
): Promise<RevisionRecord | undefined> {
  const row = await headers(db)
    .select('assessment_revision.content')
    .where('assessment_revision.assessment_id', '=', assessmentId)
    .where('assessment_revision.revision', '=', revision)
    .executeTakeFirst();
  return row ? { ...toHeader(row), content: row.content } : undefined;
}

/** The latest revision made by one of `actions` (the last review, say). */
export async function findLatestRevisionByAction(
  db: Kysely<Database>,
  assessmentId: string,
  actions: readonly RevisionAction[],
): Promise<RevisionHeader | undefined> {
  const row = await headers(db)
    .where('assessment_revision.assessment_id', '=', assessmentId)
    .where('assessment_revision.action', 'in', [...actions])
    .orderBy('assessment_revision.revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toHeader(row) : undefined;
}

function headers(db: Kysely<Database>) {
  return db
    .selectFrom('assessment_revision')
    .innerJoin('app_user as author', 'author.id', 'assessment_revision.author_id')
    .select([
      'assessment_revision.revision',
      'assessment_revision.action',
      'assessment_revision.status',
      'assessment_revision.sensitivity',
      'assessment_revision.comments',
      'assessment_revision.changed_sections',
      'assessment_revision.client_id',
      'assessment_revision.author_id',
      'assessment_revision.saved_at',
      'author.display_name as author_name',
    ]);
}

function toHeader(row: {
  revision: number;
  action: RevisionAction;
  status: AssessmentStatus;
  sensitivity: Sensitivity;
  comments: ReviewComments | null;
  changed_sections: string[];
  client_id: string | null;
  author_id: string;
  saved_at: Date;
  author_name: string;
}): RevisionHeader {
  return {
    revision: row.revision,
    action: row.action,
    status: row.status,
    sensitivity: row.sensitivity,
    comments: row.comments,
    changedSections: row.changed_sections,
    clientId: row.client_id,
    author: { id: row.author_id, name: row.author_name },
    savedAt: row.saved_at,
  };
}
