import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import { outcomesByRow, visibleRows, type StageResult, type StagedOutcome } from './imports.js';

/** An area's outline as an import stages it: resolved, scoped and simplified by the caller. */
export interface StagedBoundary {
  id: string;
  /** The feature's number in the file, from 1. */
  line: number;
  areaCode: string;
  countryCode: string;
  /** A GeoJSON Polygon or MultiPolygon, as JSON text. */
  geometry: string;
  points: number;
  sourcePoints: number;
  nameInSource: string | null;
}

/** An area's current outline. */
export interface AreaBoundaryRecord {
  areaCode: string;
  countryCode: string;
  /** A GeoJSON Polygon or MultiPolygon, parsed; the caller's schema checks it. */
  geometry: unknown;
  points: number;
  sourcePoints: number;
  importBatchId: string | null;
  createdAt: Date;
}

/**
 * Writes a chunk of outlines into the batch in one statement: an area whose visible outline is
 * the same text is `unchanged`; one with another is written as the outline that replaces it on
 * commit (`updated`); an area without one is `added`. An area twice in one batch is a duplicate.
 */
export async function stageBoundaries(
  db: Kysely<Database>,
  batch: { id: string; createdBy: string; now: Date },
  rows: readonly StagedBoundary[],
): Promise<StageResult> {
  if (rows.length === 0) return { outcomes: [], duplicates: [] };
  const result = await sql<{ n: number; outcome: StagedOutcome }>`
    with input as (
      select * from rows from (
        json_to_recordset(${JSON.stringify(rows)}::json) as (
          id uuid, line int, "areaCode" text, "countryCode" text, geometry text, points int,
          "sourcePoints" int, "nameInSource" text)
      ) with ordinality as t(id, source_row, area_code, country_code, geometry, points,
             source_points, name_in_source, n)
    ),
    matched as (
      select input.*, current.id as current_id,
             current.id is not null and current.geometry = input.geometry as same
      from input
      left join lateral (
        select area_boundary.id, area_boundary.geometry from area_boundary
        where area_boundary.area_code = input.area_code and ${visibleRows('area_boundary')}
        limit 1
      ) as current on true
    ),
    inserted as (
      insert into area_boundary (id, area_code, country_code, geometry, points, source_points,
                                 name_in_source, import_batch_id, source_row, replaces,
                                 created_by, created_at)
      select id, area_code, country_code, geometry, points, source_points, name_in_source,
             ${batch.id}::uuid, source_row, current_id, ${batch.createdBy}::uuid,
             ${batch.now}::timestamptz
      from matched
      where not same
      on conflict (import_batch_id, area_code) where import_batch_id is not null do nothing
      returning id, replaces
    )
    select matched.n, case when inserted.replaces is null then 'added' else 'updated' end as outcome
    from inserted join matched on matched.id = inserted.id
    union all
    select n, 'unchanged' from matched where same
  `.execute(db);
  const outcomes = outcomesByRow(rows.length, result.rows);
  const missing = rows.filter((_, i) => outcomes[i] === undefined);
  if (missing.length === 0) return { outcomes, duplicates: [] };
  const earlier = await db
    .selectFrom('area_boundary')
    .select(['area_code', 'source_row'])
    .where('import_batch_id', '=', batch.id)
    .where(
      'area_code',
      'in',
      missing.map((row) => row.areaCode),
    )
    .execute();
  const firstLine = new Map(earlier.map((r) => [r.area_code, r.source_row ?? 0]));
  return {
    outcomes,
    duplicates: missing.map((row) => ({
      line: row.line,
      firstLine: firstLine.get(row.areaCode) ?? 0,
    })),
  };
}

/**
 * The current outlines of a country's sub-national areas, by area code. The caller has checked
 * the country against the reader's scope: outlines are public reference data once imported.
 */
export async function findCountryBoundaries(
  db: Kysely<Database>,
  countryCode: string,
): Promise<AreaBoundaryRecord[]> {
  const rows = await db
    .selectFrom('area_boundary')
    .select([
      'area_code',
      'country_code',
      'geometry',
      'points',
      'source_points',
      'import_batch_id',
      'created_at',
    ])
    .where('country_code', '=', countryCode)
    .where(visibleRows('area_boundary'))
    .orderBy('area_code')
    .execute();
  return rows.map((row) => ({
    areaCode: row.area_code,
    countryCode: row.country_code,
    geometry: JSON.parse(row.geometry) as unknown,
    points: row.points,
    sourcePoints: row.source_points,
    importBatchId: row.import_batch_id,
    createdAt: row.created_at,
  }));
}
