import type {
  AssessmentContent,
  AssessmentFilter,
  AssessmentStatus,
  Person,
} from '@prevention/assessment';
import { CountryCode, type Sensitivity } from '@prevention/core';
import { sql, type Kysely } from 'kysely';
import type { AssessmentRevisionRow, AssessmentRow, Database } from '../database.js';
import {
  revisionColumnsButContent,
  revisionRecord,
  type NewRevision,
} from './assessment-revisions.js';
import { type RecordReader, clearedLevels, countryList } from './signals.js';

/**
 * Who is reading assessments: their countries and clearance, as for every record, and whether
 * they see published assessments only (partners do).
 */
export interface AssessmentReader extends RecordReader {
  publishedOnly: boolean;
}

/** An assessment's header and the summary derived from its content, as lists show it. */
export interface AssessmentHeader {
  id: string;
  areaCode: string;
  countryCode: string;
  period: string;
  title: string;
  status: AssessmentStatus;
  revision: number;
  sensitivity: Sensitivity;
  pillars: string[];
  organisations: string[];
  riskCount: number;
  highestRisk: number | null;
  submittedBy: string | null;
  createdBy: string;
  createdAt: Date;
  updatedBy: Person | null;
  updatedAt: Date;
  openConflicts: number;
}

/** An assessment as a write sees it: its current state, locked. */
export interface StoredAssessment {
  id: string;
  areaCode: string;
  countryCode: string;
  period: string;
  status: AssessmentStatus;
  revision: number;
  sensitivity: Sensitivity;
  content: AssessmentContent;
  submittedBy: string | null;
  createdBy: string;
  updatedAt: Date;
}

export interface AssessmentRecord extends AssessmentHeader {
  content: AssessmentContent;
}

/** What a save writes: the content, and the summary columns derived from it by the caller. */
export interface AssessmentState {
  areaCode: string;
  countryCode: string;
  period: string;
  status: AssessmentStatus;
  revision: number;
  content: AssessmentContent;
  summary: {
    pillars: string[];
    organisations: string[];
    riskCount: number;
    highestRisk: number | null;
  };
  submittedBy: string | null;
  by: string;
  at: Date;
}

/**
 * Creates an assessment unless one with this id exists (a concurrent create, say); returns
 * whether it did. The caller then locks the existing one and treats the write as a conflict.
 */
