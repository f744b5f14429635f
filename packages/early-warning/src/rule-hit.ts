import { monthFromIndex } from '@prevention/core';
import type { Evidence } from './alert.js';
import type { IndexedHistory } from './indexed-history.js';
import { valueAt, type MonthSeries } from './month-series.js';

/**
 * What a rule kind's test returns when it fires in a month: whether the firing is strong enough
 * to raise the rule's level one step, and its evidence, built only when asked for (a back-test
 * needs to know that a rule fired, not why, in tens of thousands of months).
 */
export interface RuleHit {
  readonly strong: boolean;
  readonly evidence: () => Evidence;
}

/** A rule kind's test: whether the condition holds in the month with index `index`. */
export type RuleTest<C> = (condition: C, history: IndexedHistory, index: number) => RuleHit | null;

/** How many months of the series an alert's chart shows, ending in the month evaluated. */
export const evidenceMonths = 24;

/** The stored months of `series` among the `months` months ending in `index`, oldest first. */
export function seriesWindow(
  series: MonthSeries,
  index: number,
  months = evidenceMonths,
): Evidence['series'] {
  const points: Evidence['series'] = [];
  for (let i = index - months + 1; i <= index; i += 1) {
    const value = valueAt(series, i);
    if (!Number.isNaN(value)) points.push({ month: monthFromIndex(i), value });
  }
  return points;
}

/** A number as a reason prints it: at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Comparisons of scores allow for binary rounding, so that 5.3 − 4.3 counts as a rise of 1 as
 * written: decimal inputs compare as a reader expects.
 */
export const tolerance = 1e-9;
