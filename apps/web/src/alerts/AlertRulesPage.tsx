import { localise } from '@prevention/core';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../app/QueryState.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { useAlertStrings } from './alert-strings.js';
import { useAlertAreaNames } from './area-label.js';

/** `/alert-rules`: every rule's latest version, global ones and each country's own. */
export function AlertRulesPage() {
  const { i18n } = useTranslation();
  const a = useAlertStrings();
  const trpc = useTRPC();
  const names = useAlertAreaNames();
  const rules = useQuery(trpc.alertRules.list.queryOptions());
  return (
    <article aria-labelledby="rules-title" className="alerts-page">
      <ul className="page-links">
        <li>
          <Link to="/alerts">{a('links.inbox')}</Link>
        </li>
      </ul>
      <h1 id="rules-title">{a('rules.title')}</h1>
      <p className="lead">{a('rules.intro')}</p>
      <QueryState query={rules}>
        {(list) =>
          list.length === 0 ? (
            <p>{a('rules.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="alert-table" data-testid="rule-table">
                <caption>{a('rules.caption', { count: list.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{a('rules.rule')}</th>
                    <th scope="col">{a('rules.kind')}</th>
                    <th scope="col">{a('rules.scope')}</th>
                    <th scope="col">{a('rules.level')}</th>
                    <th scope="col">{a('rules.version')}</th>
                    <th scope="col">{a('rules.enabled')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((rule) => (
                    <tr key={`${rule.countryCode ?? ''}-${rule.id}`}>
                      <th scope="row">
                        <Link to="/alert-rules/$id" params={{ id: rule.id }}>
                          {localise(rule.title, i18n.language)}
                        </Link>
                      </th>
                      <td>{a(`kind.${rule.condition.kind}`)}</td>
                      <td>
                        {rule.countryCode === null
                          ? a('rules.global')
                          : names.country(rule.countryCode)}
                      </td>
                      <td>{a(`level.${rule.level}`)}</td>
                      <td className="number">{rule.version}</td>
                      <td>{a(rule.enabled ? 'rules.yes' : 'rules.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </article>
  );
}
