import { acledColumns, acledRequiredColumns } from './acled/acled-columns.js';
import type { TextEncodingName } from './decode.js';
import { ExchangeError } from './exchange-error.js';
import { formatHashtag, isHashtagRow, parseHashtag, type Hashtag } from './hashtag.js';
import { openCsv, type CsvRecord, type Delimiter } from './records.js';
import { observationCsvRequiredColumns } from './observations/observation-csv-columns.js';

export const exchangeFormats = ['acled', 'hxl', 'csv'] as const;
export type ExchangeFormat = (typeof exchangeFormats)[number];

export interface TableColumn {
  /** 0-based position in the record. */
  index: number;
  /** The text header (for HXL, the cell of the row just above the hashtags; '' when none). */
  header: string;
  /** The column's tag (`#affected`), lower-cased, when the file has a hashtag row. */
  tag?: string;
  /** Its attributes (`['f', 'idp']`), lower-cased and sorted. */
  attributes?: readonly string[];
  /** Tag and attributes in one canonical spelling (`#affected+f+idp`). */
  hashtag?: string;
}

export interface Table {
  format: ExchangeFormat;
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: Delimiter;
  /** The 1-based line of the hashtag row, or null when there is none. */
  hashtagRow: number | null;
  columns: TableColumn[];
  /** The data rows: everything after the header row (and the hashtag row, when there is one). */
  rows: AsyncIterable<CsvRecord>;
}

export interface OpenTableOptions {
  /** Read the file as this format; when absent it is guessed from its first rows. */
  format?: ExchangeFormat;
  delimiter?: Delimiter;
}

/** libhxl looks for the hashtag row within the first 25 rows. */
export const hashtagRowSearchLimit = 25;

/**
 * Opens a file of one of the exchange formats: decodes it, finds its header and hashtag rows,
 * and guesses the format when it is not given — ACLED when the first row has the codebook's
 * columns, HXL when one of the first 25 rows is a hashtag row, plain CSV when the first row has
 * `area, month, indicator, value`. Only those first rows are held in memory.
 */
export async function openTable(
  chunks: AsyncIterable<Uint8Array>,
  options: OpenTableOptions = {},
): Promise<Table> {
  const csv = await openCsv(chunks, options.delimiter ? { delimiter: options.delimiter } : {});
  const source = csv.records[Symbol.asyncIterator]();
  const head: CsvRecord[] = [];
  while (head.length < hashtagRowSearchLimit) {
    const next = await source.next();
    if (next.done) break;
    head.push(next.value);
  }
  const first = head[0];
  if (!first) throw new ExchangeError('EMPTY_FILE', 'The file has no rows.');
  const hashtagIndex = head.findIndex((record) => isHashtagRow(record.cells));
  const format = options.format ?? guessFormat(first.cells, hashtagIndex);
  const base = { format, encoding: csv.encoding, bom: csv.bom, delimiter: csv.delimiter };

  if (format === 'hxl') {
    const hashtagRecord = head[hashtagIndex];
    if (hashtagIndex < 0 || !hashtagRecord)
      throw new ExchangeError(
        'NO_HASHTAG_ROW',
        `No HXL hashtag row in the first ${hashtagRowSearchLimit} rows: a row where at least half of the filled cells are hashtags such as #adm1+code.`,
      );
    const headerCells = hashtagIndex > 0 ? (head[hashtagIndex - 1]?.cells ?? []) : [];
    return {
      ...base,
      hashtagRow: hashtagRecord.line,
      columns: columnsOf(headerCells, hashtagRecord.cells),
      rows: resume(head.slice(hashtagIndex + 1), source),
    };
  }

  // ACLED and plain CSV: the first row is the header; HDX's copies add a hashtag row below it.
  const second = head[1];
  const tagged = second !== undefined && isHashtagRow(second.cells);
  return {
    ...base,
    hashtagRow: tagged ? second.line : null,
    columns: columnsOf(first.cells, tagged ? second.cells : undefined),
    rows: resume(head.slice(tagged ? 2 : 1), source),
  };
}

function guessFormat(firstRow: readonly string[], hashtagIndex: number): ExchangeFormat {
  const names = new Set(firstRow.map(normaliseHeader));
  if (acledRequiredColumns.every((c) => names.has(c))) return 'acled';
  if (hashtagIndex >= 0) return 'hxl';
  if (observationCsvRequiredColumns.every((c) => names.has(c))) return 'csv';
  throw new ExchangeError(
    'UNKNOWN_FORMAT',
    `Not a known format: no ACLED header (${acledColumns.slice(0, 3).join(', ')} …), no HXL hashtag row, and no ${observationCsvRequiredColumns.join(', ')} header.`,
  );
}

/** Headers are compared trimmed and lower-cased. */
export function normaliseHeader(header: string): string {
  return header.trim().toLowerCase();
}

function columnsOf(headers: readonly string[], hashtags?: readonly string[]): TableColumn[] {
  const width = Math.max(headers.length, hashtags?.length ?? 0);
  const columns: TableColumn[] = [];
  for (let index = 0; index < width; index += 1) {
    const header = (headers[index] ?? '').trim();
    const hashtag: Hashtag | undefined = hashtags ? parseHashtag(hashtags[index] ?? '') : undefined;
    columns.push(
      hashtag
        ? {
            index,
            header,
            tag: `#${hashtag.tag}`,
            attributes: hashtag.attributes,
            hashtag: formatHashtag(hashtag),
          }
        : { index, header },
    );
  }
  return columns;
}

async function* resume(
  buffered: readonly CsvRecord[],
  rest: AsyncIterator<CsvRecord>,
): AsyncGenerator<CsvRecord> {
  yield* buffered;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}
