/** What is wrong with one cell (or, when `column` is '', with the row as a whole). */
export interface RowError {
  line: number;
  /** The column's header name (ACLED, plain CSV) or hashtag (HXL). */
  column: string;
  message: string;
}

/** One data row read: its value, or every problem found with it. */
export type RowResult<T> =
  { ok: true; line: number; value: T } | { ok: false; line: number; errors: RowError[] };

export function rowFailure(line: number, errors: RowError[]): RowResult<never> {
  return { ok: false, line, errors };
}
