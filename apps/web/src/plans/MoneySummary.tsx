import type { PlanAnalysis } from './plan-types.js';
import type { PlanFormat } from './plan-format.js';
import { usePlanStrings } from './plan-strings.js';

type Totals = PlanAnalysis['financing']['plan'];

/**
 * The plan's money in one row of figures. Pledges are shown but counted in no total until they
 * are committed, as OCHA's FTS counts them; the gaps are required − committed and − disbursed.
 */
export function MoneySummary({ totals, format }: { totals: Totals; format: PlanFormat }) {
  const p = usePlanStrings();
  const figures: { key: keyof Totals; gap?: boolean }[] = [
    { key: 'requiredUsd' },
    { key: 'pledgedUsd' },
    { key: 'committedUsd' },
    { key: 'disbursedUsd' },
    { key: 'gapCommittedUsd', gap: true },
    { key: 'gapDisbursedUsd', gap: true },
  ];
  return (
    <section aria-labelledby="money-title" className="panel">
      <h2 id="money-title">{p('money.title')}</h2>
      <dl className="money-figures" data-testid="plan-money">
        {figures.map(({ key, gap }) => (
          <div key={key} className={gap && totals[key] > 0 ? 'money-gap' : undefined}>
            <dt>{p(`money.${key}`)}</dt>
            <dd data-testid={`money-${key}`}>{format.usd(totals[key])}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{p('money.note')}</p>
    </section>
  );
}
