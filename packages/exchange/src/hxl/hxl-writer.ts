import { countryOfArea, type Observation } from '@prevention/core';
import { csvChunks } from '../csv-cell.js';
import type { Delimiter } from '../records.js';
import type { HxlMapping } from './hxl-mapping.js';

/** The columns of the HXL this package writes: one observation per row ("long" layout). */
export const observationHxlColumns = [
  ['Country', '#country+code'],
  ['Area', '#loc+code'],
  ['Month', '#date+month'],
  ['Indicator', '#indicator+code'],
  ['Value', '#indicator+num+value'],
  ['Sex', '#meta+sex'],
  ['Age', '#meta+age'],
  ['Source', '#meta+source'],
  ['Reliability', '#meta+reliability'],
] as const;

/** The mapping that reads back what `writeObservationHxl` writes. */
export const observationHxlMapping: HxlMapping = {
  area: ['#loc+code', '#country+code'],
  period: '#date',
  values: {
    layout: 'long',
    indicator: '#indicator+code',
    value: '#indicator+value',
    sex: '#meta+sex',
    age: '#meta+age',
  },
  source: { column: '#meta+source' },
  reliability: 'medium',
  reliabilityColumn: '#meta+reliability',
};

/**
 * Observations as HXL-tagged CSV: a header row, the hashtag row, then one observation per row
 * (see `observationHxlColumns`). `#country+code` is the ISO3 code of the area's country, so a
 * tool that knows no P-codes can still aggregate by country.
 */
export async function* writeObservationHxl(
  observations: AsyncIterable<Observation> | Iterable<Observation>,
  options: { delimiter?: Delimiter } = {},
): AsyncGenerator<string> {
  yield* csvChunks(
    [observationHxlColumns.map(([header]) => header), observationHxlColumns.map(([, tag]) => tag)],
    observations,
    (o) => [
      countryOfArea(o.areaCode)?.code ?? '',
      o.areaCode,
      o.period,
      o.indicatorCode,
      String(o.value),
      o.disaggregation?.sex ?? '',
      o.disaggregation?.age ?? '',
      o.source,
      o.reliability,
    ],
    options.delimiter,
  );
}
