import { localise } from '@prevention/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { QueryState } from '../app/QueryState.js';
import { useSession } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
import { SaveMessage, type FormOutcome } from '../plans/SaveMessage.js';
import { Link } from '../router/Link.js';
import { useTRPC, useTRPCClient } from '../trpc/trpc.js';
import { alertFormat, type AlertFormat } from './alert-format.js';
import { useAlertStrings } from './alert-strings.js';
import type { AlertDetail, AlertEvent } from './alert-types.js';
import { AcknowledgeForm, CloseForm, SnoozeForm } from './AlertStepForms.js';
import { useAlertAreaNames } from './area-label.js';
import { EvidenceChart } from './EvidenceChart.js';
import { RespondForm } from './RespondForm.js';

/**
 * `/alerts/$id`: why an alert fired (the series, its baseline and threshold, the rule and its
 * version), what has been done about it, step by step, and the steps the reader may take next.
 */
export function AlertPage({ id }: { id: string }) {
  const { i18n } = useTranslation();
  const a = useAlertStrings();
  const trpc = useTRPC();
  const names = useAlertAreaNames();
  const alert = useQuery(trpc.alerts.get.queryOptions({ id }));
  const format = useMemo(() => alertFormat(i18n.language), [i18n.language]);

  return (
    <article aria-labelledby="alert-title" className="alerts-page">
      <ul className="page-links">
        <li>
          <Link to="/alerts">{a('alert.backToInbox')}</Link>
        </li>
      </ul>
      <QueryState query={alert}>
        {(data) => (
          <>
            <h1 id="alert-title">
              {a('alert.title', {
                rule: localise(data.ruleTitle, i18n.language),
                area: names.area(data.areaCode, data.countryCode),
              })}
            </h1>
            <AlertFacts alert={data} format={format} />
            <section aria-labelledby="alert-why-title" className="region">
              <h2 id="alert-why-title">{a('alert.why')}</h2>
              <p className="lead" data-testid="alert-reason">
                {data.evidence.reason}
              </p>
              <dl className="facts">
                <dt>{a('alert.measure')}</dt>
                <dd>{data.evidence.measure}</dd>
                <dt>{a('alert.observed')}</dt>
                <dd>{format.number(data.evidence.observed)}</dd>
                <dt>{a('alert.baseline')}</dt>
                <dd>
                  {data.evidence.baseline === null
                    ? a('alert.noBaseline')
                    : format.number(data.evidence.baseline)}
                </dd>
                <dt>{a('alert.threshold')}</dt>
                <dd>{format.number(data.evidence.threshold)}</dd>
              </dl>
              <EvidenceChart evidence={data.evidence} format={format} />
            </section>
            <WhatWasDone alert={data} format={format} />
            <AlertHistory events={data.events} format={format} />
            <AlertActions alert={data} format={format} />
          </>
        )}
      </QueryState>
    </article>
  );
}

