import { describe, expect, it } from 'vitest';
import { backtest, formatBacktest, type AlertRule, type BacktestOptions } from '../src/index.js';
import { layer, rule, scores, signal, values } from './factories.js';

// Months of 2025, with December 2024 before them: fatalities above 100 in April–May, October and
// December are onsets in April, October and December.
const fatalities = values('2024-12', [0, 0, 0, 0, 150, 150, 0, 0, 0, 0, 200, 0, 120]);
const grave = rule(
  {
    kind: 'human-rights-signal',
    signalKinds: ['violation'],
    minSeverity: 4,
    verification: ['verified'],
  },
  { id: 'grave-violation' },
);
/** A verified grave violation in each month listed: the rule fires in exactly those months. */
const violations = (months: readonly string[]) =>
  months.map((month) =>
    signal({
      pillar: 'human-rights',
      kind: 'violation',
      severity: 5,
      verification: 'verified',
      occurredOn: `${month}-10`,
    }),
  );
const options: BacktestOptions = {
  from: '2025-01',
  to: '2025-12',
  onset: { kind: 'indicator-above', indicatorId: 'peace-security.fatalities', threshold: 100 },
  horizon: { from: 1, to: 2 },
};
const area = (signals = violations(['2025-02', '2025-03', '2025-07', '2025-11'])) => [
  layer({ indicators: { 'peace-security.fatalities': fatalities }, signals }),
];

describe('the back-test', () => {
  it('counts alerts, hits, false alarms and lead time on a hand-made history', () => {
    // Alerts start in January–October: the run February–March (an onset in April follows
    // within 1–2 months: a hit) and July (nothing in August–September: a false alarm); the
    // November firing starts after the scored months. Onsets in March–December: April
    // (foreseen from February, lead 2), October (not foreseen), December (from November, lead 1).
    const report = backtest([grave], [area()], options);
    expect(report.alertMonths).toEqual({ from: '2025-01', to: '2025-10', count: 10 });
    expect(report.onsetMonths).toEqual({ from: '2025-03', to: '2025-12', count: 10 });
    expect(report.rules).toEqual([
      {
        ruleId: 'grave-violation',
        countryCode: null,
        title: 'Test rule',
        alerts: 2,
        alertsPerCountryYear: 2.4,
        onsets: 3,
        hits: 1,
        falseAlarms: 1,
        hitRate: 2 / 3,
        falseAlarmRate: 0.5,
        meanLeadMonths: 1.5,
      },
    ]);
  });

  it('judges the naive baseline, which warns when the onset condition held last month', () => {
    // It warns in May–June (one alert, nothing follows in June–August: a false alarm) and in
    // November (after the scored months, but it foresees December's onset with a lead of 1).
    const { baseline } = backtest([grave], [area()], options);
    expect(baseline).toMatchObject({
      ruleId: 'naive-baseline',
      alerts: 1,
      hits: 0,
      falseAlarms: 1,
      onsets: 3,
      hitRate: 1 / 3,
      meanLeadMonths: 1,
    });
  });

  it('judges disabled rules, and counts a firing in any layer', () => {
    const confidential = layer({
      sensitivity: 'confidential',
      indicators: { 'peace-security.fatalities': fatalities },
      signals: violations(['2025-02']),
    });
    const report = backtest([{ ...grave, enabled: false }], [[...area([]), confidential]], options);
    expect(report.rules[0]).toMatchObject({ alerts: 1, hits: 1, hitRate: 1 / 3 });
  });

  it("runs a country's own rule in that country only, and counts country-years", () => {
    const own: AlertRule = { ...grave, countryCode: 'TCD' };
    const chad = layer({
      areaCode: 'TCD',
      countryCode: 'TCD',
      indicators: { 'peace-security.fatalities': fatalities },
      signals: violations(['2025-02']),
    });
    const report = backtest([grave, own], [area(), [chad]], options);
    expect(report.countries).toBe(2);
    expect(report.rules.map((r) => [r.countryCode, r.alerts])).toEqual([
      [null, 2],
      ['TCD', 1],
    ]);
    expect(report.rules[0]?.alertsPerCountryYear).toBeCloseTo(2 / ((2 * 10) / 12));
  });

  it('reads a class reached as an onset on the scores', () => {
    const rising = layer({
      scores: { 'prevention-risk': scores('2024-12', [4, 4, 4, 5.5, 5.5, 4, 6]) },
    });
    const report = backtest([], [[rising]], {
      from: '2025-01',
      to: '2025-06',
      onset: { kind: 'class-reached', node: 'prevention-risk', toClass: 'high' },
      horizon: { from: 1, to: 1 },
    });
    // Onsets in March and June, both within February–June.
    expect(report.baseline.onsets).toBe(2);
  });

  it('prints a table with a line per rule and the baseline last', () => {
    const text = formatBacktest(backtest([grave], [area()], options));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Back-test 2025-01 to 2025-12: 1 area in 1 country.');
    expect(text).toContain('3 onsets in 2025-03 to 2025-12');
    expect(lines.find((l) => l.startsWith('grave-violation'))).toMatch(
      /^grave-violation\s+2\s+2\.40\s+1\s+1\s+67 %\s+50 %\s+1\.5$/,
    );
    expect(lines.at(-2)).toMatch(/^naive-baseline\s+1\s+1\.20\s+0\s+1\s+33 %\s+100 %\s+1\.0$/);
  });
});
