import type { AssessmentContent, Person } from '@prevention/assessment';
import type { Sensitivity } from '@prevention/core';
import type { Kysely } from 'kysely';
import type { ConflictReason, ConflictState, Database } from '../database.js';

export interface NewConflict {
  id: string;
  assessmentId: string;
  clientId: string;
  reason: ConflictReason;
  baseRevision: number | null;
  serverRevision: number;
  content: AssessmentContent;
  authorId: string;
  createdAt: Date;
}

export interface ConflictRecord {
  id: string;
  assessmentId: string;
  clientId: string;
  reason: ConflictReason;
  baseRevision: number | null;
  serverRevision: number;
  sensitivity: Sensitivity;
  content: AssessmentContent;
  author: Person;
  createdAt: Date;
  state: ConflictState;
}

/** How a conflict ended: resolved into a revision, discarded, or superseded by a newer one. */
export type ConflictClosure =
  | { state: 'resolved'; revision: number }
  | { state: 'discarded' }
  | { state: 'superseded'; by: string };

export async function insertConflict(db: Kysely<Database>, conflict: NewConflict): Promise<void> {
  await db
    .insertInto('assessment_conflict')
    .values({
      id: conflict.id,
      assessment_id: conflict.assessmentId,
      client_id: conflict.clientId,
      reason: conflict.reason,
      base_revision: conflict.baseRevision,
      server_revision: conflict.serverRevision,
      sensitivity: conflict.content.sensitivity,
      content: JSON.stringify(conflict.content),
      author_id: conflict.authorId,
      created_at: conflict.createdAt,
      state: 'open',
    })
    .execute();
}

/** A conflict by id, locked until the transaction ends, so that it is closed only once. */
export async function lockConflict(
  trx: Kysely<Database>,
  id: string,
): Promise<ConflictRecord | undefined> {
  if (!trx.isTransaction) throw new Error('lockConflict must run inside a transaction');
  const row = await conflicts(trx)
    .where('assessment_conflict.id', '=', id)
    .forUpdate('assessment_conflict')
    .executeTakeFirst();
  return row ? toConflict(row) : undefined;
}

/** The open conflicts of an assessment, oldest first. */
export async function findOpenConflicts(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<ConflictRecord[]> {
  const rows = await conflicts(db)
    .where('assessment_conflict.assessment_id', '=', assessmentId)
    .where('assessment_conflict.state', '=', 'open')
    .orderBy('assessment_conflict.created_at')
    .orderBy('assessment_conflict.id')
    .execute();
  return rows.map(toConflict);
}

/** Closes an open conflict; the version it holds stays in the table. */
export async function closeConflict(
  db: Kysely<Database>,
  id: string,
  closure: ConflictClosure,
  meta: { by: string; at: Date },
): Promise<void> {
  await db
    .updateTable('assessment_conflict')
    .set({
      state: closure.state,
      closed_by: meta.by,
      closed_at: meta.at,
      resolution_revision: closure.state === 'resolved' ? closure.revision : null,
      superseded_by: closure.state === 'superseded' ? closure.by : null,
    })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .execute();
}

function conflicts(db: Kysely<Database>) {
  return db
    .selectFrom('assessment_conflict')
    .innerJoin('app_user as author', 'author.id', 'assessment_conflict.author_id')
    .select([
      'assessment_conflict.id',
      'assessment_conflict.assessment_id',
      'assessment_conflict.client_id',
      'assessment_conflict.reason',
      'assessment_conflict.base_revision',
      'assessment_conflict.server_revision',
      'assessment_conflict.sensitivity',
      'assessment_conflict.content',
      'assessment_conflict.author_id',
      'assessment_conflict.created_at',
      'assessment_conflict.state',
      'author.display_name as author_name',
    ]);
}

function toConflict(row: {
  id: string;
  assessment_id: string;
  client_id: string;
  reason: ConflictReason;
  base_revision: number | null;
  server_revision: number;
  sensitivity: Sensitivity;
  content: AssessmentContent;
  author_id: string;
  created_at: Date;
  state: ConflictState;
  author_name: string;
}): ConflictRecord {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    clientId: row.client_id,
    reason: row.reason,
    baseRevision: row.base_revision,
    serverRevision: row.server_revision,
    sensitivity: row.sensitivity,
    content: row.content,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    state: row.state,
  };
}
