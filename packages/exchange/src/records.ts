import Papa from 'papaparse';
import { decodeText, type TextEncodingName } from './decode.js';
import { ExchangeError } from './exchange-error.js';

/** One CSV record: the physical line it starts on (1-based) and its cells. */
export interface CsvRecord {
  line: number;
  cells: string[];
  /** Papa Parse's complaint about the record's quoting, when it had one. */
  malformed?: string;
}

export const delimiters = [',', ';', '\t', '|', ':'] as const;
export type Delimiter = (typeof delimiters)[number];

export interface CsvRecords {
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: Delimiter;
  /** The records in order; blank lines are skipped (their lines still count). */
  records: AsyncIterable<CsvRecord>;
}

export interface OpenCsvOptions {
  /** The delimiter, when known; otherwise it is sniffed from the start of the file. */
  delimiter?: Delimiter;
}

/** How much decoded text the delimiter is sniffed from. */
const sniffChars = 64 * 1024;
/** A record this long is taken to be an unterminated quote rather than data. */
export const maxRecordChars = 1024 * 1024;

/**
 * Opens delimited text for reading: decodes it (see `decodeText`), sniffs the delimiter among
 * `,` `;` tab `|` `:` from the first 64 KiB, and streams records with the line each starts on.
 * Parsing is Papa Parse's; this module feeds it the text piece by piece and keeps only the
 * unfinished last record between pieces.
 */
export async function openCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: OpenCsvOptions = {},
): Promise<CsvRecords> {
  const decoded = await decodeText(chunks);
  const source = decoded.text[Symbol.asyncIterator]();
  let head = '';
  let exhausted = false;
  while (head.length < sniffChars) {
    const next = await source.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head += next.value;
  }
  const delimiter = options.delimiter ?? sniffDelimiter(head);
  return {
    encoding: decoded.encoding,
    bom: decoded.bom,
    delimiter,
    records: parseRecords(head, exhausted ? null : source, delimiter),
  };
}

/**
 * The delimiter of a sample of delimited text: the candidate that splits the sample's first
 * records into the most consistent number of cells (quotes respected), `,` when none does.
 */
export function sniffDelimiter(sample: string): Delimiter {
  // Only whole lines are looked at, so that a record cut off by the sample does not mislead.
  const cut = sample.lastIndexOf('\n');
  const text = cut > 0 ? sample.slice(0, cut) : sample;
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of delimiters) {
    const rows = Papa.parse<string[]>(text, { delimiter, newline: '\n', preview: 30 }).data.filter(
      (row) => !(row.length === 1 && row[0] === ''),
    );
    if (rows.length === 0) continue;
    const widths = rows.map((row) => row.length);
    const first = widths[0] ?? 1;
    if (first < 2) continue;
    const consistent = widths.filter((w) => w === first).length / widths.length;
    const score = consistent * Math.min(first, 50);
    if (score > best.score * 1.0001) best = { delimiter, score };
  }
  return best.delimiter;
}

async function* parseRecords(
  head: string,
  rest: AsyncIterator<string> | null,
  delimiter: Delimiter,
): AsyncGenerator<CsvRecord> {
  let pending: CsvRecord[] = [];
  let line = 1;
  let rowStart = 0;
  let text = '';
  const parser = new Papa.Parser({
    delimiter,
    newline: '\n',
    // The core parser's step result holds the one row it has just finished, in `data`.
    step: (result: Papa.ParseResult<string[]>) => {
      const end: number = result.meta.cursor;
      const cells = result.data[0] ?? [''];
      const startLine = line;
      line += countLineFeeds(text, rowStart, end);
      rowStart = end;
      if (cells.length === 1 && cells[0] === '') return;
      const problem = result.errors[0];
      pending.push(
        problem
          ? { line: startLine, cells, malformed: problem.message }
          : { line: startLine, cells },
      );
    },
  });
  const feed = (piece: string, last: boolean): CsvRecord[] => {
    text = text.slice(rowStart) + piece;
    rowStart = 0;
    parser.parse(text, 0, !last);
    if (!last && text.length - rowStart > maxRecordChars)
      throw new ExchangeError(
        'RECORD_TOO_LONG',
        `The record starting on line ${line} is longer than ${maxRecordChars} characters: is a quote left open?`,
        line,
      );
    const out = pending;
    pending = [];
    return out;
  };
  if (rest === null) {
    yield* feed(head, true);
    return;
  }
  yield* feed(head, false);
  for (;;) {
    const next = await rest.next();
    if (next.done) break;
    yield* feed(next.value, false);
  }
  yield* feed('', true);
}

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1))
    count += 1;
  return count;
}
