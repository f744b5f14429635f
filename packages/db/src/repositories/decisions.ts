import { type Sensitivity } from '@prevention/core';
import { decisionStatus, type LoggedDecision } from '@prevention/planning';
import type { Kysely } from 'kysely';
import type { Database, LoggedDecisionRow } from '../database.js';
import { type RecordReader, clearedLevels, countryList } from './signals.js';

/** A logged decision as stored: the document, its level, and who recorded it when. */
export interface DecisionRecord {
  decision: LoggedDecision;
  sensitivity: Sensitivity;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function insertDecision(
  db: Kysely<Database>,
  decision: LoggedDecision,
  meta: { sensitivity: Sensitivity; by: string; at: Date },
): Promise<void> {
  await db
    .insertInto('logged_decision')
    .values({
      id: decision.id,
      ...documentColumns(decision),
      sensitivity: meta.sensitivity,
      created_by: meta.by,
      created_at: meta.at,
      updated_at: meta.at,
    })
    .execute();
}

/** Stores a decision's new document (a follow-up added) over the locked one. */
export async function updateDecision(
  db: Kysely<Database>,
  decision: LoggedDecision,
  at: Date,
): Promise<void> {
  await db
    .updateTable('logged_decision')
    .set({ ...documentColumns(decision), updated_at: at })
    .where('id', '=', decision.id)
    .execute();
}

/** The decision with this id, whoever may read it, locked until the transaction ends. */
export async function lockDecision(
  trx: Kysely<Database>,
  id: string,
): Promise<DecisionRecord | undefined> {
  if (!trx.isTransaction) throw new Error('lockDecision must run inside a transaction');
  const row = await trx
    .selectFrom('logged_decision')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function findDecisionById(
  db: Kysely<Database>,
  reader: RecordReader,
  id: string,
): Promise<DecisionRecord | undefined> {
  const row = await readableDecisions(db, reader).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export interface DecisionFilter {
  countryCode?: string;
  /** Decisions owned by this user that are not completed, for their "due from me". */
  ownerId?: string;
  /** Decisions that link to this alert, outcome or action. */
  linkedTo?: string;
}

/** The decisions the reader may see, the latest meeting first. */
export async function findDecisions(
  db: Kysely<Database>,
  reader: RecordReader,
  filter: DecisionFilter,
  limit: number,
): Promise<DecisionRecord[]> {
  let query = readableDecisions(db, reader);
  if (filter.countryCode) query = query.where('country_code', '=', filter.countryCode);
  if (filter.ownerId) {
    query = query.where('owner_id', '=', filter.ownerId).where('status', '<>', 'completed');
  }
  if (filter.linkedTo) {
    const id = filter.linkedTo;
    query = query.where((eb) =>
      eb.or(
        (['alertIds', 'outcomeIds', 'actionIds'] as const).map((key) =>
          eb(eb.ref('content', '->').key('links').key(key), '@>', JSON.stringify([id]) as never),
        ),
      ),
    );
  }
  const rows = await query
    .orderBy('meeting_date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/**
 * Decisions limited, in SQL, to the reader's clearance and countries. A decision across
 * countries (no country) is for readers of every country only.
 */
function readableDecisions(db: Kysely<Database>, reader: RecordReader) {
  const levels = clearedLevels(reader.clearance);
  let query = db.selectFrom('logged_decision').selectAll().where('sensitivity', 'in', levels);
  if (reader.scope.kind === 'countries') {
    const countries = countryList(reader.scope.countries);
    query = query.where('country_code', 'in', countries);
  }
  return query;
}

function documentColumns(decision: LoggedDecision) {
  return {
    country_code: decision.countryCode,
    meeting_date: decision.meeting.date,
    due_date: decision.dueDate,
    owner_id: decision.ownerId,
    status: decisionStatus(decision),
    content: JSON.stringify(decision),
  };
}

function toRecord(row: LoggedDecisionRow): DecisionRecord {
  return {
    decision: row.content,
    sensitivity: row.sensitivity,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