export async function insertAssessment(
  db: Kysely<Database>,
  id: string,
  state: AssessmentState,
): Promise<boolean> {
  const inserted = await db
    .insertInto('assessment')
    .values({
      id,
      ...stateColumns(state),
      created_by: state.by,
      created_at: state.at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function updateAssessment(
  db: Kysely<Database>,
  id: string,
  state: AssessmentState,
): Promise<void> {
  await db.updateTable('assessment').set(stateColumns(state)).where('id', '=', id).execute();
}

/** A new revision and the state it gives the assessment, written by `saveAssessmentRevision`. */
export interface AssessmentRevisionWrite {
  id: string;
  /** Creates the assessment (unless its id is taken) rather than updating the locked one. */
  create: boolean;
  state: AssessmentState;
  revision: NewRevision;
  /** The sync receipt whose answer this write stores, when a sync item made it. */
  receiptAnswer?: { clientId: string; answer: Record<string, unknown> };
}

/**
 * Writes the assessment row, its revision and (for a sync item) the receipt's answer in one
 * statement: the revision and the answer are written only if the assessment row was. Returns
 * false when a create found its id taken — then nothing was written and the caller locks the
 * existing assessment and treats its write as a conflict.
 */
export async function saveAssessmentRevision(
  trx: Kysely<Database>,
  write: AssessmentRevisionWrite,
): Promise<boolean> {
  if (!trx.isTransaction) throw new Error('saveAssessmentRevision must run inside a transaction');
  const { id, state } = write;
  // The revision takes its content from the assessment row just written: the document, the
  // largest part of the statement, is sent and parsed once.
  const withAssessment = write.create
    ? trx.with('saved', (db) =>
        db
          .insertInto('assessment')
          .values({ id, ...stateColumns(state), created_by: state.by, created_at: state.at })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning(['id', 'content']),
      )
    : trx.with('saved', (db) =>
        db
          .updateTable('assessment')
          .set(stateColumns(state))
          .where('id', '=', id)
          .returning(['id', 'content']),
      );
  const { content: _content, ...revisionFields } = revisionRecord(write.revision);
  const withRevision = withAssessment.with('revision', (db) =>
    db
      .insertInto('assessment_revision')
      .columns([...revisionColumnsButContent, 'content'])
      .expression((eb) =>
        eb
          .selectFrom([
            'saved',
            // Typed by the table itself, so every value arrives as its column's type.
            sql<AssessmentRevisionRow>`jsonb_populate_record(null::assessment_revision, ${JSON.stringify(revisionFields)}::jsonb)`.as(
              'written',
            ),
          ])
          .select([
            ...revisionColumnsButContent.map((column) => `written.${column}` as const),
            'saved.content',
          ]),
      )
      .returning('assessment_revision.revision'),
  );
  const receipt = write.receiptAnswer;
  const query = receipt
    ? withRevision.with('answered', (db) =>
        db
          .updateTable('assessment_sync_receipt')
          .set({ answer: JSON.stringify(receipt.answer) })
          .where('client_id', '=', receipt.clientId)
          .where((eb) => eb.exists(eb.selectFrom('saved').select('saved.id')))
          .returning('client_id'),
      )
    : withRevision;
  const saved = await query.selectFrom('saved').select('saved.id').executeTakeFirst();
  return saved !== undefined;
}

/**
 * The assessment with this id, whoever may read it, locked until the transaction ends: every
 * write reads the current revision this way, so two writers never both build on it.
 */
export async function lockAssessment(
  trx: Kysely<Database>,
  id: string,
): Promise<StoredAssessment | undefined> {
  if (!trx.isTransaction) throw new Error('lockAssessment must run inside a transaction');
  const row = await trx
    .selectFrom('assessment')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

export async function findAssessmentById(
  db: Kysely<Database>,
  reader: AssessmentReader,
  id: string,
): Promise<AssessmentRecord | undefined> {
  const row = await readable(db, reader)
    .select('assessment.content')
    .where('assessment.id', '=', id)
    .executeTakeFirst();
  return row ? { ...toHeader(row), content: row.content } : undefined;
}

export interface AssessmentPage {
  items: AssessmentHeader[];
  /** The position after the last item, when there are more. */
  next: { updatedAt: Date; id: string } | null;
}

/**
 * Assessments the reader may see, most recently updated first (then by id, so the order is total
 * and a page never repeats or skips a row); `after` is the position where the previous page ended.
 */
export async function findAssessments(
  db: Kysely<Database>,
  reader: AssessmentReader,
  filter: AssessmentFilter,
  page: { after?: { updatedAt: Date; id: string }; limit: number },
): Promise<AssessmentPage> {
  let query = readable(db, reader);
  if (filter.areaCode) {
    query = CountryCode.safeParse(filter.areaCode).success
      ? query.where('assessment.country_code', '=', filter.areaCode)
      : query.where('assessment.area_code', '=', filter.areaCode);
  }
  if (filter.period) query = query.where('assessment.period', '=', filter.period);
  if (filter.status) query = query.where('assessment.status', '=', filter.status);
  if (filter.pillar) {
    query = query.where(
      sql<boolean>`assessment.pillars @> ${JSON.stringify([filter.pillar])}::jsonb`,
    );
  }
  if (filter.organisation) {
    query = query.where(
      sql<boolean>`exists (select 1 from jsonb_array_elements_text(assessment.organisations) as team(organisation) where lower(team.organisation) = lower(${filter.organisation}))`,
    );
  }
  const after = page.after;
  if (after) {
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('assessment.updated_at', 'assessment.id'), '<', tuple(after.updatedAt, after.id)),
    );
  }
  const rows = await query
    .orderBy('assessment.updated_at', 'desc')
    .orderBy('assessment.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit).map(toHeader);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > page.limit && last ? { updatedAt: last.updatedAt, id: last.id } : null,
  };
}

/** Assessments within the reader's countries and clearance (and published, for partners). */
function readable(db: Kysely<Database>, reader: AssessmentReader) {
  const levels = clearedLevels(reader.clearance);
  let query = db
    .selectFrom('assessment')
    .leftJoin('app_user as updater', 'updater.id', 'assessment.updated_by')
    .select([
      'assessment.id',
      'assessment.area_code',
      'assessment.country_code',
      'assessment.period',
      'assessment.title',
      'assessment.status',
      'assessment.revision',
      'assessment.sensitivity',
      'assessment.pillars',
      'assessment.organisations',
      'assessment.risk_count',
      'assessment.highest_risk',
      'assessment.submitted_by',
      'assessment.created_by',
      'assessment.created_at',
      'assessment.updated_by',
      'assessment.updated_at',
      'updater.display_name as updated_by_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('assessment_conflict')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('assessment_conflict.assessment_id', '=', 'assessment.id')
        .where('assessment_conflict.state', '=', 'open')
        .as('open_conflicts'),
    )
    .where('assessment.sensitivity', 'in', levels);
  if (reader.scope.kind === 'countries') {
    // A reader with no country sees nothing rather than failing on `in ()`.
    const countries = countryList(reader.scope.countries);
    query = query.where('assessment.country_code', 'in', countries);
  }
  if (reader.publishedOnly) query = query.where('assessment.status', '=', 'published');
  return query;
}

type HeaderRow = Omit<AssessmentRow, 'content'> & {
  updated_by_name: string | null;
  open_conflicts: number | string | null;
};

function toHeader(row: HeaderRow): AssessmentHeader {
  return {
    id: row.id,
    areaCode: row.area_code,
    countryCode: row.country_code,
    period: row.period,
    title: row.title,
    status: row.status,
    revision: row.revision,
    sensitivity: row.sensitivity,
    pillars: row.pillars,
    organisations: row.organisations,
    riskCount: row.risk_count,
    highestRisk: row.highest_risk,
    submittedBy: row.submitted_by,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy:
      row.updated_by_name === null ? null : { id: row.updated_by, name: row.updated_by_name },
    updatedAt: row.updated_at,
    openConflicts: Number(row.open_conflicts ?? 0),
  };
}

function toStored(row: AssessmentRow): StoredAssessment {
  return {
    id: row.id,
    areaCode: row.area_code,
    countryCode: row.country_code,
    period: row.period,
    status: row.status,
    revision: row.revision,
    sensitivity: row.sensitivity,
    content: row.content,
    submittedBy: row.submitted_by,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

function stateColumns(state: AssessmentState) {
  return {
    area_code: state.areaCode,
    country_code: state.countryCode,
    period: state.period,
    title: state.content.title,
    status: state.status,
    revision: state.revision,
    sensitivity: state.content.sensitivity,
    content: JSON.stringify(state.content),
    pillars: JSON.stringify(state.summary.pillars),
    organisations: JSON.stringify(state.summary.organisations),
    risk_count: state.summary.riskCount,
    highest_risk: state.summary.highestRisk,
    submitted_by: state.submittedBy,
    updated_by: state.by,
    updated_at: state.at,
  };
}
