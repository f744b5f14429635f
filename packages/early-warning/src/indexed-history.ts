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
  const signals = (): SignalIndex => memo('signals', () => indexSignals(layer.signals));
  const judgementsByMonth = (): Map<number, JudgementFact[]> =>
    memo('judgements', () => {
      const groups = new Map<number, JudgementFact[]>();
      for (const j of layer.judgements) {
        const index = monthIndexOfDate(j.month);
        groups.set(index, [...(groups.get(index) ?? []), j]);
      }
      return groups;
    });

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
      memo(`signal-count:${kinds.join('|')}`, () => {
        const index = signals();
        const values = new Float64Array(index.offsets.length - 1);
        layer.signals.forEach((signal, i) => {
          if (!kinds.includes(signal.kind)) return;
          const at = (index.months[i] ?? 0) - index.start;
          values[at] = (values[at] ?? 0) + 1;
        });
        return { start: index.start, values, outside: 0 };
      }),
    signalsIn: (month) => {
      const index = signals();
      const offset = month - index.start;
      const from = index.offsets[offset];
      const to = index.offsets[offset + 1];
      if (from === undefined || to === undefined) return [];
      const found: SignalFact[] = [];
      for (let k = from; k < to; k += 1) {
        const signal = layer.signals[index.order[k] ?? -1];
        if (signal !== undefined) found.push(signal);
      }
      return found;
    },
    judgementsIn: (month) => judgementsByMonth().get(month) ?? [],
  };
}

/**
 * The signals sorted by month without moving them (a counting sort): `order` lists their
 * positions month by month, the signals of month `start + m` being `order[offsets[m]]` up to
 * `order[offsets[m + 1]]`; `months` holds each signal's month index, parsed once.
 */
interface SignalIndex {
  readonly start: number;
  readonly months: Int32Array;
  readonly offsets: Int32Array;
  readonly order: Int32Array;
}

function indexSignals(signals: readonly SignalFact[]): SignalIndex {
  const months = new Int32Array(signals.length);
  let start = Infinity;
  let end = -Infinity;
  signals.forEach((signal, i) => {
    const month = monthIndexOfDate(signal.occurredOn);
    months[i] = month;
    if (month < start) start = month;
    if (month > end) end = month;
  });
  if (signals.length === 0) return { start: 0, months, offsets: new Int32Array(1), order: months };
  const offsets = new Int32Array(end - start + 2);
  for (const month of months) offsets[month - start + 1] = (offsets[month - start + 1] ?? 0) + 1;
  for (let m = 1; m < offsets.length; m += 1)
    offsets[m] = (offsets[m] ?? 0) + (offsets[m - 1] ?? 0);
  const cursor = offsets.slice();
  const order = new Int32Array(signals.length);
  months.forEach((month, i) => {
    const slot = cursor[month - start] ?? 0;
    order[slot] = i;
    cursor[month - start] = slot + 1;
  });
  return { start, months, offsets, order };
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
