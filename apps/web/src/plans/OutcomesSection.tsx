import { useTranslation } from '../i18n/i18n.js';
import type { PlanAnalysis, PlanDetail } from './plan-types.js';
import { riskNodeTitle, type PlanFormat } from './plan-format.js';
import { usePlanStrings } from './plan-strings.js';

type Reading = { value: number | null; narrative: string | null };

/**
 * The collective outcomes: the pillars each joins, the SDG targets and risks it aims at, its
 * money (an action's money split equally over the outcomes it serves, counted once), and each
 * indicator's actuals against its targets over time.
 */
export function OutcomesSection({
  plan,
  analysis,
  format,
}: {
  plan: PlanDetail;
  analysis: PlanAnalysis;
  format: PlanFormat;
}) {
  const { i18n } = useTranslation();
  const p = usePlanStrings();
  const progress = new Map(analysis.indicators.map((i) => [i.indicatorId, i]));
  const reading = ({ value, narrative }: Reading) =>
    value === null ? (narrative ?? '—') : value.toLocaleString(i18n.language);
  return (
    <section aria-labelledby="outcomes-title" className="panel">
      <h2 id="outcomes-title">{p('outcomes.title', { count: plan.content.outcomes.length })}</h2>
      {plan.content.outcomes.length === 0 ? <p>{p('outcomes.none')}</p> : null}
      {plan.content.outcomes.map((outcome) => {
        const money = analysis.financing.byOutcome[outcome.id];
        return (
          <section
            key={outcome.id}
            aria-labelledby={`outcome-${outcome.id}`}
            className="outcome"
            data-testid="outcome"
          >
            <h3 id={`outcome-${outcome.id}`}>{outcome.title}</h3>
            {outcome.description ? <p>{outcome.description}</p> : null}
            <dl className="facts">
              <dt>{p('outcomes.pillars')}</dt>
              <dd>{outcome.pillars.map((pillar) => p(`pillar.${pillar}`)).join(' · ')}</dd>
              {outcome.sdgTargets.length > 0 ? (
                <>
                  <dt>{p('outcomes.sdgTargets')}</dt>
                  <dd>{outcome.sdgTargets.join(', ')}</dd>
                </>
              ) : null}
              {outcome.riskNodes.length > 0 ? (
                <>
                  <dt>{p('outcomes.risks')}</dt>
                  <dd>
                    {outcome.riskNodes
                      .map((node) => riskNodeTitle(analysis.riskNodeTitles, node, i18n.language))
                      .join(', ')}
                  </dd>
                </>
              ) : null}
              {money ? (
                <>
                  <dt>{p('outcomes.money')}</dt>
                  <dd>
                    {p('outcomes.moneyLine', {
                      required: format.usd(money.requiredUsd),
                      committed: format.usd(money.committedUsd),
                      gap: format.usd(money.gapCommittedUsd),
                    })}
                  </dd>
                </>
              ) : null}
            </dl>
            {outcome.indicators.length > 0 ? (
              <table className="plan-table">
                <caption>{p('outcomes.indicatorsCaption', { outcome: outcome.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{p('outcomes.indicator')}</th>
                    <th scope="col">{p('outcomes.baseline')}</th>
                    <th scope="col">{p('outcomes.latest')}</th>
                    <th scope="col">{p('outcomes.targets')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.indicators.map((indicator) => {
                    const shown = progress.get(indicator.id);
                    const latest = shown?.actuals.at(-1);
                    return (
                      <tr key={indicator.id}>
                        <th scope="row">{indicator.title}</th>
                        <td>
                          {p('outcomes.baselineValue', {
                            value: reading(indicator.baseline),
                            year: indicator.baseline.year,
                          })}
                        </td>
                        <td>
                          {latest
                            ? p('outcomes.readingOn', {
                                value: reading(latest),
                                date: format.date(latest.date),
                              })
                            : p('outcomes.noActual')}
                        </td>
                        <td>
                          <ul className="plain">
                            {(shown?.targets ?? []).map(({ target, met }) => (
                              <li key={target.date}>
                                {p('outcomes.readingOn', {
                                  value: reading(target),
                                  date: format.date(target.date),
                                })}{' '}
                                {met === null ? null : (
                                  <span className={met ? 'met' : 'flag'}>
                                    {p(met ? 'outcomes.met' : 'outcomes.notMet')}
                                  </span>
                                )}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
