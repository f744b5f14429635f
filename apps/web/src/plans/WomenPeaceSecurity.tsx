import type { PlanAnalysis } from './plan-types.js';
import type { PlanFormat } from './plan-format.js';
import { usePlanStrings } from './plan-strings.js';

/**
 * Women, peace and security: the share of actions and of money with a gender marker of 2 or 3,
 * against the UN's commitment of at least 15 % of peacebuilding funds; and the share of women in
 * the country's mediation processes over the years, from the peace-security pillar's records.
 */
export function WomenPeaceSecurity({
  analysis,
  format,
}: {
  analysis: PlanAnalysis;
  format: PlanFormat;
}) {
  const p = usePlanStrings();
  const { genderEquality } = analysis.gaps;
  const percent = (value: number | null) => (value === null ? '—' : format.percent(value / 100));
  return (
    <section aria-labelledby="wps-title" className="panel">
      <h2 id="wps-title">{p('wps.title')}</h2>
      <dl className="facts">
        <dt>{p('wps.actions')}</dt>
        <dd>
          {p('wps.actionsValue', {
            marked: genderEquality.actions.marked,
            total: genderEquality.actions.total,
            share: format.percent(genderEquality.actions.share),
          })}
        </dd>
        <dt>{p('wps.money')}</dt>
        <dd>
          {p('wps.moneyValue', {
            marked: format.usd(genderEquality.money.markedUsd),
            share: format.percent(genderEquality.money.share),
          })}{' '}
          {genderEquality.meetsCommitment === null ? null : (
            <strong className={genderEquality.meetsCommitment ? 'met' : 'flag'}>
              {p(genderEquality.meetsCommitment ? 'wps.meets' : 'wps.below', {
                commitment: format.percent(genderEquality.commitment),
              })}
            </strong>
          )}
        </dd>
      </dl>
      {analysis.womenInMediation.length === 0 ? (
        <p>{p('wps.noMediation')}</p>
      ) : (
        <table className="plan-table">
          <caption>{p('wps.mediationCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{p('wps.year')}</th>
              <th scope="col">{p('wps.processes')}</th>
              <th scope="col">{p('wps.negotiators')}</th>
              <th scope="col">{p('wps.mediators')}</th>
              <th scope="col">{p('wps.signatories')}</th>
            </tr>
          </thead>
          <tbody>
            {analysis.womenInMediation.map((year) => (
              <tr key={year.year}>
                <th scope="row">{year.year}</th>
                <td>{year.processes}</td>
                <td>{percent(year.negotiators)}</td>
                <td>{percent(year.mediators)}</td>
                <td>{percent(year.signatories)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
