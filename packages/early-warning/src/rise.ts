import { monthFromIndex } from '@prevention/core';
import type { z } from 'zod';
import { valueAt } from './month-series.js';
import type { RiseRule } from './rule.js';
import { formatNumber, seriesWindow, tolerance, type RuleTest } from './rule-hit.js';

type Rise = z.infer<typeof RiseRule>;

/**
 * A rise: the node's score in the month minus its score `months` months earlier is at least
 * `delta`, both months scored. Strong (one level up) when the rise is at least twice `delta`.
 */
export const testRise: RuleTest<Rise> = (condition, history, index) => {
  const series = history.score(condition.node);
  const now = valueAt(series, index);
  const then = valueAt(series, index - condition.months);
  if (Number.isNaN(now) || Number.isNaN(then)) return null;
  const rise = now - then;
  if (rise < condition.delta - tolerance) return null;
  return {
    strong: rise >= 2 * condition.delta - tolerance,
    evidence: () => ({
      measure: `${condition.node} score`,
      series: seriesWindow(series, index, Math.max(24, condition.months + 1)),
      observed: now,
      baseline: then,
      threshold: then + condition.delta,
      reason: `${condition.node} rose by ${formatNumber(rise)} from ${formatNumber(then)} in ${monthFromIndex(index - condition.months)} to ${formatNumber(now)} in ${monthFromIndex(index)}, at least the ${formatNumber(condition.delta)} the rule watches for over ${condition.months} month${condition.months === 1 ? '' : 's'}.`,
      sourceIds: [],
    }),
  };
};
