import { AppError } from '@prevention/core';

/** Why a whole file cannot be read (a bad row is not one: it is reported as a row result). */
export type ExchangeErrorReason =
  | 'INVALID_UTF8'
  | 'RECORD_TOO_LONG'
  | 'EMPTY_FILE'
  | 'NO_HASHTAG_ROW'
  | 'MISSING_COLUMNS'
  | 'UNKNOWN_FORMAT'
  | 'BAD_MAPPING'
  | 'UNWRITABLE_VALUE'
  | 'INVALID_JSON'
  | 'NOT_A_FEATURE_COLLECTION'
  | 'NO_CODE_PROPERTY';

/**
 * A file-level failure: an `AppError` with code `BAD_REQUEST` (the file is the caller's input)
 * and a `reason` a program can branch on. `line` is the 1-based line concerned, when there is one.
 */
export class ExchangeError extends AppError {
  readonly reason: ExchangeErrorReason;
  readonly line: number | undefined;

  constructor(reason: ExchangeErrorReason, message: string, line?: number) {
    super('BAD_REQUEST', message, { details: { reason, ...(line === undefined ? {} : { line }) } });
    this.reason = reason;
    this.line = line;
  }
}
