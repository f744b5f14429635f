import {
  canonicalJson,
  isCleared,
  newId,
  RiskModel,
  sensitivityLevels,
  type Sensitivity,
} from '@prevention/core';
import { sql, type Kysely } from 'kysely';
import type { Database, RiskModelVersionRow, RiskProfileRow, RiskRunRow } from '../database.js';
import { visibleRows } from './imports.js';
import { type RecordReader, countryList } from './signals.js';

/** A stored risk model version. */
export interface RiskModelVersionRecord {
  id: string;
  modelId: string;
  version: string;
  /** The country a country team's adjustment applies to; null for a global model. */
  countryCode: string | null;
  definition: RiskModel;
  basedOn: string | null;
  note: string | null;
  /** Null for a model shipped with the platform. */
  createdBy: string | null;
  createdAt: Date;
}

function toModelVersion(row: RiskModelVersionRow): RiskModelVersionRecord {
  return {
    id: row.id,
    modelId: row.model_id,
    version: row.version,
    countryCode: row.country_code,
    definition: RiskModel.parse(row.definition),
    basedOn: row.based_on,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** A shipped model whose stored version holds another definition under the same version. */
export class RiskModelVersionChangedError extends Error {
  override readonly name = 'RiskModelVersionChangedError';
}

/**
 * Stores the models shipped with the platform, each as a global version, unless that version is
 * stored already. A stored version never changes: a release that changes a shipped model must
 * give it a new version, and one that does not is refused here, at start, before any profile
 * could be computed under a definition that differs from the one it claims.
 */
export async function ensureShippedRiskModels(
  db: Kysely<Database>,
  models: readonly RiskModel[],
  now: Date,
): Promise<RiskModelVersionRecord[]> {
  const stored: RiskModelVersionRecord[] = [];
  for (const definition of models) {
    await db
      .insertInto('risk_model_version')
      .values({
        id: newId(now.getTime()),
        model_id: definition.id,
        version: definition.version,
        country_code: null,
        definition: JSON.stringify(definition),
        based_on: null,
        note: null,
        created_by: null,
        created_at: now,
      })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    const row = await db
      .selectFrom('risk_model_version')
      .selectAll()
      .where('model_id', '=', definition.id)
      .where('version', '=', definition.version)
      .where('country_code', 'is', null)
      .executeTakeFirstOrThrow();
    const record = toModelVersion(row);
    if (canonicalJson(record.definition) !== canonicalJson(definition))
      throw new RiskModelVersionChangedError(
        `The shipped risk model ${definition.id} ${definition.version} differs from the one stored under the same version; give the changed model a new version.`,
      );
    stored.push(record);
  }
  return stored;
}

export async function insertRiskModelVersion(
  db: Kysely<Database>,
  version: {
    id: string;
    definition: RiskModel;
    countryCode: string | null;
    basedOn: string | null;
    note: string | null;
    createdBy: string;
    now: Date;
  },
): Promise<RiskModelVersionRecord> {
  const row = await db
    .insertInto('risk_model_version')
    .values({
      id: version.id,
      model_id: version.definition.id,
      version: version.definition.version,
      country_code: version.countryCode,
      definition: JSON.stringify(version.definition),
      based_on: version.basedOn,
      note: version.note,
      created_by: version.createdBy,
      created_at: version.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toModelVersion(row);
}

export async function findRiskModelVersion(
  db: Kysely<Database>,
  id: string,
): Promise<RiskModelVersionRecord | undefined> {
  const row = await db
    .selectFrom('risk_model_version')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toModelVersion(row) : undefined;
}

/**
 * Model versions, oldest first: the global ones and, with `countries`, the adjustments of those
 * countries (every country's when `countries` is 'all').
 */
export async function findRiskModelVersions(
  db: Kysely<Database>,
  countries: readonly string[] | 'all',
): Promise<RiskModelVersionRecord[]> {
  let query = db.selectFrom('risk_model_version').selectAll();
  if (countries !== 'all')
    query = query.where((eb) =>
      countries.length === 0
        ? eb('country_code', 'is', null)
        : eb.or([eb('country_code', 'is', null), eb('country_code', 'in', [...countries])]),
    );
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map(toModelVersion);
}

/** The index of a sensitivity level: the `basis` a profile computed up to that level has. */
export function basisOf(level: Sensitivity): number {
  return sensitivityLevels.indexOf(level);
}

/** The bases a reader may see: those of the levels they are cleared for. */
function basesFor(clearance: Sensitivity): number[] {
  return sensitivityLevels.flatMap((level, index) => (isCleared(clearance, level) ? [index] : []));
}

/** An observation as a profile is computed from it. */
export interface ProfileInput {
  indicatorCode: string;
  period: string;
  value: number;
  reliability: 'high' | 'medium' | 'low';
  sex: string | null;
  age: string | null;
  /** The index of its sensitivity level. */
  basis: number;
}

/**
 * Every visible observation of exactly this area (not of the areas inside it), by period and
 * then oldest first, so that of two values for the same period the later one comes last (the
 * profile takes it). The rows come as one JSON array of arrays: thousands of rows an area, which
 * the drivers (PGlite's worker above all) hand over row by row several times slower.
 */
export async function findProfileInputs(
  db: Kysely<Database>,
  areaCode: string,
): Promise<ProfileInput[]> {
  const result = await sql<{ rows: string }>`
    select coalesce(json_agg(json_build_array(indicator_code, period, value, reliability, sex, age,
                                              sensitivity)
                             order by period, created_at, id), '[]')::text as rows
    from observation
    where area_code = ${areaCode} and ${visibleRows('observation')}
  `.execute(db);
  const rows = JSON.parse(result.rows[0]?.rows ?? '[]') as [
    string,
    string,
    number,
    ProfileInput['reliability'],
    string | null,
    string | null,
    Sensitivity,
  ][];
  return rows.map(([indicatorCode, period, value, reliability, sex, age, sensitivity]) => ({
    indicatorCode,
    period,
    value: Number(value),
    reliability,
    sex,
    age,
    basis: basisOf(sensitivity),
  }));
}

/** Every country, and every sub-national area that has a visible observation. */
export async function findProfiledAreas(
  db: Kysely<Database>,
): Promise<{ areaCode: string; countryCode: string }[]> {
  const rows = await sql<{ area_code: string; country_code: string }>`
    select code as area_code, code as country_code from area where kind = 'country'
    union
    select distinct area_code, country_code from observation
    where area_code <> country_code and ${visibleRows('observation')}
    order by 1
  `.execute(db);
  return rows.rows.map((row) => ({ areaCode: row.area_code, countryCode: row.country_code }));
}

/** A profile as it is stored: the root's figures apart, each top-level node's in `summary`. */
export interface StoredRiskProfile {
  month: string;
  basis: number;
  score: number | null;
  class: string | null;
  change3: number | null;
  change12: number | null;
  completeness: number;
  reliability: number;
  summary: Record<string, unknown>;
  /** The whole profile, packed (the risk package's `packRiskProfile`); JSON to this layer. */
  profile: object;
}

/**
 * Replaces, in one short transaction, an area's profiles under a model version from the month
 * `from` on (every basis): what was stored for those months goes, `rows` come in.
 */
export async function replaceRiskProfiles(
  db: Kysely<Database>,
  scope: { modelVersionId: string; areaCode: string; countryCode: string; from: string; now: Date },
  rows: readonly StoredRiskProfile[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('risk_profile')
      .where('model_version_id', '=', scope.modelVersionId)
      .where('area_code', '=', scope.areaCode)
      .where('month', '>=', scope.from)
      .execute();
    // A few hundred rows of a few kilobytes each: one JSON parameter a chunk, the summary and
    // the profile in it as JSON strings, which the text columns take as they are.
    for (let at = 0; at < rows.length; at += 250) {
      const chunk = rows.slice(at, at + 250);
      await sql`
        insert into risk_profile (model_version_id, area_code, country_code, month, basis, score,
                                  class, change3, change12, completeness, reliability, summary,
                                  profile, computed_at)
        select ${scope.modelVersionId}::uuid, ${scope.areaCode}, ${scope.countryCode}, month,
               basis, score, class, change3, change12, completeness, reliability, summary,
               profile, ${scope.now}::timestamptz
        from json_to_recordset(${JSON.stringify(chunk.map(asText))}::json) as t(
          month text, basis smallint, score float8, class text, change3 float8, change12 float8,
          completeness float8, reliability float8, summary text, profile text)
      `.execute(trx);
    }
  });
}

/** A row with its JSON columns as the text they are stored as. */
function asText(row: StoredRiskProfile) {
  return { ...row, summary: JSON.stringify(row.summary), profile: JSON.stringify(row.profile) };
}

/**
 * The stored profiles of an area at one basis for the months before `before` (at most `months`
 * of them, oldest first): what an incremental recomputation continues the trends from.
 */
export async function findProfilesBefore(
  db: Kysely<Database>,
  scope: {
    modelVersionId: string;
    areaCode: string;
    basis: number;
    before: string;
    months: number;
  },
): Promise<Record<string, unknown>[]> {
  const rows = await db
    .selectFrom('risk_profile')
    .select('profile')
    .where('model_version_id', '=', scope.modelVersionId)
    .where('area_code', '=', scope.areaCode)
    .where('basis', '=', scope.basis)
    .where('month', '<', scope.before)
    .orderBy('month', 'desc')
    .limit(scope.months)
    .execute();
  return rows.reverse().map((row) => JSON.parse(row.profile) as Record<string, unknown>);
}

/** The profile of an area and month a reader may see: the highest basis they are cleared for. */
export interface VisibleRiskProfile extends StoredRiskProfile {
  areaCode: string;
  countryCode: string;
  computedAt: Date;
}

function toVisible(row: RiskProfileRow): VisibleRiskProfile {
  return {
    areaCode: row.area_code,
    countryCode: row.country_code,
    month: row.month,
    basis: row.basis,
    score: row.score,
    class: row.class,
    change3: row.change3,
    change12: row.change12,
    completeness: row.completeness,
    reliability: row.reliability,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
    profile: JSON.parse(row.profile) as object,
    computedAt: row.computed_at,
  };
}

/**
 * The profiles a reader may see under a model version, one per area and month (the highest
 * basis they are cleared for), for a month or range of months and the countries in their scope:
 * every country's for the overview, or one area's series.
 */
export async function findVisibleRiskProfiles(
  db: Kysely<Database>,
  reader: RecordReader,
  filter: {
    modelVersionId: string;
    from: string;
    to: string;
    /** One area; otherwise every country (not their sub-national areas). */
    areaCode?: string;
    /** Instead, the sub-national areas of this country. */
    subnationalOf?: string;
    /** Leave the whole profile out: the overview needs only the summaries. */
    summaryOnly?: boolean;
  },
): Promise<VisibleRiskProfile[]> {
  let query = db
    .selectFrom('risk_profile')
    .distinctOn(['area_code', 'month'])
    .select([
      'area_code',
      'country_code',
      'month',
      'basis',
      'score',
      'class',
      'change3',
      'change12',
      'completeness',
      'reliability',
      'summary',
      'computed_at',
    ])
    .select(filter.summaryOnly ? sql<string>`'{}'`.as('profile') : 'profile')
    .where('model_version_id', '=', filter.modelVersionId)
    .where('month', '>=', filter.from)
    .where('month', '<=', filter.to)
    .where('basis', 'in', basesFor(reader.clearance));
  query = filter.areaCode
    ? query.where('area_code', '=', filter.areaCode)
    : filter.subnationalOf
      ? query
          .where('country_code', '=', filter.subnationalOf)
          .whereRef('area_code', '<>', 'country_code')
      : query.whereRef('area_code', '=', 'country_code');
  if (reader.scope.kind === 'countries') {
    const countries = countryList(reader.scope.countries);
    query = query.where('country_code', 'in', countries);
  }
  const rows = await query.orderBy('area_code').orderBy('month').orderBy('basis', 'desc').execute();
  return rows.map((row) => toVisible(row as RiskProfileRow));
}

/** A stored recomputation run. */
export interface RiskRunRecord {
  id: string;
  kind: 'full' | 'incremental';
  status: 'queued' | 'running' | 'done' | 'failed';
  areas: { areaCode: string; countryCode: string; from: string }[];
  areasTotal: number;
  areasDone: number;
  profilesWritten: number;
  requestedBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  failure: string | null;
}

function toRun(row: RiskRunRow): RiskRunRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    areas: row.areas as RiskRunRecord['areas'],
    areasTotal: row.areas_total,
    areasDone: row.areas_done,
    profilesWritten: row.profiles_written,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    failure: row.failure,
  };
}

export async function insertRiskRun(
  db: Kysely<Database>,
  run: {
    id: string;
    kind: 'full' | 'incremental';
    areas: readonly { areaCode: string; countryCode: string; from: string }[];
    requestedBy: string | null;
    now: Date;
  },
): Promise<RiskRunRecord> {
  const row = await db
    .insertInto('risk_run')
    .values({
      id: run.id,
      kind: run.kind,
      status: 'queued',
      areas: JSON.stringify(run.areas),
      requested_by: run.requestedBy,
      created_at: run.now,
      started_at: null,
      finished_at: null,
      failure: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row);
}

export async function findRiskRun(
  db: Kysely<Database>,
  id: string,
): Promise<RiskRunRecord | undefined> {
  const row = await db.selectFrom('risk_run').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRun(row) : undefined;
}

/** The newest runs first. */
export async function findRiskRuns(db: Kysely<Database>, limit: number): Promise<RiskRunRecord[]> {
  const rows = await db
    .selectFrom('risk_run')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

/** Moves a queued run to running with its number of areas; false when it was not queued. */
export async function startRiskRun(
  db: Kysely<Database>,
  id: string,
  areasTotal: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('risk_run')
    .set({ status: 'running', started_at: now, areas_total: areasTotal })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordRiskRunProgress(
  db: Kysely<Database>,
  id: string,
  progress: { areasDone: number; profilesWritten: number },
): Promise<void> {
  await db
    .updateTable('risk_run')
    .set({ areas_done: progress.areasDone, profiles_written: progress.profilesWritten })
    .where('id', '=', id)
    .execute();
}

export async function endRiskRun(
  db: Kysely<Database>,
  id: string,
  end: { status: 'done' | 'failed'; failure: string | null; now: Date },
): Promise<RiskRunRecord> {
  const row = await db
    .updateTable('risk_run')
    .set({ status: end.status, failure: end.failure, finished_at: end.now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row);
}

/** Runs left running or queued by a process that stopped: failed, so that none waits forever. */
export async function failInterruptedRiskRuns(
  db: Kysely<Database>,
  now: Date,
  createdBefore?: Date,
): Promise<number> {
  let query = db
    .updateTable('risk_run')
    .set({ status: 'failed', failure: 'The server stopped during the run.', finished_at: now })
    .where('status', 'in', ['queued', 'running']);
  if (createdBefore) query = query.where('created_at', '<', createdBefore);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The newest month with a stored profile under a model version, up to `notAfter`. */
export async function findLatestProfileMonth(
  db: Kysely<Database>,
  modelVersionId: string,
  notAfter: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('risk_profile')
    .select((eb) => eb.fn.max('month').as('month'))
    .where('model_version_id', '=', modelVersionId)
    .where('month', '<=', notAfter)
    .executeTakeFirst();
  return row?.month ?? undefined;
}
