import {
  CountryCode,
  isCleared,
  sensitivityLevels,
  type Observation,
  type Sensitivity,
} from '@prevention/core';
import type { Kysely } from 'kysely';
import type { Database, ObservationRow } from '../database.js';
import { visibleRows } from './imports.js';
import type { RecordReader } from './signals.js';

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
  const levels = sensitivityLevels.filter((level) => isCleared(reader.clearance, level));
  let query = db
    .selectFrom('observation')
    .selectAll()
    .where('sensitivity', 'in', levels)
    .where(visibleRows('observation'));
  if (reader.scope.kind === 'countries') {
    const countries = reader.scope.countries.length > 0 ? [...reader.scope.countries] : [''];
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
