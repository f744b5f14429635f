import type { PlanAnalysis, PlanDetail } from './plan-types.js';
import type { PlanFormat } from './plan-format.js';
import { usePlanStrings } from './plan-strings.js';

/** Who leads what, each organisation's share of actions and money, and the progress reports. */
export function AccountabilitySection({
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
  const p = usePlanStrings();
  const titles = new Map(plan.content.actions.map((a) => [a.id, a.title]));
  const reports = [...plan.reports].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section aria-labelledby="accountability-title" className="panel">
      <h2 id="accountability-title">{p('accountability.title')}</h2>
      <table className="plan-table">
        <caption>{p('accountability.whoLeads')}</caption>
        <thead>
          <tr>
            <th scope="col">{p('accountability.organisation')}</th>
            <th scope="col">{p('accountability.leads')}</th>
            <th scope="col">{p('accountability.partnerIn')}</th>
            <th scope="col">{p('accountability.actionShare')}</th>
            <th scope="col">{p('accountability.moneyShare')}</th>
          </tr>
        </thead>
        <tbody>
          {analysis.organisations.map((organisation) => (
            <tr key={organisation.organisationId}>
              <th scope="row">{organisationName(organisation.organisationId)}</th>
              <td>{organisation.leads.length}</td>
              <td>{organisation.partnerIn.length}</td>
              <td>{format.percent(organisation.actionShare)}</td>
              <td>{format.percent(organisation.moneyShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{p('accountability.reports', { count: reports.length })}</h3>
      {reports.length === 0 ? (
        <p>{p('accountability.noReports')}</p>
      ) : (
        <ul className="reports">
          {reports.map((report) => (
            <li key={report.id}>
              <strong>{titles.get(report.actionId)}</strong>{' '}
              <span className={`rag rag-${report.rating}`}>{p(`rag.${report.rating}`)}</span>{' '}
              <span className="muted">
                {p('accountability.reportLine', {
                  date: format.date(report.date),
                  percent: report.milestonesMetPercent,
                })}
              </span>
              <p>{report.narrative}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
