/**
 * How column values come back, made identical on PGlite and on the `pg` driver so that code
 * never branches on the dialect: 64-bit integers (counts) and numerics as numbers, dates as
 * `YYYY-MM-DD` strings (never a local-midnight Date), timestamps as Dates.
 */
export const pgTypeOid = {
  int8: 20,
  numeric: 1700,
  date: 1082,
} as const;

export function parseBigIntAsNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(
      `A 64-bit integer column holds ${value}, beyond what a number can hold exactly`,
    );
  }
  return parsed;
}

export const parseNumeric = (value: string): number => Number(value);
export const parseDate = (value: string): string => value;

export const pgliteParsers = {
  [pgTypeOid.int8]: parseBigIntAsNumber,
  [pgTypeOid.numeric]: parseNumeric,
  [pgTypeOid.date]: parseDate,
};
