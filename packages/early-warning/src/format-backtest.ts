import type { BacktestReport, OnsetDefinition } from './backtest.js';

/**
 * A back-test as a plain-text table, one line per rule and the naive baseline last, for the
 * command line and for a rule's page before it is enabled.
 */
export function formatBacktest(report: BacktestReport): string {
  const header = [
    'rule',
    'alerts',
    'per country-year',
    'hits',
    'false alarms',
    'hit rate',
    'false-alarm rate',
    'mean lead (months)',
  ];
  const rows = [...report.rules, report.baseline].map((row) => [
    row.countryCode === null ? row.ruleId : `${row.ruleId} (${row.countryCode})`,
    String(row.alerts),
    row.alertsPerCountryYear.toFixed(2),
    String(row.hits),
    String(row.falseAlarms),
    percent(row.hitRate),
    percent(row.falseAlarmRate),
    row.meanLeadMonths === null ? '–' : row.meanLeadMonths.toFixed(1),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    `Back-test ${report.from} to ${report.to}: ${plural(report.areas, 'area')} in ${plural(report.countries, 'country', 'countries')}.`,
    `Onset: ${describeOnset(report.onset)}; ${report.baseline.onsets} onsets in ${report.onsetMonths.from} to ${report.onsetMonths.to}.`,
    `An alert is a hit when an onset follows ${report.horizon.from}–${report.horizon.to} months after it; alerts scored in ${report.alertMonths.from} to ${report.alertMonths.to}.`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function percent(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(0)} %`;
}

function describeOnset(onset: OnsetDefinition): string {
  return onset.kind === 'indicator-above'
    ? `${onset.indicatorId} above ${onset.threshold}`
    : `${onset.node} reaches ${onset.toClass}`;
}
