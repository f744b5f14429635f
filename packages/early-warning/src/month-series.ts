import { monthIndex, type Month } from '@prevention/core';

/**
 * A monthly series laid out densely by month index, so that a rule reads the value of any month
 * in constant time instead of searching the points. `outside` is what a month without a stored
 * value reads as: `NaN` (missing) for scores and indicators, 0 for counts of signals.
 */
export interface MonthSeries {
  /** The month index (`monthIndex`) of `values[0]`. */
  readonly start: number;
  readonly values: Float64Array;
  readonly outside: number;
}

export const emptySeries: MonthSeries = { start: 0, values: new Float64Array(0), outside: NaN };

/** The value of the month with index `index`, or `series.outside` where nothing is stored. */
export function valueAt(series: MonthSeries, index: number): number {
  const offset = index - series.start;
  if (offset < 0 || offset >= series.values.length) return series.outside;
  const value = series.values[offset];
  return value === undefined ? series.outside : value;
}

/** A dense series from points in any order; a month given twice keeps its last value. */
export function seriesOf(
  points: readonly { readonly month: Month; readonly value: number | null }[],
  outside: number,
): MonthSeries {
  if (points.length === 0) return { ...emptySeries, outside };
  let first = Infinity;
  let last = -Infinity;
  const indices = points.map((point) => {
    const index = monthIndex(point.month);
    if (index < first) first = index;
    if (index > last) last = index;
    return index;
  });
  const values = new Float64Array(last - first + 1).fill(outside);
  points.forEach((point, i) => {
    values[(indices[i] ?? first) - first] = point.value ?? NaN;
  });
  return { start: first, values, outside };
}

/**
 * The month index of an ISO date (`YYYY-MM-DD`) or month (`YYYY-MM`), read digit by digit: it
 * runs once for every signal of every layer, and the dates have been validated by their schemas.
 * (No helper closure: the benchmark's loader wraps every function it creates, per call.)
 */
export function monthIndexOfDate(date: string): number {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  return year * 12 + (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) - 1;
}
