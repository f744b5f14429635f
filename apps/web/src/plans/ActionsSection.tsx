import { stages } from '@prevention/assessment';
import { localise } from '@prevention/core';
import { useTranslation } from '../i18n/i18n.js';
import type { PlanAnalysis, PlanDetail } from './plan-types.js';
import type { PlanFormat } from './plan-format.js';
import { usePlanStrings } from './plan-strings.js';

/** The actions: who leads them, where on the continuum, their markers, money and lateness. */
export function ActionsSection({
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
  const late = new Map(analysis.late.map((l) => [l.actionId, l.reasons]));
  const actions = plan.content.actions;
  return (
    <section aria-labelledby="actions-title" className="panel">
      <h2 id="actions-title">{p('actions.title', { count: actions.length })}</h2>
      {actions.length === 0 ? (
        <p>{p('actions.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="plan-table" data-testid="plan-actions">
            <caption className="visually-hidden">{p('actions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{p('actions.action')}</th>
                <th scope="col">{p('actions.lead')}</th>
                <th scope="col">{p('actions.pillarsStage')}</th>
                <th scope="col">{p('actions.status')}</th>
                <th scope="col">{p('actions.markers')}</th>
                <th scope="col">{p('money.requiredUsd')}</th>
                <th scope="col">{p('money.committedUsd')}</th>
                <th scope="col">{p('money.gapCommittedUsd')}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => {
                const money = analysis.financing.byAction[action.id];
                const reasons = late.get(action.id) ?? [];
                return (
                  <tr key={action.id}>
                    <th scope="row">
                      {action.title}
                      {reasons.map((reason) => (
                        <strong key={reason} className="flag">
                          {' '}
                          {p(`late.${reason}`)}
                        </strong>
                      ))}
                    </th>
                    <td>{organisationName(action.leadOrganisationId)}</td>
                    <td>
                      {action.pillars.map((pillar) => p(`pillar.${pillar}`)).join(' · ')}
                      <br />
                      <span className="muted">{localise(stages[action.stage], i18n.language)}</span>
                    </td>
                    <td>{p(`activityStatus.${action.status}`)}</td>
                    <td>
                      {p('actions.markerValues', {
                        gender: action.genderMarker,
                        rights: action.humanRightsMarker,
                      })}
                    </td>
                    <td>{format.usd(money?.requiredUsd ?? 0)}</td>
                    <td>{format.usd(money?.committedUsd ?? 0)}</td>
                    <td className={(money?.gapCommittedUsd ?? 0) > 0 ? 'money-gap' : undefined}>
                      {format.usd(money?.gapCommittedUsd ?? 0)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
