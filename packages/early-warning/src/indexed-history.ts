import type { Id } from '@prevention/core';
import type { AreaHistory, JudgementFact, SignalFact } from './history.js';
import { emptySeries, monthIndexOfDate, seriesOf, type MonthSeries } from './month-series.js';

/**
 * One layer of an area's history read once and indexed by month, so that evaluating many rules
 * over many months never rescans the points: every series is laid out densely the first time a
 * rule asks for it and kept for the next. It lives as long as one evaluation or back-test and is
 * never shared between calls.
 */
export interface IndexedHistory {
  readonly layer: AreaHistory;
  score(node: string): MonthSeries;
  indicator(indicatorId: string): MonthSeries;
  /** The monthly count of the layer's signals of `kinds` (0 in a month without any). */
  signalCount(kinds: readonly string[]): MonthSeries;
  /** The layer's signals that occurred in the month with index `index`. */
  signalsIn(index: number): readonly SignalFact[];
  /** The judgements endorsed in the month with index `index`. */
  judgementsIn(index: number): readonly JudgementFact[];
  /** Memoised state a rule kind computes once per layer (e.g. a class shift's runs), by key. */
  memo<T>(key: string, compute: () => T): T;
}

export function indexHistory(layer: AreaHistory): IndexedHistory {
  const cache = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute();
    cache.set(key, value);
    return value;
  };
  const signalsByMonth = (): Map<number, SignalFact[]> =>
    memo('signals-by-month', () => groupBy(layer.signals, (s) => monthIndexOfDate(s.occurredOn)));
  const judgementsByMonth = (): Map<number, JudgementFact[]> =>
    memo('judgements-by-month', () => groupBy(layer.judgements, (j) => monthIndexOfDate(j.month)));

  return {
    layer,
    memo,
    score: (node) =>
      memo(`score:${node}`, () => {
        const points = layer.scores[node];
        return points === undefined
          ? emptySeries
          : seriesOf(
              points.map((p) => ({ month: p.month, value: p.score })),
              NaN,
            );
      }),
    indicator: (indicatorId) =>
      memo(`indicator:${indicatorId}`, () => seriesOf(layer.indicators[indicatorId] ?? [], NaN)),
    signalCount: (kinds) =>
      memo(`signal-count:${[...kinds].sort().join('|')}`, () => {
        const counts = new Map<number, number>();
        for (const signal of layer.signals) {
          if (!kinds.includes(signal.kind)) continue;
          const index = monthIndexOfDate(signal.occurredOn);
          counts.set(index, (counts.get(index) ?? 0) + 1);
        }
        return countSeries(counts);
      }),
    signalsIn: (index) => signalsByMonth().get(index) ?? [],
    judgementsIn: (index) => judgementsByMonth().get(index) ?? [],
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

function countSeries(counts: ReadonlyMap<number, number>): MonthSeries {
  if (counts.size === 0) return { ...emptySeries, outside: 0 };
  const indices = [...counts.keys()];
  const start = Math.min(...indices);
  const values = new Float64Array(Math.max(...indices) - start + 1);
  for (const [index, count] of counts) values[index - start] = count;
  return { start, values, outside: 0 };
}

/**
 * The ids of the signals in the months with indices `from`–`to` that `accept` takes, the most
 * recent last and at most the last `limit` (Evidence keeps 50).
 */
export function signalIdsIn(
  history: IndexedHistory,
  from: number,
  to: number,
  accept: (signal: SignalFact) => boolean,
  limit = 50,
): Id[] {
  const signals: SignalFact[] = [];
  for (let index = from; index <= to; index += 1)
    for (const signal of history.signalsIn(index)) if (accept(signal)) signals.push(signal);
  signals.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
  return signals.slice(-limit).map((signal) => signal.id);
}
