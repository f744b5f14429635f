import {
  CountryCode,
  sensitivityLevels,
  type Observation,
  type Sensitivity,
} from '@prevention/core';
import { sql, type Kysely } from 'kysely';
import type { Database, ObservationRow } from '../database.js';
import { visibleRows } from './imports.js';
import { type RecordReader, clearedLevels, countryList } from './signals.js';

/** A stored observation: the value, its country, sensitivity and where it came from. */
export interface ObservationRecord extends Observation {
  id: string;
  countryCode: string;
  sensitivity: Sensitivity;
  provenance: { batchId: string; line: number } | null;
}

export interface ObservationFilter {
  /** A country (all its areas) or a sub-national area. */
  areaCode?: string;
  indicatorCode?: string;
  /** The pillar whose indicators to read (the part of the code before the dot). */
  pillar?: string;
  /** Periods from and to, both included, compared as text (`2026-03` ≤ `2026-09`). */
  from?: string;
  to?: string;
}

/**
 * Visible observations in the reader's countries at or below their clearance, in key order,
 * a page at a time after `afterId` (an export walks them all this way with flat memory).
 */
export async function findVisibleObservations(
  db: Kysely<Database>,
  reader: RecordReader,
  filter: ObservationFilter,
  page: { afterId?: string; limit: number } = { limit: 1000 },
): Promise<ObservationRecord[]> {
  const levels = clearedLevels(reader.clearance);
  let query = db
    .selectFrom('observation')
    .selectAll()
    .where('sensitivity', 'in', levels)
    .where(visibleRows('observation'));
  if (reader.scope.kind === 'countries') {
    const countries = countryList(reader.scope.countries);
    query = query.where('country_code', 'in', countries);
  }
  if (filter.areaCode) {
    query = CountryCode.safeParse(filter.areaCode).success
      ? query.where('country_code', '=', filter.areaCode)
      : query.where('area_code', '=', filter.areaCode);
  }
  if (filter.indicatorCode) query = query.where('indicator_code', '=', filter.indicatorCode);
  if (filter.pillar) query = query.where('indicator_code', 'like', `${filter.pillar}.%`);
  if (filter.from) query = query.where('period', '>=', filter.from);
  if (filter.to) query = query.where('period', '<=', filter.to);
  if (page.afterId) query = query.where('id', '>', page.afterId);
  const rows = await query.orderBy('id').limit(page.limit).execute();
  return rows.map(toObservationRecord);
}

function toObservationRecord(row: ObservationRow): ObservationRecord {
  const disaggregation = {
    ...(row.sex ? { sex: row.sex } : {}),
    ...(row.age ? { age: row.age } : {}),
  } as Observation['disaggregation'];
  return {
    id: row.id,
    indicatorCode: row.indicator_code,
    areaCode: row.area_code,
    period: row.period,
    value: row.value,
    ...(row.sex || row.age ? { disaggregation } : {}),
    source: row.source,
    reliability: row.reliability,
    countryCode: row.country_code,
    sensitivity: row.sensitivity,
    provenance:
      row.import_batch_id && row.source_row
        ? { batchId: row.import_batch_id, line: row.source_row }
        : null,
  };
}

/**
 * Where a stored observation came from: a file's import (its batch), the pillars' derivation
 * from signals (no batch, a source starting "Derived from", as `replaceDerivedObservations`
 * writes them), or neither on record.
 */
export type ObservationOrigin = 'imported' | 'derived' | 'unrecorded';

/** A stored observation with where it came from and when it was recorded. */
export interface ObservationWithOrigin extends ObservationRecord {
  origin: ObservationOrigin;
  recordedAt: Date;
}

/** Indicators and the periods to read them for: what one validity window allows. */
export interface IndicatorPeriods {
  indicatorCodes: readonly string[];
  periods: readonly string[];
}

/**
 * The visible totals (neither for one sex nor for one age group) of exactly one area — not of
 * the areas inside it, as its profile reads them — for each group's indicators in that group's
 * periods, as far as the reader's countries and clearance allow: at most `limit`, by indicator
 * and newest period first, `truncated` when there were more; and how many more the reader's
 * clearance withholds, counted without reading them. Two statements, each a scan of
 * `observation_key_idx` (indicator, area, period).
 */
