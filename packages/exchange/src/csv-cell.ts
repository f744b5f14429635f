import type { Delimiter } from './records.js';

/**
 * Cells that a spreadsheet would run as a formula start with one of these. Numbers are exempt:
 * `-12.5` is a longitude, not a formula.
 */
const formulaStart = /^'*[=+\-@\t\r]/;
const guardedFormula = /^'+[=+\-@\t\r]/;
const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Guards a cell against spreadsheet formula injection (OWASP's "CSV injection") in a way that
 * round-trips: a cell that starts with `=`, `+`, `-`, `@`, tab or CR — after any number of
 * apostrophes, and unless it is a plain number — gets one more leading apostrophe, which
 * spreadsheets read as "this is text". `unguardFormula` removes exactly that apostrophe.
 */
export function guardFormula(cell: string): string {
  return formulaStart.test(cell) && !plainNumber.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return guardedFormula.test(cell) ? cell.slice(1) : cell;
}

/** RFC 4180 quoting: a cell with the delimiter, a quote or a line break is quoted, quotes doubled. */
export function quoteCell(cell: string, delimiter: Delimiter = ','): string {
  const needsQuotes =
    cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One CSV line, CRLF-terminated as RFC 4180 has it, every cell guarded and quoted. */
export function formatCsvLine(cells: readonly string[], delimiter: Delimiter = ','): string {
  return cells.map((cell) => quoteCell(guardFormula(cell), delimiter)).join(delimiter) + '\r\n';
}

/** Lines gathered into chunks of about this many characters, so a million rows are not a million yields. */
export const writerChunkChars = 64 * 1024;

/**
 * Streams a header line at once, then the lines of `rows` in chunks of about 64 KiB.
 */
export async function* csvChunks<T>(
  headerLines: readonly (readonly string[])[],
  rows: AsyncIterable<T> | Iterable<T>,
  toCells: (row: T, index: number) => readonly string[],
  delimiter: Delimiter = ',',
): AsyncGenerator<string> {
  yield headerLines.map((cells) => formatCsvLine(cells, delimiter)).join('');
  let buffer = '';
  let index = 0;
  for await (const row of rows) {
    buffer += formatCsvLine(toCells(row, index), delimiter);
    index += 1;
    if (buffer.length >= writerChunkChars) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
