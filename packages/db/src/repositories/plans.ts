import { type Sensitivity } from '@prevention/core';
import {
  publishedPlanStatuses,
  type PlanContent,
  type PlanStatus,
  type ProgressReport,
} from '@prevention/planning';
import { sql, type Kysely } from 'kysely';
import type {
  Database,
  PlanProgressReportRow,
  PlanRevisionAction,
  PlanRevisionRow,
  PlanRow,
} from '../database.js';
import { type RecordReader, clearedLevels, countryList } from './signals.js';

/**
 * Who is reading plans: their countries and clearance, as for every record, and whether they
 * see published plans only (partners read a plan once it is endorsed).
 */
export interface PlanReader extends RecordReader {
  publishedOnly: boolean;
}

/** A plan as lists show it: everything but the document. */
export interface PlanHeader {
  id: string;
  countryCode: string;
  startYear: number;
  endYear: number;
  title: string;
  status: PlanStatus;
  revision: number;
  sensitivity: Sensitivity;
  submittedBy: string | null;
  createdBy: string;
  createdAt: Date;
  updatedBy: { id: string; name: string };
  updatedAt: Date;
}

export interface PlanRecord extends PlanHeader {
  content: PlanContent;
}

/** What a write stores: the plan's new state and the revision that records the step. */
export interface PlanWrite {
  id: string;
  countryCode: string;
  status: PlanStatus;
  revision: number;
  sensitivity: Sensitivity;
  content: PlanContent;
  submittedBy: string | null;
  action: PlanRevisionAction;
  note: string | null;
  /** How many fields changed from the revision before (0 for a lifecycle step). */
  changes: number;
  by: string;
  at: Date;
}

/**
 * Holds the country's plans still until the transaction ends, so that two plans whose cycles
 * overlap are never created side by side. Returns the cycles of the plans it has.
 */
/** A plan's cycle, with what decides who may know of it. */
export interface CountryPlanCycle {
  id: string;
  countryCode: string;
  startYear: number;
  endYear: number;
  status: PlanStatus;
  sensitivity: Sensitivity;
}

export async function lockCountryPlans(
  trx: Kysely<Database>,
  countryCode: string,
): Promise<CountryPlanCycle[]> {
  if (!trx.isTransaction) throw new Error('lockCountryPlans must run inside a transaction');
  await sql`select pg_advisory_xact_lock(hashtext(${`plan:${countryCode}`}))`.execute(trx);
  const rows = await trx
    .selectFrom('plan')
    .select(['id', 'start_year', 'end_year', 'status', 'sensitivity'])
    .where('country_code', '=', countryCode)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    countryCode,
    startYear: row.start_year,
    endYear: row.end_year,
    status: row.status,
    sensitivity: row.sensitivity,
  }));
}

/** The plan with this id, whoever may read it, locked until the transaction ends. */
export async function lockPlan(
  trx: Kysely<Database>,
  id: string,
): Promise<Omit<PlanRecord, 'updatedBy'> | undefined> {
  if (!trx.isTransaction) throw new Error('lockPlan must run inside a transaction');
  const row = await trx
    .selectFrom('plan')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  const { updatedBy: _updatedBy, ...header } = toHeader({ ...row, updated_by_name: '' });
  return { ...header, content: row.content };
}

/** Creates a plan (`write.revision` 1) or moves the locked one on, with its revision row. */
export async function writePlanRevision(
  trx: Kysely<Database>,
  write: PlanWrite,
  create: boolean,
): Promise<void> {
  if (!trx.isTransaction) throw new Error('writePlanRevision must run inside a transaction');
  const state = {
    country_code: write.countryCode,
    start_year: Number(write.content.cycle.startYear),
    end_year: Number(write.content.cycle.endYear),
    title: write.content.title,
    status: write.status,
    revision: write.revision,
    sensitivity: write.sensitivity,
    content: JSON.stringify(write.content),
    submitted_by: write.submittedBy,
    updated_by: write.by,
    updated_at: write.at,
  };
  if (create) {
    await trx
      .insertInto('plan')
      .values({ id: write.id, ...state, created_by: write.by, created_at: write.at })
      .execute();
  } else {
    await trx.updateTable('plan').set(state).where('id', '=', write.id).execute();
  }
  await trx
    .insertInto('plan_revision')
    .values({
      plan_id: write.id,
      revision: write.revision,
      action: write.action,
      status: write.status,
      sensitivity: write.sensitivity,
      content: state.content,
      note: write.note,
      changes: write.changes,
      author_id: write.by,
      saved_at: write.at,
    })
    .execute();
}

export interface PlanFilter {
  countryCode?: string;
  status?: PlanStatus;
}

/** The plans the reader may see, by country and the newest cycle first. */
export async function findPlans(
  db: Kysely<Database>,
  reader: PlanReader,
  filter: PlanFilter,
  limit: number,
): Promise<PlanHeader[]> {
  let query = readablePlans(db, reader);
  if (filter.countryCode) query = query.where('plan.country_code', '=', filter.countryCode);
  if (filter.status) query = query.where('plan.status', '=', filter.status);
  const rows = await query
    .select(headerColumns)
    .orderBy('plan.country_code')
    .orderBy('plan.start_year', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toHeader);
}

export async function findPlanById(
  db: Kysely<Database>,
  reader: PlanReader,
  id: string,
): Promise<PlanRecord | undefined> {
  const row = await readablePlans(db, reader)
    .select([...headerColumns, 'plan.content'])
    .where('plan.id', '=', id)
    .executeTakeFirst();
  return row ? { ...toHeader(row), content: row.content } : undefined;
}

