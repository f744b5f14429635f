import { Month, monthFromIndex, monthIndex } from '@prevention/core';
import { z } from 'zod';
import { classEdge } from './class-shift.js';
import { rulesForCountry, testCondition } from './evaluate.js';
import type { AreaHistory } from './history.js';
import { indexHistory, type IndexedHistory } from './indexed-history.js';
import { valueAt } from './month-series.js';
import { ModelNodeId, RiskClassId, type AlertRule } from './rule.js';

/**
 * What counts as the onset the rules should have warned of: a month in which an indicator is
 * above a threshold (e.g. conflict fatalities), or in which a node's score is in a class or
 * higher. An onset is a month in which the condition holds and did not hold the month before.
 */
export const OnsetDefinition = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('indicator-above'),
    indicatorId: ModelNodeId,
    threshold: z.number().finite(),
  }),
  z.object({ kind: z.literal('class-reached'), node: ModelNodeId, toClass: RiskClassId }),
]);
export type OnsetDefinition = z.infer<typeof OnsetDefinition>;

/** How many months after a warning an onset counts as foreseen by it: 1 to 6 by default. */
export const BacktestHorizon = z
  .object({ from: z.number().int().min(0).max(36), to: z.number().int().min(0).max(36) })
  .refine((h) => h.from <= h.to, 'The horizon ends before it starts');
export type BacktestHorizon = z.infer<typeof BacktestHorizon>;
export const defaultBacktestHorizon: BacktestHorizon = { from: 1, to: 6 };

export const BacktestOptions = z.object({
  from: Month,
  to: Month,
  onset: OnsetDefinition,
  horizon: BacktestHorizon.optional(),
});
export type BacktestOptions = z.infer<typeof BacktestOptions>;

/** One rule's figures (or the naive baseline's, with `ruleId` 'naive-baseline'). */
export const BacktestRow = z.object({
  ruleId: z.string(),
  /** Null for a global rule (and the baseline), else the country whose own rule it is. */
  countryCode: z.string().nullable(),
  title: z.string(),
  alerts: z.number().int().min(0),
  alertsPerCountryYear: z.number().min(0),
  onsets: z.number().int().min(0),
  /** Alerts followed by an onset within the horizon. */
  hits: z.number().int().min(0),
  falseAlarms: z.number().int().min(0),
  /** Onsets foreseen (an alerting month within the horizon before them) ÷ onsets; null without onsets. */
  hitRate: z.number().min(0).max(1).nullable(),
  /** False alarms ÷ alerts; null without alerts. */
  falseAlarmRate: z.number().min(0).max(1).nullable(),
  /** Mean months from the earliest alerting month within the horizon to each foreseen onset. */
  meanLeadMonths: z.number().min(0).nullable(),
});
export type BacktestRow = z.infer<typeof BacktestRow>;

export const BacktestReport = z.object({
  from: Month,
  to: Month,
  onset: OnsetDefinition,
  horizon: BacktestHorizon,
  areas: z.number().int().min(0),
  countries: z.number().int().min(0),
  /** The months whose alerts are scored: `from` to `to` − horizon.to. */
  alertMonths: z.object({ from: Month, to: Month, count: z.number().int().min(0) }),
  /** The months whose onsets are scored: `from` + horizon.to to `to`. */
  onsetMonths: z.object({ from: Month, to: Month, count: z.number().int().min(0) }),
  rules: z.array(BacktestRow),
  baseline: BacktestRow,
});
export type BacktestReport = z.infer<typeof BacktestReport>;

interface Tally {
  alerts: number;
  hits: number;
  onsets: number;
  foreseen: number;
  leadMonths: number;
}

const emptyTally = (): Tally => ({ alerts: 0, hits: 0, onsets: 0, foreseen: 0, leadMonths: 0 });

/**
 * How the rules would have done over the history, judged against the naive baseline "this month
 * looks like last month", which warns in a month exactly when the onset condition held the month
 * before. Every month from `from` to `to` is evaluated as `evaluateArea` would (rules of the
 * area's country, disabled ones included so that a rule can be judged before it is enabled; a
 * rule fires when any layer fires); onsets are read on the most complete (last) layer.
 *
 * - An *alert* is a run of consecutive months in which the rule fires, as one open alert takes
 *   every firing; it is scored when it starts within `from` … `to` − horizon.to, so that its
 *   whole horizon lies within the history.
 * - An alert is a *hit* when an onset follows horizon.from to horizon.to months after one of its
 *   months, else a *false alarm*.
 * - An *onset* is scored when it falls within `from` + horizon.to … `to`, so that its whole
 *   look-back lies within the history; it is *foreseen* when the rule fired in a month
 *   horizon.to to horizon.from months before it, and its *lead* is the months from the earliest
 *   such month.
 */
