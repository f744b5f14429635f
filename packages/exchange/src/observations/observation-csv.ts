import {
  Reliability,
  type Indicator,
  type Observation,
  type Reliability as ReliabilityLevel,
} from '@prevention/core';
import { csvChunks, unguardFormula } from '../csv-cell.js';
import { ExchangeError } from '../exchange-error.js';
import { tableInfo, type Reading } from '../reading.js';
import type { Delimiter } from '../records.js';
import { rowFailure, type RowError, type RowResult } from '../row-result.js';
import { normaliseHeader, openTable } from '../table.js';
import { unknownAreaMessage, type ResolveArea } from './area-resolver.js';
import { indicatorCatalogue, platformIndicators } from './indicator-catalogue.js';
import {
  observationCsvColumns,
  observationCsvRequiredColumns,
  type ObservationCsvColumn,
} from './observation-csv-columns.js';
import {
  buildObservation,
  parseAgeCell,
  parsePeriodCell,
  parseNumberCell,
  parseSexCell,
  type ObservationColumns,
} from './observation-values.js';

export interface ReadObservationCsvOptions {
  resolveArea: ResolveArea;
  /** The source of rows whose `source` cell is empty or absent; without it such rows fail. */
  source?: string;
  /** The reliability of rows without a `reliability` cell; `medium` by default. */
  reliability?: ReliabilityLevel;
  /** The indicators values may be of; the three pillars' catalogues by default. */
  indicators?: readonly Indicator[];
  delimiter?: Delimiter;
}

const columnNames: ObservationColumns = {
  areaCode: 'area',
  period: 'month',
  indicatorCode: 'indicator',
  value: 'value',
  source: 'source',
  sex: 'sex',
  age: 'age',
  reliability: 'reliability',
};

/**
 * Reads a plain CSV of indicator values: columns `area, month, indicator, value` and optionally
 * `source, sex, age, reliability`, by header name in any order. Each row becomes an
 * `Observation`, checked against the indicator catalogue, or a row failure naming each bad cell.
 */
export async function readObservationCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: ReadObservationCsvOptions,
): Promise<Reading<Observation>> {
  const table = await openTable(chunks, {
    format: 'csv',
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
  });
  const indexOf = new Map<ObservationCsvColumn, number>();
  for (const column of table.columns) {
    const name = normaliseHeader(column.header) as ObservationCsvColumn;
    if (observationCsvColumns.includes(name) && !indexOf.has(name)) indexOf.set(name, column.index);
  }
  const missing = observationCsvRequiredColumns.filter((c) => !indexOf.has(c));
  if (missing.length > 0)
    throw new ExchangeError(
      'MISSING_COLUMNS',
      `The header lacks ${missing.join(', ')}: a plain CSV of values has area, month, indicator, value.`,
      1,
    );
  const catalogue = indicatorCatalogue(options.indicators ?? platformIndicators);
  async function* rows(): AsyncGenerator<RowResult<Observation>> {
    for await (const record of table.rows) {
      if (record.malformed) {
        yield rowFailure(record.line, [
          { line: record.line, column: '', message: record.malformed },
        ]);
        continue;
      }
      const cell = (name: ObservationCsvColumn) => {
        const index = indexOf.get(name);
        return index === undefined ? '' : unguardFormula(record.cells[index] ?? '').trim();
      };
      yield observationRow(record.line, cell, options, catalogue);
    }
  }
  return { info: tableInfo(table), rows: rows() };
}

function observationRow(
  line: number,
  cell: (name: ObservationCsvColumn) => string,
  options: ReadObservationCsvOptions,
  catalogue: ReturnType<typeof indicatorCatalogue>,
): RowResult<Observation> {
  const errors: RowError[] = [];
  const fail = (column: string, message: string) => errors.push({ line, column, message });
  const areaCell = cell('area');
  const areaCode = areaCell === '' ? undefined : options.resolveArea(areaCell);
  if (areaCode === undefined) fail('area', unknownAreaMessage(areaCell));
  const period = parsePeriodCell(cell('month'));
  if (typeof period !== 'string') fail('month', period.error);
  const value = parseNumberCell(cell('value'));
  if (typeof value === 'string') fail('value', value);
  const sex = parseSexCell(cell('sex'));
  if (typeof sex === 'object') fail('sex', sex.error);
  const age = parseAgeCell(cell('age'));
  if (typeof age === 'object') fail('age', age.error);
  const source = cell('source') || options.source || '';
  if (source === '') fail('source', 'A source is required: fill the source column or give one');
  const reliabilityCell = cell('reliability').toLowerCase();
  const reliability = Reliability.safeParse(reliabilityCell || options.reliability || 'medium');
  if (!reliability.success) fail('reliability', `${reliabilityCell} is not high, medium or low`);
  const indicatorCode = cell('indicator');
  if (indicatorCode === '') fail('indicator', 'An indicator code is required');
  // Checked here too, so that a row with other bad cells names its unknown indicator as well.
  else if (!catalogue.has(indicatorCode))
    fail('indicator', `${indicatorCode} is not an indicator of the catalogue`);
  if (
    errors.length > 0 ||
    areaCode === undefined ||
    typeof period !== 'string' ||
    typeof value === 'string' ||
    typeof sex === 'object' ||
    typeof age === 'object' ||
    !reliability.success
  )
    return rowFailure(line, errors);
  const built = buildObservation(
    line,
    {
      indicatorCode,
      areaCode,
      period,
      value,
      ...(sex ? { sex } : {}),
      ...(age ? { age } : {}),
      source,
      reliability: reliability.data,
    },
    columnNames,
    catalogue,
  );
  return Array.isArray(built) ? rowFailure(line, built) : { ok: true, line, value: built };
}

/**
 * Observations as a plain CSV: `area, month, indicator, value, source, sex, age, reliability`,
 * one line each, cells quoted as RFC 4180 has it and guarded against formula injection.
 */
export async function* writeObservationCsv(
  observations: AsyncIterable<Observation> | Iterable<Observation>,
  options: { delimiter?: Delimiter } = {},
): AsyncGenerator<string> {
  yield* csvChunks(
    [observationCsvColumns],
    observations,
    (o) => [
      o.areaCode,
      o.period,
      o.indicatorCode,
      String(o.value),
      o.source,
      o.disaggregation?.sex ?? '',
      o.disaggregation?.age ?? '',
      o.reliability,
    ],
    options.delimiter,
  );
}
