import {
  Reliability,
  type AgeGroup,
  type Indicator,
  type Observation,
  type Sex,
} from '@prevention/core';
import { unguardFormula } from '../csv-cell.js';
import { ExchangeError } from '../exchange-error.js';
import { matchesHashtag, parseHashtag } from '../hashtag.js';
import {
  buildObservation,
  parseAgeCell,
  parsePeriodCell,
  parseNumberCell,
  parseSexCell,
} from '../observations/observation-values.js';
import { unknownAreaMessage, type ResolveArea } from '../observations/area-resolver.js';
import {
  indicatorCatalogue,
  platformIndicators,
  type IndicatorCatalogue,
} from '../observations/indicator-catalogue.js';
import { tableInfo, type Reading } from '../reading.js';
import type { CsvRecord, Delimiter } from '../records.js';
import { rowFailure, type RowError, type RowResult } from '../row-result.js';
import { openTable } from '../table.js';
import { disaggregationOfAttributes } from './hxl-disaggregation.js';
import { HxlMapping } from './hxl-mapping.js';
import { firstMatch, taggedColumns, type TaggedColumn } from './hxl-columns.js';

export interface ReadHxlOptions {
  mapping: HxlMapping;
  resolveArea: ResolveArea;
  /** The indicators values may be of; the three pillars' catalogues by default. */
  indicators?: readonly Indicator[];
  delimiter?: Delimiter;
}

interface WideColumn {
  column: TaggedColumn;
  indicator: string;
  sex?: Sex;
  age?: AgeGroup;
}

/** A mapping applied to one file's columns: which column feeds what. */
interface BoundMapping {
  area: TaggedColumn[];
  period: TaggedColumn;
  wide: WideColumn[] | null;
  long: {
    indicator: TaggedColumn;
    value: TaggedColumn;
    sex?: TaggedColumn;
    age?: TaggedColumn;
  } | null;
  source: { column?: TaggedColumn; text?: string };
  reliability: Reliability;
  reliabilityColumn?: TaggedColumn;
}

/**
 * Reads HXL-tagged CSV as observations through a mapping (see `HxlMapping`). Each data row
 * gives the observations of its non-empty value cells — possibly none — or a row failure naming
 * each bad cell by its column's hashtag. Untagged columns are ignored. A mapping that does not
 * fit the file's columns is a `BAD_MAPPING` error before any row is read.
 */
export async function readHxl(
  chunks: AsyncIterable<Uint8Array>,
  options: ReadHxlOptions,
): Promise<Reading<Observation[]>> {
  const mapping = HxlMapping.parse(options.mapping);
  const table = await openTable(chunks, {
    format: 'hxl',
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
  });
  const bound = bindMapping(mapping, taggedColumns(table.columns));
  const catalogue = indicatorCatalogue(options.indicators ?? platformIndicators);
  async function* rows(): AsyncGenerator<RowResult<Observation[]>> {
    for await (const record of table.rows) {
      if (record.malformed) {
        yield rowFailure(record.line, [
          { line: record.line, column: '', message: record.malformed },
        ]);
        continue;
      }
      yield hxlRow(record, bound, options.resolveArea, catalogue);
    }
  }
  return { info: tableInfo(table), rows: rows() };
}

function required(columns: readonly TaggedColumn[], pattern: string, role: string): TaggedColumn {
  const found = firstMatch(columns, pattern);
  if (!found)
    throw new ExchangeError('BAD_MAPPING', `No column matches ${pattern}, the mapping's ${role}.`);
  return found;
}

function optional(columns: readonly TaggedColumn[], pattern: string | undefined, role: string) {
  return pattern === undefined ? undefined : required(columns, pattern, role);
}

function bindMapping(mapping: HxlMapping, columns: readonly TaggedColumn[]): BoundMapping {
  const area = mapping.area.flatMap((p) => firstMatch(columns, p) ?? []);
  if (area.length === 0)
    throw new ExchangeError(
      'BAD_MAPPING',
      `No column matches the area (${mapping.area.join(', ')}).`,
    );
  const source =
    'text' in mapping.source
      ? { text: mapping.source.text }
      : {
          column: required(columns, mapping.source.column, 'source'),
          ...(mapping.source.fallback ? { text: mapping.source.fallback } : {}),
        };
  const reliabilityColumn = optional(columns, mapping.reliabilityColumn, 'reliability');
  const base = {
    area,
    period: required(columns, mapping.period, 'period'),
    source,
    reliability: mapping.reliability,
    ...(reliabilityColumn ? { reliabilityColumn } : {}),
  };
  const values = mapping.values;
  if (values.layout === 'long') {
    const sex = optional(columns, values.sex, 'sex');
    const age = optional(columns, values.age, 'age');
    return {
      ...base,
      wide: null,
      long: {
        indicator: required(columns, values.indicator, 'indicator'),
        value: required(columns, values.value, 'value'),
        ...(sex ? { sex } : {}),
        ...(age ? { age } : {}),
      },
    };
  }
  const patterns = values.columns.map((entry) => ({
    ...entry,
    hashtag: parseHashtag(entry.pattern),
  }));
  const wide: WideColumn[] = [];
  const problems: string[] = [];
  for (const column of columns) {
    let best: (typeof patterns)[number] | undefined;
    for (const entry of patterns) {
      if (!entry.hashtag || !matchesHashtag(column.hashtag, entry.hashtag)) continue;
      if (!best || entry.hashtag.attributes.length > (best.hashtag?.attributes.length ?? 0))
        best = entry;
    }
    if (!best) continue;
    const split = disaggregationOfAttributes(column.hashtag.attributes);
    if (split.problem) {
      problems.push(`${column.name} ${split.problem}`);
      continue;
    }
    wide.push({
      column,
      indicator: best.indicator,
      ...(split.sex ? { sex: split.sex } : {}),
      ...(split.age ? { age: split.age } : {}),
    });
  }
  if (problems.length > 0)
    throw new ExchangeError('BAD_MAPPING', `Cannot read sex and age: ${problems.join('; ')}.`);
  if (wide.length === 0)
    throw new ExchangeError(
      'BAD_MAPPING',
      `No column matches the value patterns (${values.columns.map((c) => c.pattern).join(', ')}).`,
    );
  return { ...base, wide, long: null };
}

