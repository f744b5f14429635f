import { findCountry } from '@prevention/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { QueryState } from '../app/QueryState.js';
import { holdsRole, useSession } from '../auth/session.js';
import { useAreaNames } from '../i18n/area-names.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { DueFromMe } from './DueFromMe.js';
import { planFormat } from './plan-format.js';
import { decisionReaderRoles } from './plan-roles.js';
import { usePlanStrings } from './plan-strings.js';

/**
 * `/plans`: one plan per country and cycle, the reader's countries first by name, and what is
 * due from the reader — their open decisions and the actions they answer for.
 */
export function PlansPage() {
  const { i18n } = useTranslation();
  const p = usePlanStrings();
  const trpc = useTRPC();
  const names = useAreaNames();
  const { session } = useSession();
  const plans = useQuery(trpc.plans.list.queryOptions({}));
  const format = useMemo(() => planFormat(i18n.language), [i18n.language]);
  const countryName = (code: string) => names.country(code, findCountry(code)?.name ?? code);

  return (
    <article aria-labelledby="plans-title" className="plans-page">
      <h1 id="plans-title">{p('list.title')}</h1>
      <p className="lead">{p('list.intro')}</p>
      {holdsRole(session, decisionReaderRoles) ? (
        <ul className="page-links">
          <li>
            <Link to="/decisions">{p('decisions.title')}</Link>
          </li>
        </ul>
      ) : null}
      <QueryState query={plans}>
        {(list) =>
          list.length === 0 ? (
            <p>{p('list.none')}</p>
          ) : (
            <table className="plan-table">
              <caption>{p('list.caption', { count: list.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{p('list.country')}</th>
                  <th scope="col">{p('list.plan')}</th>
                  <th scope="col">{p('list.cycle')}</th>
                  <th scope="col">{p('list.status')}</th>
                  <th scope="col">{p('list.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {[...list]
                  .sort(
                    (a, b) =>
                      countryName(a.countryCode).localeCompare(
                        countryName(b.countryCode),
                        i18n.language,
                      ) || b.startYear - a.startYear,
                  )
                  .map((plan) => (
                    <tr key={plan.id}>
                      <td>{countryName(plan.countryCode)}</td>
                      <th scope="row">
                        <Link to="/plans/$id" params={{ id: plan.id }}>
                          {plan.title}
                        </Link>
                      </th>
                      <td>{p('list.years', { start: plan.startYear, end: plan.endYear })}</td>
                      <td>
                        <span className={`plan-status plan-status-${plan.status}`}>
                          {p(`status.${plan.status}`)}
                        </span>
                      </td>
                      <td>{format.date(plan.updatedAt.slice(0, 10))}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <DueFromMe />
    </article>
  );
}