export function backtest(
  rules: readonly AlertRule[],
  areas: readonly (readonly AreaHistory[])[],
  options: BacktestOptions,
): BacktestReport {
  const horizon = options.horizon ?? defaultBacktestHorizon;
  const from = monthIndex(options.from);
  const to = monthIndex(options.to);
  const alertTo = to - horizon.to;
  const onsetFrom = from + horizon.to;
  const tallies = new Map<AlertRule, Tally>(rules.map((rule) => [rule, emptyTally()]));
  const naive = emptyTally();
  const countries = new Set<string>();
  let areaCount = 0;

  for (const layers of areas) {
    const indexed = layers.map(indexHistory);
    const outcome = indexed[indexed.length - 1];
    if (outcome === undefined) continue;
    areaCount += 1;
    countries.add(outcome.layer.countryCode);
    const holds = onsetHolds(options.onset, outcome, from - 1, to);
    const onsets = holds.map((h, i) => i > 0 && h && holds[i - 1] === false);
    // Index i of these arrays is month from − 1 + i.
    const naiveFires = holds.map((_, i) => i > 0 && holds[i - 1] === true);
    score(naiveFires, onsets, naive);
    for (const rule of rulesForCountry(rules, outcome.layer.countryCode, {
      includeDisabled: true,
    })) {
      const fires = holds.map(() => false);
      for (let i = 1; i < fires.length; i += 1)
        for (const history of indexed)
          if (testCondition(rule.condition, history, from - 1 + i) !== null) {
            fires[i] = true;
            break;
          }
      const tally = tallies.get(rule);
      if (tally !== undefined) score(fires, onsets, tally);
    }
  }

  /** Scores one area's firing months against its onsets into `tally`. */
  function score(fires: readonly boolean[], onsets: readonly boolean[], tally: Tally): void {
    const at = (month: number) => month - from + 1;
    for (let m = from; m <= alertTo; m += 1) {
      if (fires[at(m)] !== true || fires[at(m - 1)] === true) continue;
      let end = m;
      while (end + 1 <= to && fires[at(end + 1)] === true) end += 1;
      tally.alerts += 1;
      let hit = false;
      for (let o = m + horizon.from; o <= Math.min(end + horizon.to, to) && !hit; o += 1)
        hit = onsets[at(o)] === true;
      if (hit) tally.hits += 1;
    }
    for (let o = onsetFrom; o <= to; o += 1) {
      if (onsets[at(o)] !== true) continue;
      tally.onsets += 1;
      for (let m = o - horizon.to; m <= o - horizon.from; m += 1)
        if (fires[at(m)] === true) {
          tally.foreseen += 1;
          tally.leadMonths += o - m;
          break;
        }
    }
  }

  const alertMonthCount = Math.max(0, alertTo - from + 1);
  const countryYears = (countries.size * alertMonthCount) / 12;
  const row = (
    ruleId: string,
    countryCode: string | null,
    title: string,
    t: Tally,
  ): BacktestRow => ({
    ruleId,
    countryCode,
    title,
    alerts: t.alerts,
    alertsPerCountryYear: countryYears > 0 ? t.alerts / countryYears : 0,
    onsets: t.onsets,
    hits: t.hits,
    falseAlarms: t.alerts - t.hits,
    hitRate: t.onsets > 0 ? t.foreseen / t.onsets : null,
    falseAlarmRate: t.alerts > 0 ? (t.alerts - t.hits) / t.alerts : null,
    meanLeadMonths: t.foreseen > 0 ? t.leadMonths / t.foreseen : null,
  });
  const span = (a: number, b: number) => ({
    from: monthFromIndex(a),
    to: monthFromIndex(Math.max(a, b)),
    count: Math.max(0, b - a + 1),
  });
  return {
    from: options.from,
    to: options.to,
    onset: options.onset,
    horizon,
    areas: areaCount,
    countries: countries.size,
    alertMonths: span(from, alertTo),
    onsetMonths: span(onsetFrom, to),
    rules: rules.map((rule) =>
      row(rule.id, rule.countryCode, rule.title.en, tallies.get(rule) ?? emptyTally()),
    ),
    baseline: row('naive-baseline', null, 'This month looks like last month', naive),
  };
}

/** Whether the onset condition holds in each month `first` … `last` (index 0 is `first`). */
function onsetHolds(
  onset: OnsetDefinition,
  history: IndexedHistory,
  first: number,
  last: number,
): boolean[] {
  const series =
    onset.kind === 'indicator-above'
      ? history.indicator(onset.indicatorId)
      : history.score(onset.node);
  const holds: boolean[] = [];
  for (let m = first; m <= last; m += 1) {
    const value = valueAt(series, m);
    holds.push(
      onset.kind === 'indicator-above'
        ? value > onset.threshold
        : value >= classEdge(onset.toClass),
    );
  }
  return holds;
}
