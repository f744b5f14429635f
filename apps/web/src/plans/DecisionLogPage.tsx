import { findCountry } from '@prevention/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { QueryState } from '../app/QueryState.js';
import { holdsRole, useSession } from '../auth/session.js';
import { useAreaNames } from '../i18n/area-names.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { DecisionForm } from './DecisionForm.js';
import { FollowUpForm } from './FollowUpForm.js';
import { planFormat } from './plan-format.js';
import { decisionRecorderRoles } from './plan-roles.js';
import { usePlanStrings } from './plan-strings.js';

/**
 * `/decisions`: what leadership meetings decided, who owns it and by when, and what became of
 * it. Overdue is derived from the date on the server every time, never stored.
 */
export function DecisionLogPage({ countryCode }: { countryCode: string | undefined }) {
  const { i18n } = useTranslation();
  const p = usePlanStrings();
  const trpc = useTRPC();
  const names = useAreaNames();
  const { session } = useSession();
  const decisions = useQuery(
    trpc.decisions.list.queryOptions(countryCode ? { countryCode, limit: 200 } : { limit: 200 }),
  );
  const format = useMemo(() => planFormat(i18n.language), [i18n.language]);
  const mayRecord = holdsRole(session, decisionRecorderRoles);
  const countryName = (code: string | null) =>
    code === null
      ? p('decisions.acrossCountries')
      : names.country(code, findCountry(code)?.name ?? code);

  return (
    <article aria-labelledby="decisions-title" className="plans-page">
      <ul className="page-links">
        <li>
          <Link to="/plans">{p('page.backToPlans')}</Link>
        </li>
      </ul>
      <h1 id="decisions-title">{p('decisions.title')}</h1>
      <p className="lead">{p('decisions.intro')}</p>
      <QueryState query={decisions}>
        {(list) =>
          list.length === 0 ? (
            <p>{p('decisions.none')}</p>
          ) : (
            <ol className="decision-log">
              {list.map(({ decision, status, overdue }) => {
                const mayFollowUp =
                  mayRecord || (session !== null && session?.user.id === decision.ownerId);
                return (
                  <li key={decision.id} className="decision" data-testid="decision">
                    <h2 className="decision-text">{decision.text}</h2>
                    <p className="muted">
                      {p('decisions.meetingLine', {
                        body: decision.meeting.bodyName,
                        meeting: decision.meeting.title,
                        date: format.date(decision.meeting.date),
                        country: countryName(decision.countryCode),
                      })}
                    </p>
                    <p>
                      <span className={`decision-status decision-status-${status}`}>
                        {p(`decisionStatus.${status}`)}
                      </span>{' '}
                      · {p(`decisionKind.${decision.kind}`)}
                      {decision.dueDate
                        ? ` · ${p('due.dueOn', { date: format.date(decision.dueDate) })}`
                        : ''}{' '}
                      {overdue ? <strong className="flag">{p('decisions.overdue')}</strong> : null}
                    </p>
                    {decision.followUps.length > 0 ? (
                      <ul className="follow-ups">
                        {decision.followUps.map((followUp, index) => (
                          <li key={index}>
                            {format.date(followUp.date)} — {followUp.text}{' '}
                            <span className="muted">
                              ({p(`decisionStatus.${followUp.status}`)})
                            </span>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {mayFollowUp ? (
                      <FollowUpForm decisionId={decision.id} current={status} />
                    ) : null}
                  </li>
                );
              })}
            </ol>
          )
        }
      </QueryState>
      {mayRecord ? <DecisionForm defaultCountry={countryCode ?? null} /> : null}
    </article>
  );
}
