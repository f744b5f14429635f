import { useTranslation } from '../i18n/i18n.js';
import type { PlanAnalysis, PlanDetail } from './plan-types.js';
import { riskNodeTitle, type PlanFormat } from './plan-format.js';
import { usePlanStrings } from './plan-strings.js';

/**
 * What no existing tool shows at once: the drivers of the country's current risk that no active
 * action names, by pillar; the outcomes left unfunded; money concentrated on few funders; effort
 * spread over many small actions.
 */
export function GapPanel({
  plan,
  analysis,
  format,
  organisationName,
}: {
  plan: PlanDetail;
  analysis: PlanAnalysis;
  format: PlanFormat;
  organisationName: (id: string) => string;
}) {
  const { i18n } = useTranslation();
  const p = usePlanStrings();
  const { gaps, riskProfile } = analysis;
  const outcomeTitle = new Map(plan.content.outcomes.map((o) => [o.id, o.title]));
  const unaddressed = Object.entries(gaps.unaddressedRisks).filter(([, list]) => list.length > 0);
  const concentrated = gaps.concentration.filter((c) => (c.largestFunderShare ?? 0) >= 0.5);
  const fragmented = gaps.fragmentation.filter((f) => f.fragmented);
  return (
    <section aria-labelledby="gaps-title" className="panel gap-panel">
      <h2 id="gaps-title">{p('gaps.title')}</h2>
      <h3>{p('gaps.unaddressedTitle')}</h3>
      {riskProfile === null ? (
        <p>{p('gaps.noProfile')}</p>
      ) : unaddressed.length === 0 ? (
        <p>{p('gaps.allAddressed', { month: riskProfile.month })}</p>
      ) : (
        <>
          <p>{p('gaps.unaddressedIntro', { month: riskProfile.month })}</p>
          <ul data-testid="unaddressed-risks">
            {unaddressed.map(([pillar, drivers]) => (
              <li key={pillar}>
                <strong>{p(`pillar.${pillar}`)}</strong>
                <ul>
                  {drivers.map((driver) => (
                    <li key={driver.node}>
                      {riskNodeTitle(analysis.riskNodeTitles, driver.node, i18n.language)}{' '}
                      <span className="muted">
                        {p('gaps.driverScore', {
                          score: driver.score.toLocaleString(i18n.language, {
                            maximumFractionDigits: 1,
                          }),
                          trend: p(`trend.${driver.trend}`),
                        })}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{p('gaps.unfundedTitle')}</h3>
      {gaps.unfundedOutcomes.length === 0 ? (
        <p>{p('gaps.noneUnfunded')}</p>
      ) : (
        <ul>
          {gaps.unfundedOutcomes.map((outcome) => (
            <li key={outcome.outcomeId}>
              {outcomeTitle.get(outcome.outcomeId)}:{' '}
              {p('gaps.unfunded', {
                gap: format.usd(outcome.gapCommittedUsd),
                required: format.usd(outcome.requiredUsd),
                share: format.percent(outcome.gapShare),
              })}
            </li>
          ))}
        </ul>
      )}
      <h3>{p('gaps.concentrationTitle')}</h3>
      {concentrated.length === 0 ? (
        <p>{p('gaps.noneConcentrated')}</p>
      ) : (
        <ul>
          {concentrated.map((outcome) => (
            <li key={outcome.outcomeId}>
              {outcomeTitle.get(outcome.outcomeId)}:{' '}
              {p('gaps.concentrated', {
                funder: outcome.funders[0]
                  ? organisationName(outcome.funders[0].organisationId)
                  : '',
                share: format.percent(outcome.largestFunderShare),
                index: (outcome.herfindahl ?? 0).toLocaleString(i18n.language, {
                  maximumFractionDigits: 2,
                }),
              })}
            </li>
          ))}
        </ul>
      )}
      <h3>{p('gaps.fragmentationTitle')}</h3>
      {fragmented.length === 0 ? (
        <p>{p('gaps.noneFragmented')}</p>
      ) : (
        <ul>
          {fragmented.map((outcome) => (
            <li key={outcome.outcomeId}>
              {outcomeTitle.get(outcome.outcomeId)}:{' '}
              {p('gaps.fragmented', {
                actions: outcome.actions,
                leads: outcome.leadOrganisations,
                small: outcome.smallActions,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