export async function findObservationsInPeriods(
  db: Kysely<Database>,
  reader: RecordReader,
  request: { areaCode: string; groups: readonly IndicatorPeriods[]; limit: number },
): Promise<{ observations: ObservationWithOrigin[]; truncated: boolean; withheld: number }> {
  const groups = request.groups.filter((g) => g.indicatorCodes.length > 0 && g.periods.length > 0);
  if (groups.length === 0) return { observations: [], truncated: false, withheld: 0 };
  const levels = clearedLevels(reader.clearance);
  let candidates = db
    .selectFrom('observation')
    .where('area_code', '=', request.areaCode)
    .where('sex', 'is', null)
    .where('age', 'is', null)
    .where((eb) =>
      eb.or(
        groups.map((group) =>
          eb.and([
            eb('indicator_code', 'in', [...group.indicatorCodes]),
            eb('period', 'in', [...group.periods]),
          ]),
        ),
      ),
    )
    .where(visibleRows('observation'));
  if (reader.scope.kind === 'countries') {
    const countries = countryList(reader.scope.countries);
    candidates = candidates.where('country_code', 'in', countries);
  }
  const rows = await candidates
    .selectAll()
    .where('sensitivity', 'in', levels)
    .orderBy('indicator_code')
    .orderBy('period', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(request.limit + 1)
    .execute();
  const withheld =
    levels.length === sensitivityLevels.length
      ? 0
      : Number(
          (
            await candidates
              .select((eb) => eb.fn.countAll().as('count'))
              .where('sensitivity', 'not in', levels)
              .executeTakeFirst()
          )?.count ?? 0,
        );
  return {
    observations: rows.slice(0, request.limit).map((row) => ({
      ...toObservationRecord(row),
      origin: originOf(row),
      recordedAt: row.created_at,
    })),
    truncated: rows.length > request.limit,
    withheld,
  };
}

function originOf(row: ObservationRow): ObservationOrigin {
  if (row.import_batch_id) return 'imported';
  return row.source.startsWith('Derived from ') ? 'derived' : 'unrecorded';
}

/** A derived value as the derivation writes it: no batch, the strictest of its signals' levels. */
export interface DerivedObservation {
  id: string;
  indicatorCode: string;
  areaCode: string;
  countryCode: string;
  period: string;
  sex: string | null;
  age: string | null;
  source: string;
  value: number;
  reliability: 'high' | 'medium' | 'low';
  sensitivity: Sensitivity;
}

/**
 * The pillars that have anything to derive for an area: visible signals, or derived values
 * that a re-derivation may have to remove. A pillar with neither derives nothing there.
 */
export async function findDerivingPillars(
  db: Kysely<Database>,
  areaCode: string,
): Promise<Set<string>> {
  const result = await sql<{ pillar: string }>`
    select distinct pillar from signal where area_code = ${areaCode} and ${visibleRows('signal')}
    union
    select distinct split_part(indicator_code, '.', 1) from observation
    where area_code = ${areaCode} and import_batch_id is null and source like 'Derived from %'
  `.execute(db);
  return new Set(result.rows.map((row) => row.pillar));
}

/**
 * Replaces, in one short transaction, a pillar's derived observations of one area for the months
 * `from`–`to`: what derivation wrote before for them goes, the new values come in. Derived
 * observations are the ones without a batch whose source starts with "Derived from".
 */
export async function replaceDerivedObservations(
  db: Kysely<Database>,
  scope: {
    pillar: string;
    areaCode: string;
    from: string;
    to: string;
    createdBy: string;
    now: Date;
  },
  rows: readonly DerivedObservation[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('observation')
      .where('area_code', '=', scope.areaCode)
      .where('period', '>=', scope.from)
      .where('period', '<=', scope.to)
      .where('indicator_code', 'like', `${scope.pillar}.%`)
      .where('import_batch_id', 'is', null)
      .where('source', 'like', 'Derived from %')
      .execute();
    for (let at = 0; at < rows.length; at += 2_000) {
      const chunk = rows.slice(at, at + 2_000);
      await trx
        .insertInto('observation')
        .values(
          chunk.map((row) => ({
            id: row.id,
            indicator_code: row.indicatorCode,
            area_code: row.areaCode,
            country_code: row.countryCode,
            period: row.period,
            sex: row.sex,
            age: row.age,
            source: row.source,
            value: row.value,
            reliability: row.reliability,
            sensitivity: row.sensitivity,
            import_batch_id: null,
            source_row: null,
            replaces: null,
            superseded_by: null,
            created_by: scope.createdBy,
            created_at: scope.now,
          })),
        )
        .execute();
    }
  });
}

/** The populations of an area by period (`YYYY` or `YYYY-MM`), from visible observations. */
export async function findPopulations(
  db: Kysely<Database>,
  areaCode: string,
): Promise<{ period: string; value: number }[]> {
  const rows = await db
    .selectFrom('observation')
    .select(['period', 'value'])
    .where('indicator_code', '=', 'development.population')
    .where('area_code', '=', areaCode)
    .where('sex', 'is', null)
    .where('age', 'is', null)
    .where(visibleRows('observation'))
    .orderBy('period')
    .execute();
  return rows;
}

/**
 * The areas and months an import batch touched: those of its rows and of the rows it replaced,
 * so that derived values can be brought up to date after it commits or rolls back.
 */
export async function findTouchedAreaMonths(
  db: Kysely<Database>,
  batchId: string,
  target: 'signals' | 'observations' | 'boundaries',
): Promise<{ areaCode: string; countryCode: string; month: string }[]> {
  // An outline changes no figure of any month.
  if (target === 'boundaries') return [];
  const result =
    target === 'signals'
      ? await sql<{ area_code: string; country_code: string; month: string }>`
          select distinct area_code, country_code, to_char(occurred_on, 'YYYY-MM') as month
          from signal
          where import_batch_id = ${batchId}::uuid
             or id in (select replaces from signal where import_batch_id = ${batchId}::uuid and replaces is not null)
        `.execute(db)
      : await sql<{ area_code: string; country_code: string; month: string }>`
          select distinct area_code, country_code,
                 case when length(period) = 4 then period || '-01'
                      when period like '____-Q_'
                        then left(period, 5) || lpad(((substr(period, 7, 1)::int - 1) * 3 + 1)::text, 2, '0')
                      else left(period, 7) end as month
          from observation where import_batch_id = ${batchId}::uuid
            and indicator_code = 'development.population'
        `.execute(db);
  return result.rows.map((r) => ({
    areaCode: r.area_code,
    countryCode: r.country_code,
    month: r.month,
  }));
}
