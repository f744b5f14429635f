import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { QueryState } from '../app/QueryState.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { planFormat } from './plan-format.js';
import { usePlanStrings } from './plan-strings.js';

/** What the reader owes: the decisions they own that are not completed, and their actions. */
export function DueFromMe() {
  const { i18n } = useTranslation();
  const p = usePlanStrings();
  const trpc = useTRPC();
  const due = useQuery(trpc.plans.dueFromMe.queryOptions());
  const format = useMemo(() => planFormat(i18n.language), [i18n.language]);
  return (
    <section aria-labelledby="due-title" className="panel">
      <h2 id="due-title">{p('due.title')}</h2>
      <QueryState query={due}>
        {({ decisions, actions }) =>
          decisions.length === 0 && actions.length === 0 ? (
            <p>{p('due.nothing')}</p>
          ) : (
            <>
              {decisions.length > 0 ? (
                <>
                  <h3>{p('due.decisions', { count: decisions.length })}</h3>
                  <ul className="due-list">
                    {decisions.map(({ decision, status, overdue }) => (
                      <li key={decision.id}>
                        <span>{decision.text}</span>{' '}
                        <span className="muted">
                          {decision.dueDate
                            ? p('due.dueOn', { date: format.date(decision.dueDate) })
                            : null}{' '}
                          · {p(`decisionStatus.${status}`)}
                        </span>{' '}
                        {overdue ? (
                          <strong className="flag">{p('decisions.overdue')}</strong>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {actions.length > 0 ? (
                <>
                  <h3>{p('due.actions', { count: actions.length })}</h3>
                  <ul className="due-list">
                    {actions.map((action) => (
                      <li key={`${action.planId} ${action.actionId}`}>
                        <Link to="/plans/$id" params={{ id: action.planId }}>
                          {action.title}
                        </Link>{' '}
                        {action.late.map((reason) => (
                          <strong key={reason} className="flag">
                            {p(`late.${reason}`)}
                          </strong>
                        ))}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