function AlertFacts({ alert, format }: { alert: AlertDetail; format: AlertFormat }) {
  const { t, i18n } = useTranslation();
  const a = useAlertStrings();
  const names = useAlertAreaNames();
  return (
    <section aria-labelledby="alert-facts-title" className="region">
      <h2 id="alert-facts-title" className="visually-hidden">
        {a('alert.facts')}
      </h2>
      <dl className="facts" data-testid="alert-facts">
        <dt>{a('alert.level')}</dt>
        <dd>
          <span className={`alert-level alert-level-${alert.level}`}>
            {a(`level.${alert.level}`)}
          </span>
        </dd>
        <dt>{a('alert.status')}</dt>
        <dd data-testid="alert-status">
          {a(`status.${alert.status}`)}
          {alert.overdue ? <strong className="flag">{a('inbox.overdue')}</strong> : null}
        </dd>
        <dt>{a('alert.country')}</dt>
        <dd>
          <Link to="/risk/$areaCode" params={{ areaCode: alert.countryCode }}>
            {names.country(alert.countryCode)}
          </Link>
        </dd>
        {alert.areaCode === alert.countryCode ? null : (
          <>
            <dt>{a('alert.area')}</dt>
            <dd>{alert.areaCode}</dd>
          </>
        )}
        <dt>{a('alert.periods')}</dt>
        <dd>
          {alert.firstPeriod === alert.period
            ? format.month(alert.period)
            : a('alert.periodRange', {
                from: format.month(alert.firstPeriod),
                to: format.month(alert.period),
              })}
        </dd>
        <dt>{a('alert.firings')}</dt>
        <dd>{format.number(alert.firings)}</dd>
        <dt>{a('alert.raisedAt')}</dt>
        <dd>{format.dateTime(alert.raisedAt)}</dd>
        {alert.status === 'open' ? (
          <>
            <dt>{a('alert.acknowledgeBy')}</dt>
            <dd>{format.dateTime(alert.acknowledgeBy)}</dd>
          </>
        ) : null}
        {alert.snoozed && alert.snoozedUntil ? (
          <>
            <dt>{a('alert.snoozedUntil')}</dt>
            <dd>{format.date(alert.snoozedUntil)}</dd>
          </>
        ) : null}
        <dt>{a('alert.rule')}</dt>
        <dd>
          <Link to="/alert-rules/$id" params={{ id: alert.ruleId }}>
            {a('alert.ruleVersion', {
              rule: localise(alert.rule.title, i18n.language),
              version: alert.ruleVersion,
            })}
          </Link>{' '}
          <span className="muted">· {a(`kind.${alert.rule.condition.kind}`)}</span>
        </dd>
        <dt>{a('alert.sensitivity')}</dt>
        <dd>{t(`sensitivity.${alert.sensitivity}`)}</dd>
      </dl>
    </section>
  );
}

/** Who a step was taken by, as the history names them: its events carry the names. */
function useActorName(events: readonly AlertEvent[]) {
  const a = useAlertStrings();
  const { session } = useSession();
  return (actorId: string | null) =>
    actorId === null
      ? a('alert.evaluation')
      : actorId === session?.user.id
        ? a('alert.you')
        : (events.find((event) => event.actorId === actorId)?.actorName ?? a('alert.someone'));
}

function WhatWasDone({ alert, format }: { alert: AlertDetail; format: AlertFormat }) {
  const a = useAlertStrings();
  const nameOf = useActorName(alert.events);
  return (
    <section aria-labelledby="alert-done-title" className="region" data-testid="alert-done">
      <h2 id="alert-done-title">{a('alert.done')}</h2>
      {alert.respondedAt === null && alert.closedAt === null ? (
        <p className="muted">{a('alert.notYet')}</p>
      ) : null}
      {alert.respondedAt !== null ? (
        <>
          <p>
            {a('alert.respondedBy', {
              time: format.dateTime(alert.respondedAt),
              person: nameOf(alert.respondedBy),
            })}
          </p>
          {alert.responseNote ? <blockquote>{alert.responseNote}</blockquote> : null}
          <ResponseLinks alert={alert} />
        </>
      ) : null}
      {alert.closedAt !== null && alert.outcome !== null ? (
        <>
          <p>
            {a('alert.outcomeLine', {
              time: format.dateTime(alert.closedAt),
              person: nameOf(alert.closedBy),
              outcome: a(`outcome.${alert.outcome}`),
            })}
          </p>
          {alert.closingNote ? <blockquote>{alert.closingNote}</blockquote> : null}
        </>
      ) : null}
    </section>
  );
}