/** The readable plans whose actions name this user as their focal point. */
export async function findPlansWithFocalPoint(
  db: Kysely<Database>,
  reader: PlanReader,
  userId: string,
): Promise<PlanRecord[]> {
  const rows = await readablePlans(db, reader)
    .select([...headerColumns, 'plan.content'])
    .where(
      sql<boolean>`plan.content -> 'actions' @> ${JSON.stringify([{ focalPointId: userId }])}::jsonb`,
    )
    .orderBy('plan.country_code')
    .orderBy('plan.start_year', 'desc')
    .execute();
  return rows.map((row) => ({ ...toHeader(row), content: row.content }));
}

export interface PlanRevisionSummary {
  revision: number;
  action: PlanRevisionAction;
  status: PlanStatus;
  sensitivity: Sensitivity;
  note: string | null;
  changes: number;
  author: { id: string; name: string };
  savedAt: Date;
}

/** A plan's revisions, newest first; the caller has checked that the reader sees the plan. */
export async function findPlanRevisions(
  db: Kysely<Database>,
  planId: string,
): Promise<PlanRevisionSummary[]> {
  const rows = await db
    .selectFrom('plan_revision')
    .innerJoin('app_user', 'app_user.id', 'plan_revision.author_id')
    .select([
      'plan_revision.revision',
      'plan_revision.action',
      'plan_revision.status',
      'plan_revision.sensitivity',
      'plan_revision.note',
      'plan_revision.changes',
      'plan_revision.author_id',
      'app_user.display_name',
      'plan_revision.saved_at',
    ])
    .where('plan_revision.plan_id', '=', planId)
    .orderBy('plan_revision.revision', 'desc')
    .execute();
  return rows.map((row) => ({
    revision: row.revision,
    action: row.action,
    status: row.status,
    sensitivity: row.sensitivity,
    note: row.note,
    changes: row.changes,
    author: { id: row.author_id, name: row.display_name },
    savedAt: row.saved_at,
  }));
}

/** The content of some revisions of a plan, by revision number. */
export async function findPlanRevisionContents(
  db: Kysely<Database>,
  planId: string,
  revisions: readonly number[],
): Promise<Map<number, Pick<PlanRevisionRow, 'content' | 'sensitivity'>>> {
  if (revisions.length === 0) return new Map();
  const rows = await db
    .selectFrom('plan_revision')
    .select(['revision', 'content', 'sensitivity'])
    .where('plan_id', '=', planId)
    .where('revision', 'in', [...revisions])
    .execute();
  return new Map(rows.map((row) => [row.revision, row]));
}

export async function insertProgressReport(
  db: Kysely<Database>,
  planId: string,
  report: ProgressReport,
  at: Date,
): Promise<void> {
  await db
    .insertInto('plan_progress_report')
    .values({
      id: report.id,
      plan_id: planId,
      action_id: report.actionId,
      date: report.date,
      author_id: report.authorId,
      status: report.status,
      milestones_met_percent: report.milestonesMetPercent,
      rating: report.rating,
      narrative: report.narrative,
      created_at: at,
    })
    .execute();
}

/** Every progress report on the plans given, oldest first. */
export async function findProgressReports(
  db: Kysely<Database>,
  planIds: readonly string[],
): Promise<Map<string, ProgressReport[]>> {
  const reports = new Map<string, ProgressReport[]>(planIds.map((id) => [id, []]));
  if (planIds.length === 0) return reports;
  const rows = await db
    .selectFrom('plan_progress_report')
    .selectAll()
    .where('plan_id', 'in', [...planIds])
    .orderBy('date')
    .orderBy('created_at')
    .execute();
  for (const row of rows) reports.get(row.plan_id)?.push(toProgressReport(row));
  return reports;
}

function toProgressReport(row: PlanProgressReportRow): ProgressReport {
  return {
    id: row.id,
    actionId: row.action_id,
    date: row.date,
    authorId: row.author_id,
    status: row.status,
    milestonesMetPercent: row.milestones_met_percent,
    rating: row.rating,
    narrative: row.narrative,
  };
}

/** Plans limited, in SQL, to the reader's countries, clearance and (for partners) publication. */
function readablePlans(db: Kysely<Database>, reader: PlanReader) {
  const levels = clearedLevels(reader.clearance);
  let query = db
    .selectFrom('plan')
    .innerJoin('app_user as updater', 'updater.id', 'plan.updated_by')
    .where('plan.sensitivity', 'in', levels);
  if (reader.scope.kind === 'countries') {
    const countries = countryList(reader.scope.countries);
    query = query.where('plan.country_code', 'in', countries);
  }
  if (reader.publishedOnly) query = query.where('plan.status', 'in', [...publishedPlanStatuses]);
  return query;
}

const headerColumns = [
  'plan.id',
  'plan.country_code',
  'plan.start_year',
  'plan.end_year',
  'plan.title',
  'plan.status',
  'plan.revision',
  'plan.sensitivity',
  'plan.submitted_by',
  'plan.created_by',
  'plan.created_at',
  'plan.updated_by',
  'plan.updated_at',
  'updater.display_name as updated_by_name',
] as const;

type HeaderRow = Omit<PlanRow, 'content'> & { updated_by_name: string };

function toHeader(row: HeaderRow): PlanHeader {
  return {
    id: row.id,
    countryCode: row.country_code,
    startYear: row.start_year,
    endYear: row.end_year,
    title: row.title,
    status: row.status,
    revision: row.revision,
    sensitivity: row.sensitivity,
    submittedBy: row.submitted_by,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    updatedAt: row.updated_at,
  };
}