function hxlRow(
  record: CsvRecord,
  bound: BoundMapping,
  resolveArea: ResolveArea,
  catalogue: IndicatorCatalogue,
): RowResult<Observation[]> {
  const { line } = record;
  const cell = (column: TaggedColumn | undefined) =>
    column ? unguardFormula(record.cells[column.index] ?? '').trim() : '';
  const errors: RowError[] = [];
  const fail = (column: TaggedColumn | undefined, message: string) =>
    errors.push({ line, column: column?.name ?? '', message });

  const areaColumn = bound.area.find((c) => cell(c) !== '') ?? bound.area[0];
  const areaCell = cell(areaColumn);
  const areaCode = areaCell === '' ? undefined : resolveArea(areaCell);
  if (areaCode === undefined) fail(areaColumn, unknownAreaMessage(areaCell));
  const period = parsePeriodCell(cell(bound.period));
  if (typeof period !== 'string') fail(bound.period, period.error);
  const source = cell(bound.source.column) || bound.source.text || '';
  if (source === '') fail(bound.source.column, 'A source is required');
  const reliabilityCell = cell(bound.reliabilityColumn).toLowerCase();
  const reliability = Reliability.safeParse(reliabilityCell || bound.reliability);
  if (!reliability.success)
    fail(bound.reliabilityColumn, `${reliabilityCell} is not high, medium or low`);

  interface Entry {
    column: TaggedColumn;
    indicator: string;
    value: number;
    sex?: Sex;
    age?: AgeGroup;
    sexColumn?: TaggedColumn;
    ageColumn?: TaggedColumn;
  }
  const entries: Entry[] = [];
  if (bound.wide) {
    for (const wide of bound.wide) {
      const text = cell(wide.column);
      if (text === '') continue;
      const value = parseNumberCell(text);
      if (typeof value === 'string') fail(wide.column, value);
      else entries.push({ ...wide, value });
    }
  } else if (bound.long) {
    const { indicator, value: valueColumn, sex: sexColumn, age: ageColumn } = bound.long;
    const text = cell(valueColumn);
    if (text !== '') {
      const value = parseNumberCell(text);
      const sex = parseSexCell(cell(sexColumn));
      const age = parseAgeCell(cell(ageColumn));
      if (typeof value === 'string') fail(valueColumn, value);
      if (typeof sex === 'object') fail(sexColumn, sex.error);
      if (typeof age === 'object') fail(ageColumn, age.error);
      const code = cell(indicator);
      if (code === '') fail(indicator, 'An indicator code is required');
      if (typeof value === 'number' && typeof sex !== 'object' && typeof age !== 'object')
        entries.push({
          column: valueColumn,
          indicator: code,
          value,
          ...(sex ? { sex } : {}),
          ...(age ? { age } : {}),
          ...(sexColumn ? { sexColumn } : {}),
          ...(ageColumn ? { ageColumn } : {}),
        });
    }
  }
  if (
    errors.length > 0 ||
    areaCode === undefined ||
    typeof period !== 'string' ||
    !reliability.success
  )
    return rowFailure(line, errors);

  const observations: Observation[] = [];
  for (const entry of entries) {
    const indicatorColumn = bound.long ? bound.long.indicator.name : entry.column.name;
    const built = buildObservation(
      line,
      {
        indicatorCode: entry.indicator,
        areaCode,
        period,
        value: entry.value,
        ...(entry.sex ? { sex: entry.sex } : {}),
        ...(entry.age ? { age: entry.age } : {}),
        source,
        reliability: reliability.data,
      },
      {
        indicatorCode: indicatorColumn,
        areaCode: areaColumn?.name ?? '',
        period: bound.period.name,
        value: entry.column.name,
        sex: entry.sexColumn?.name ?? entry.column.name,
        age: entry.ageColumn?.name ?? entry.column.name,
        source: bound.source.column?.name ?? '',
        reliability: bound.reliabilityColumn?.name ?? '',
      },
      catalogue,
    );
    if (Array.isArray(built)) errors.push(...built);
    else observations.push(built);
  }
  return errors.length > 0 ? rowFailure(line, errors) : { ok: true, line, value: observations };
}