/** The plan actions and decisions that answered the alert, by their titles where visible. */
function ResponseLinks({ alert }: { alert: AlertDetail }) {
  const a = useAlertStrings();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const response = alert.response;
  const decisions = useQuery({
    ...trpc.decisions.list.queryOptions({ countryCode: alert.countryCode, limit: 200 }),
    enabled: (response?.decisionIds.length ?? 0) > 0,
  });
  const plans = useQuery({
    ...trpc.plans.list.queryOptions({ countryCode: alert.countryCode }),
    enabled: (response?.planActionIds.length ?? 0) > 0,
  });
  // Each plan's actions, fetched together: the response names actions, not the plan they are in.
  const planIds = (plans.data ?? []).map((plan) => plan.id);
  const details = useQuery({
    queryKey: [['plans', 'byId'], { input: planIds, type: 'alert-links' }],
    queryFn: () => Promise.all(planIds.map((id) => client.plans.byId.query({ id }))),
    enabled: planIds.length > 0,
  });
  if (!response) return null;
  const decisionText = (id: string) =>
    decisions.data?.find(({ decision }) => decision.id === id)?.decision.text ?? id;
  const actionOf = (id: string) => {
    for (const plan of details.data ?? []) {
      const action = plan.content.actions.find((candidate) => candidate.id === id);
      if (action) return { planId: plan.id, title: action.title };
    }
    return null;
  };
  return (
    <>
      {response.planActionIds.length > 0 ? (
        <>
          <h3>{a('alert.linkedActions')}</h3>
          <ul data-testid="linked-actions">
            {response.planActionIds.map((actionId) => {
              const action = actionOf(actionId);
              return (
                <li key={actionId}>
                  {action ? (
                    <Link to="/plans/$id" params={{ id: action.planId }}>
                      {action.title}
                    </Link>
                  ) : (
                    actionId
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {response.decisionIds.length > 0 ? (
        <>
          <h3>{a('alert.linkedDecisions')}</h3>
          <ul data-testid="linked-decisions">
            {response.decisionIds.map((decisionId) => (
              <li key={decisionId}>
                <Link to="/decisions" search={{ country: alert.countryCode }}>
                  {decisionText(decisionId)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function AlertHistory({ events, format }: { events: AlertEvent[]; format: AlertFormat }) {
  const a = useAlertStrings();
  const actorName = useActorName(events);
  return (
    <section aria-labelledby="alert-history-title" className="region">
      <h2 id="alert-history-title">{a('alert.history')}</h2>
      <div className="table-scroll">
        <table className="alert-table" data-testid="alert-history">
          <caption>{a('alert.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{a('alert.when')}</th>
              <th scope="col">{a('alert.step')}</th>
              <th scope="col">{a('alert.who')}</th>
              <th scope="col">{a('alert.note')}</th>
            </tr>
          </thead>
          <tbody>
            {[...events]
              .sort((x, y) => x.seq - y.seq)
              .map((event) => (
                <tr key={event.seq}>
                  <th scope="row">
                    <time dateTime={event.at}>{format.dateTime(event.at)}</time>
                  </th>
                  <td>
                    {a(`alert.event.${event.action}`, {
                      level: a(`level.${event.level}`),
                      period: event.period ? format.month(event.period) : '–',
                    })}
                  </td>
                  <td>{actorName(event.actorId)}</td>
                  <td>{event.note ?? ''}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The steps the reader may take now, as the server says (`actions`); what the last one came to
 * stays above the forms, since a step taken usually removes its own form.
 */
function AlertActions({ alert, format }: { alert: AlertDetail; format: AlertFormat }) {
  const a = useAlertStrings();
  const [outcome, setOutcome] = useState<FormOutcome | null>(null);
  return (
    <section aria-labelledby="alert-actions-title" className="region" data-testid="alert-actions">
      <h2 id="alert-actions-title">{a('alert.actions')}</h2>
      <SaveMessage outcome={outcome} />
      {alert.actions.length === 0 ? <p className="muted">{a('alert.noActions')}</p> : null}
      <div className="alert-forms">
        {alert.actions.includes('acknowledge') ? (
          <AcknowledgeForm alertId={alert.id} report={setOutcome} />
        ) : null}
        {alert.actions.includes('respond') ? (
          <RespondForm alertId={alert.id} countryCode={alert.countryCode} report={setOutcome} />
        ) : null}
        {alert.actions.includes('close') ? (
          <CloseForm alertId={alert.id} report={setOutcome} />
        ) : null}
        {alert.actions.includes('snooze') ? (
          <SnoozeForm alertId={alert.id} report={setOutcome} format={format} />
        ) : null}
      </div>
    </section>
  );
}
