import { z } from 'zod';

/**
 * Periods. The calendar month (`2026-03`) is the unit every observation and profile is
 * recorded in; quarters (`2026-Q1`) and years (`2026`) aggregate months.
 */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month as YYYY-MM, e.g. 2026-03');
export type Month = z.infer<typeof Month>;

export const Quarter = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'Expected a quarter as YYYY-Qn, e.g. 2026-Q1');
export type Quarter = z.infer<typeof Quarter>;

export const Year = z.string().regex(/^\d{4}$/, 'Expected a year as YYYY, e.g. 2026');
export type Year = z.infer<typeof Year>;

export const Period = z.union([Month, Quarter, Year]);
export type Period = z.infer<typeof Period>;

export type PeriodKind = 'month' | 'quarter' | 'year';

export function periodKind(period: Period): PeriodKind {
  if (period.includes('-Q')) return 'quarter';
  return period.length === 4 ? 'year' : 'month';
}

/** Months since the start of year 0, so that month arithmetic is integer arithmetic. */
export function monthIndex(month: Month): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return year * 12 + (m - 1);
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  if (year < 0 || year > 9999) throw new RangeError(`Month index ${index} is outside years 0–9999`);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

export function addMonths(month: Month, count: number): Month {
  return monthFromIndex(monthIndex(month) + count);
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from);
}

/** Every month from `from` to `to`, both included, in order. */
export function monthRange(from: Month, to: Month): Month[] {
  const start = monthIndex(from);
  const end = monthIndex(to);
  const months: Month[] = [];
  for (let i = start; i <= end; i += 1) months.push(monthFromIndex(i));
  return months;
}

export function quarterOf(month: Month): Quarter {
  const q = Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
  return `${month.slice(0, 4)}-Q${q}`;
}

export function yearOf(period: Period): Year {
  return period.slice(0, 4);
}

/** The months a period covers: itself, the three of a quarter, or the twelve of a year. */
export function monthsOf(period: Period): Month[] {
  const year = period.slice(0, 4);
  switch (periodKind(period)) {
    case 'month':
      return [period];
    case 'quarter': {
      const first = (Number(period.slice(6)) - 1) * 3 + 1;
      return monthRange(
        `${year}-${String(first).padStart(2, '0')}`,
        `${year}-${String(first + 2).padStart(2, '0')}`,
      );
    }
    case 'year':
      return monthRange(`${year}-01`, `${year}-12`);
  }
}

/** The month a UTC instant falls in. */
export function monthOfDate(date: Date): Month {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Quarters since the start of year 0, so that quarter arithmetic is integer arithmetic. */
export function quarterIndex(quarter: Quarter): number {
  return Number(quarter.slice(0, 4)) * 4 + (Number(quarter.slice(6)) - 1);
}

export function quarterFromIndex(index: number): Quarter {
  const year = Math.floor(index / 4);
  if (year < 0 || year > 9999)
    throw new RangeError(`Quarter index ${index} is outside years 0–9999`);
  return `${String(year).padStart(4, '0')}-Q${index - year * 4 + 1}`;
}

export function addQuarters(quarter: Quarter, count: number): Quarter {
  return quarterFromIndex(quarterIndex(quarter) + count);
}

export function addYears(year: Year, count: number): Year {
  const next = Number(year) + count;
  if (next < 0 || next > 9999) throw new RangeError(`Year ${next} is outside years 0–9999`);
  return String(next).padStart(4, '0');
}

/** The integer index of a period among the periods of its own kind. */
function indexOf(period: Period): number {
  switch (periodKind(period)) {
    case 'month':
      return monthIndex(period);
    case 'quarter':
      return quarterIndex(period);
    case 'year':
      return Number(period);
  }
}

function fromIndex(kind: PeriodKind, index: number): Period {
  switch (kind) {
    case 'month':
      return monthFromIndex(index);
    case 'quarter':
      return quarterFromIndex(index);
    case 'year':
      return addYears('0000', index);
  }
}

/** `period` moved by `count` periods of its own kind: months, quarters or years. */
export function addPeriods(period: Period, count: number): Period {
  return fromIndex(periodKind(period), indexOf(period) + count);
}

function sameKind(from: Period, to: Period): PeriodKind {
  const kind = periodKind(from);
  if (periodKind(to) !== kind)
    throw new RangeError(`Cannot compare a ${kind} (${from}) with a ${periodKind(to)} (${to})`);
  return kind;
}

/** Whole periods from `from` to `to`, which must be of the same kind (negative when earlier). */
export function periodsBetween(from: Period, to: Period): number {
  sameKind(from, to);
  return indexOf(to) - indexOf(from);
}

/** Every period from `from` to `to`, both included, in order; both must be of the same kind. */
export function periodRange(from: Period, to: Period): Period[] {
  const kind = sameKind(from, to);
  const periods: Period[] = [];
  for (let i = indexOf(from); i <= indexOf(to); i += 1) periods.push(fromIndex(kind, i));
  return periods;
}

/** Orders periods of one kind chronologically, for `Array.prototype.sort`. */
export function comparePeriods(a: Period, b: Period): number {
  return periodsBetween(b, a);
}

/** The first and last month a period covers. */
export function monthBounds(period: Period): { first: Month; last: Month } {
  const months = monthsOf(period);
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) throw new RangeError(`Empty period ${period}`);
  return { first, last };
}

/** The number written by `count` decimal digits of `text` from `from`; NaN if one is not. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The first and last month a period covers, as month indices (`monthIndex`): the arithmetic of
 * `monthBounds` without building the months or slicing strings, for code that handles many
 * observations. NaN for both when the text is not a period.
 */
export function monthIndexBounds(period: string): { first: number; last: number } {
  const year = digitsAt(period, 0, 4);
  if (period.length === 4) return { first: year * 12, last: year * 12 + 11 };
  let first = Number.NaN;
  let months = 1;
  if (period.length === 7 && period.charCodeAt(4) === 45 /* - */) {
    if (period.charCodeAt(5) === 81 /* Q */) {
      const quarter = digitsAt(period, 6, 1);
      if (quarter >= 1 && quarter <= 4) first = year * 12 + (quarter - 1) * 3;
      months = 3;
    } else {
      const month = digitsAt(period, 5, 2);
      if (month >= 1 && month <= 12) first = year * 12 + month - 1;
    }
  }
  return { first, last: first + months - 1 };
}

/** Whether `month` falls within `period`. */
export function periodContains(period: Period, month: Month): boolean {
  const { first, last } = monthBounds(period);
  return first <= month && month <= last;
}
