import { tableInfo, type TableInfo } from './reading.js';
import { openTable, type OpenTableOptions } from './table.js';

export interface Inspection extends TableInfo {
  /** Data rows: records after the header (and hashtag) rows, blank lines not counted. */
  rowCount: number;
}

/**
 * What a file is, read through once without validating its rows: format (guessed unless
 * given), encoding, delimiter, hashtag row, columns and the number of data rows. Asked for
 * `hxl`, a file without a hashtag row is a `NO_HASHTAG_ROW` error.
 */
export async function inspect(
  chunks: AsyncIterable<Uint8Array>,
  options: OpenTableOptions = {},
): Promise<Inspection> {
  const table = await openTable(chunks, options);
  let rowCount = 0;
  for await (const _record of table.rows) rowCount += 1;
  return { ...tableInfo(table), rowCount };
}
