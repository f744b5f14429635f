import { monthFromIndex } from '@prevention/core';
import type { z } from 'zod';
import { signalIdsIn, type IndexedHistory } from './indexed-history.js';
import { valueAt, type MonthSeries } from './month-series.js';
import type { CountSeries, SpikeRule } from './rule.js';
import { formatNumber, seriesWindow, type RuleHit, type RuleTest } from './rule-hit.js';

type Spike = z.infer<typeof SpikeRule>;

/**
 * A spike of a count or indicator against its own history.
 *
 * The series is an indicator's stored monthly values, where a month without a value is missing,
 * or the monthly count of the area's signals of the listed kinds by the month they occurred in,
 * where a month without a signal counts 0.
 *
 * - `trailing-mean`: the month's value is above `ratio` × the mean of the `periods` months
 *   before it, and that mean is at least `minBaseline`. For an indicator the mean is of the
 *   months present, and at least half of the `periods` months (rounded up) must be present.
 *   Strong when the value is at least twice the threshold (and the threshold is above 0).
 * - `record`: the month's value is at least `floor` and strictly above every value of the
 *   `window` − 1 months before it. For an indicator at least half of those months (rounded up)
 *   must be present, so that a series just begun does not set records. Strong when the value
 *   is at least twice the threshold (the higher of `floor` and the previous maximum, above 0).
 */
export const testSpike: RuleTest<Spike> = (condition, history, index) => {
  const series = readSeries(condition.series, history);
  const value = valueAt(series, index);
  if (Number.isNaN(value)) return null;
  const spike = condition.spike;
  const prior = spike.test === 'trailing-mean' ? spike.periods : spike.window - 1;
  let sum = 0;
  let max = -Infinity;
  let present = 0;
  for (let i = index - prior; i < index; i += 1) {
    const v = valueAt(series, i);
    if (Number.isNaN(v)) continue;
    sum += v;
    present += 1;
    if (v > max) max = v;
  }
  if (present < Math.ceil(prior / 2)) return null;
  if (spike.test === 'trailing-mean') {
    const mean = sum / present;
    const threshold = spike.ratio * mean;
    if (mean < spike.minBaseline || !(value > threshold)) return null;
    return hit(condition.series, history, series, index, {
      observed: value,
      baseline: mean,
      threshold,
      strong: threshold > 0 && value >= 2 * threshold,
      window: 24,
      reason: `${formatNumber(value)} ${measureOf(condition.series)} in ${monthFromIndex(index)}, more than ${formatNumber(spike.ratio)} × the ${spike.periods}-month mean of ${formatNumber(mean)}.`,
    });
  }
  const threshold = Math.max(spike.floor, max);
  if (value < spike.floor || !(value > max)) return null;
  return hit(condition.series, history, series, index, {
    observed: value,
    baseline: max,
    threshold,
    strong: threshold > 0 && value >= 2 * threshold,
    window: spike.window,
    reason: `${formatNumber(value)} ${measureOf(condition.series)} in ${monthFromIndex(index)}, the highest in ${spike.window} months (the previous high was ${formatNumber(max)}; the floor is ${formatNumber(spike.floor)}).`,
  });
};

function readSeries(source: CountSeries, history: IndexedHistory): MonthSeries {
  return source.source === 'indicator'
    ? history.indicator(source.indicatorId)
    : history.signalCount(source.kinds);
}

function measureOf(source: CountSeries): string {
  return source.source === 'indicator'
    ? source.indicatorId
    : `${source.kinds.join(' or ')} signals`;
}

function hit(
  source: CountSeries,
  history: IndexedHistory,
  series: MonthSeries,
  index: number,
  found: {
    observed: number;
    baseline: number;
    threshold: number;
    strong: boolean;
    window: number;
    reason: string;
  },
): RuleHit {
  return {
    strong: found.strong,
    evidence: () => ({
      measure: measureOf(source),
      series: seriesWindow(series, index, Math.max(24, found.window)),
      observed: found.observed,
      baseline: found.baseline,
      threshold: found.threshold,
      reason: found.reason,
      sourceIds:
        source.source === 'signals'
          ? signalIdsIn(history, index, index, (s) => source.kinds.includes(s.kind))
          : [],
    }),
  };
}
