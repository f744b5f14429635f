export { ExchangeError, type ExchangeErrorReason } from './exchange-error.js';
export {
  decodeText,
  encodingPrefixBytes,
  firstInvalidUtf8Offset,
  type DecodedText,
  type TextEncodingName,
} from './decode.js';
export {
  delimiters,
  maxRecordChars,
  openCsv,
  sniffDelimiter,
  type CsvRecord,
  type CsvRecords,
  type Delimiter,
  type OpenCsvOptions,
} from './records.js';
export {
  formatHashtag,
  isHashtagRow,
  matchesHashtag,
  parseHashtag,
  type Hashtag,
} from './hashtag.js';
export {
  exchangeFormats,
  hashtagRowSearchLimit,
  openTable,
  type ExchangeFormat,
  type OpenTableOptions,
  type Table,
  type TableColumn,
} from './table.js';
export { inspect, type Inspection } from './inspect.js';
export type { Reading, TableInfo } from './reading.js';
export type { RowError, RowResult } from './row-result.js';
export {
  csvChunks,
  formatCsvLine,
  guardFormula,
  quoteCell,
  unguardFormula,
  writerChunkChars,
} from './csv-cell.js';
export { acledColumns, acledRequiredColumns, type AcledColumn } from './acled/acled-columns.js';
export { acledColumnOfPath, readAcled, type AcledEvent } from './acled/acled-reader.js';
export { acledRowOf, writeAcledCsv, type WriteAcledOptions } from './acled/acled-writer.js';
export type { ResolveArea } from './observations/area-resolver.js';
export { platformIndicators } from './observations/indicator-catalogue.js';
export {
  observationCsvColumns,
  observationCsvRequiredColumns,
  type ObservationCsvColumn,
} from './observations/observation-csv-columns.js';
export {
  readObservationCsv,
  writeObservationCsv,
  type ReadObservationCsvOptions,
} from './observations/observation-csv.js';
export {
  parseMonthCell,
  parseNumberCell,
  parsePeriodCell,
} from './observations/observation-values.js';
export { HxlMapping, HxlPattern } from './hxl/hxl-mapping.js';
export { disaggregationOfAttributes } from './hxl/hxl-disaggregation.js';
export { readHxl, type ReadHxlOptions } from './hxl/hxl-reader.js';
export {
  observationHxlColumns,
  observationHxlMapping,
  writeObservationHxl,
} from './hxl/hxl-writer.js';
export {
  hxlShapeKey,
  knownHxlIndicators,
  suggestHxlMapping,
  type HxlMappingSuggestion,
  type UnmappedColumn,
} from './hxl/hxl-shape.js';
export { BoundaryGeometry, BoundaryPosition, pointCount } from './boundaries/boundary-geometry.js';
export {
  inspectBoundaries,
  looksLikeJson,
  maxGeoJsonChars,
  readBoundaries,
  type BoundaryFeature,
  type BoundaryInfo,
  type BoundaryReading,
  type ReadBoundariesOptions,
} from './boundaries/boundary-reader.js';
export { detectCodeProperty, detectNameProperty } from './boundaries/boundary-properties.js';
export {
  defaultMaxPoints,
  defaultTolerance,
  simplifyBoundaries,
  type SimplifiedBoundary,
  type SimplifyOptions,
} from './boundaries/simplify-boundaries.js';
export { fileFormats, inspectFile, type FileFormat, type FileInspection } from './inspect-file.js';
