import {
  CountryCode,
  Id,
  isCleared,
  sensitivityLevels,
  Signal,
  type ScopeLike,
  type Sensitivity,
} from '@prevention/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, SignalRow } from '../database.js';
import { visibleRows } from './imports.js';

/** A stored signal: the envelope, the country its area belongs to, and who recorded it when. */
export const SignalRecord = Signal.extend({
  countryCode: CountryCode,
  createdBy: Id,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Where an imported signal came from: its import batch and the file's line (from 1). */
  provenance: z.object({ batchId: Id, line: z.number().int().positive() }).nullable(),
});
export type SignalRecord = z.infer<typeof SignalRecord>;

/**
 * Who is reading: every query below is limited to the reader's countries and to records at or
 * below their clearance, in SQL. A record outside either is, for this reader, not there.
 */
export interface RecordReader {
  scope: ScopeLike;
  clearance: Sensitivity;
}

/** The levels a reader is cleared for, for a `sensitivity in (…)` condition. */
export function clearedLevels(clearance: Sensitivity): Sensitivity[] {
  return sensitivityLevels.filter((level) => isCleared(clearance, level));
}

/**
 * A reader's countries for a `country_code in (…)` condition. An empty list would be `in ()`,
 * which is not SQL; a scope always names a country, but a reader with none sees nothing.
 */
export function countryList(countries: readonly string[]): string[] {
  return countries.length > 0 ? [...countries] : [''];
}

export async function insertSignal(
  db: Kysely<Database>,
  signal: Signal,
  meta: { countryCode: string; createdBy: string; now: Date },
): Promise<SignalRecord> {
  const row = await db
    .insertInto('signal')
    .values({
      id: signal.id,
      pillar: signal.pillar,
      kind: signal.kind,
      area_code: signal.areaCode,
      country_code: meta.countryCode,
      occurred_on: signal.occurredOn,
      title: signal.title,
      severity: signal.severity,
      verification: signal.verification,
      source: signal.source,
      sensitivity: signal.sensitivity,
      field_sensitivity: JSON.stringify(signal.fieldSensitivity),
      payload: JSON.stringify(signal.payload),
      created_by: meta.createdBy,
      created_at: meta.now,
      updated_at: meta.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSignalRecord(row);
}

export async function findSignalById(
  db: Kysely<Database>,
  reader: RecordReader,
  id: string,
): Promise<SignalRecord | undefined> {
  const row = await readable(db, reader).where('id', '=', id).executeTakeFirst();
  return row ? toSignalRecord(row) : undefined;
}

export interface SignalFilter {
  /** A country (all its areas) or a sub-national area. */
  areaCode?: string;
  pillar?: string;
  kind?: string;
  /** Dates the signal occurred on, from and to, both included (`YYYY-MM-DD`). */
  from?: string;
  to?: string;
}

/** Signals newest first, a page at a time (`beforeId` is the last id of the page before). */
export async function findSignals(
  db: Kysely<Database>,
  reader: RecordReader,
  filter: SignalFilter,
  page: { beforeId?: string; limit: number },
): Promise<{ signals: SignalRecord[]; nextCursor: string | null }> {
  let query = readable(db, reader);
  if (filter.areaCode) {
    query = CountryCode.safeParse(filter.areaCode).success
      ? query.where('country_code', '=', filter.areaCode)
      : query.where('area_code', '=', filter.areaCode);
  }
  if (filter.pillar) query = query.where('pillar', '=', filter.pillar);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.from) query = query.where('occurred_on', '>=', filter.from);
  if (filter.to) query = query.where('occurred_on', '<=', filter.to);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const signals = rows.slice(0, page.limit).map(toSignalRecord);
  const last = signals.at(-1);
  return { signals, nextCursor: rows.length > page.limit && last ? last.id : null };
}

function readable(db: Kysely<Database>, reader: RecordReader) {
  const levels = clearedLevels(reader.clearance);
  let query = db
    .selectFrom('signal')
    .selectAll()
    .where('sensitivity', 'in', levels)
    .where(visibleRows('signal'));
  if (reader.scope.kind === 'countries') {
    const countries = countryList(reader.scope.countries);
    query = query.where('country_code', 'in', countries);
  }
  return query;
}

function toSignalRecord(row: SignalRow): SignalRecord {
  return {
    id: row.id,
    pillar: row.pillar,
    kind: row.kind,
    areaCode: row.area_code,
    occurredOn: row.occurred_on,
    title: row.title,
    severity: row.severity,
    verification: row.verification,
    source: row.source,
    sensitivity: row.sensitivity,
    fieldSensitivity: row.field_sensitivity,
    payload: row.payload,
    countryCode: row.country_code,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    provenance:
      row.import_batch_id && row.source_row
        ? { batchId: row.import_batch_id, line: row.source_row }
        : null,
  };
}

/**
 * Every visible signal of a pillar in one area between two dates, whatever its sensitivity:
 * for the derivation of indicators, which stamps each derived value with the strictest level
 * of the signals it counts, never for a reader.
 */
export async function findSignalsForDerivation(
  db: Kysely<Database>,
  filter: { pillar: string; areaCode: string; from: string; to: string },
): Promise<Signal[]> {
  const rows = await db
    .selectFrom('signal')
    .selectAll()
    .where('pillar', '=', filter.pillar)
    .where('area_code', '=', filter.areaCode)
    .where('occurred_on', '>=', filter.from)
    .where('occurred_on', '<=', filter.to)
    .where(visibleRows('signal'))
    .orderBy('occurred_on')
    .execute();
  // The envelope only: who recorded it, when, and its provenance do not count.
  return rows.map((row) => Signal.parse(toSignalRecord(row)));
}
