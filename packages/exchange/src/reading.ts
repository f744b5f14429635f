import type { TextEncodingName } from './decode.js';
import type { Delimiter } from './records.js';
import type { RowResult } from './row-result.js';
import type { ExchangeFormat, Table, TableColumn } from './table.js';

/** What was found about a file before its rows: the same facts `inspect` reports. */
export interface TableInfo {
  format: ExchangeFormat;
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: Delimiter;
  hashtagRow: number | null;
  columns: TableColumn[];
}

/** A file being read: its facts, and its rows as they stream (each read once). */
export interface Reading<T> {
  info: TableInfo;
  rows: AsyncIterable<RowResult<T>>;
}

export function tableInfo(table: Table): TableInfo {
  const { rows: _rows, ...info } = table;
  return info;
}
