import type { AlertFormat } from './alert-format.js';
import { useAlertStrings } from './alert-strings.js';
import type { BacktestFigures } from './alert-types.js';

type FigureKey = {
  [K in keyof BacktestFigures]: BacktestFigures[K] extends number | null ? K : never;
}[keyof BacktestFigures];

const rows: { key: FigureKey; label: string; kind: 'count' | 'rate' | 'months' | 'number' }[] = [
  { key: 'alerts', label: 'rule.alerts', kind: 'count' },
  { key: 'alertsPerCountryYear', label: 'rule.perCountryYear', kind: 'number' },
  { key: 'onsets', label: 'rule.onsets', kind: 'count' },
  { key: 'hits', label: 'rule.hits', kind: 'count' },
  { key: 'falseAlarms', label: 'rule.falseAlarms', kind: 'count' },
  { key: 'hitRate', label: 'rule.hitRate', kind: 'rate' },
  { key: 'falseAlarmRate', label: 'rule.falseAlarmRate', kind: 'rate' },
  { key: 'meanLeadMonths', label: 'rule.lead', kind: 'months' },
];

/**
 * A rule's back-test beside the naive baseline's, one figure a row, so that the rule is read
 * against doing nothing; and in a sentence, whether it warns of more onsets than doing nothing.
 */
export function BacktestTable({
  caption,
  rule,
  baseline,
  format,
}: {
  caption: string;
  rule: BacktestFigures;
  baseline: BacktestFigures;
  format: AlertFormat;
}) {
  const a = useAlertStrings();
  const show = (value: number | null, kind: (typeof rows)[number]['kind']) =>
    kind === 'rate'
      ? format.share(value)
      : kind === 'months'
        ? value === null
          ? format.number(null)
          : a('rule.leadMonths', { months: format.number(value) })
        : format.number(value);
  const better = (rule.hitRate ?? 0) > (baseline.hitRate ?? 0);
  return (
    <>
      <div className="table-scroll">
        <table className="alert-table backtest-table" data-testid="backtest">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{a('rule.figure')}</th>
              <th scope="col">{a('rule.thisRule')}</th>
              <th scope="col">{a('rule.naive')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{a(row.label)}</th>
                <td className="number">{show(rule[row.key], row.kind)}</td>
                <td className="number">{show(baseline[row.key], row.kind)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={better ? undefined : 'notice'}>
        {a(better ? 'rule.verdictBetter' : 'rule.verdictNotBetter')}
      </p>
    </>
  );
}
