import { countries, localise } from '@prevention/core';
import { alertStatuses, type AlertStatus } from '@prevention/early-warning';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { QueryState } from '../app/QueryState.js';
import { useSession } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link, useNavigate } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { alertFormat, type AlertFormat } from './alert-format.js';
import { useAlertStrings } from './alert-strings.js';
import type { AlertView } from './alert-types.js';
import { useAlertAreaNames } from './area-label.js';
import { DigestPanel } from './DigestPanel.js';
import { groupByLevel, inboxRows, snoozedCount, type InboxOrder } from './inbox-rows.js';
import { ResponseTimesTable } from './ResponseTimesTable.js';

/** The statuses the inbox asks for: not closed by default, one of them, or any. */
export type StatusChoice = 'not-closed' | 'any' | AlertStatus;

const notClosed: AlertStatus[] = ['open', 'acknowledged', 'responded'];

export function statusFilter(choice: StatusChoice): AlertStatus[] | undefined {
  if (choice === 'any') return undefined;
  return choice === 'not-closed' ? notClosed : [choice];
}

function isStatusChoice(value: string | undefined): value is StatusChoice {
  return (
    value === 'not-closed' ||
    value === 'any' ||
    (alertStatuses as readonly string[]).includes(value ?? '')
  );
}

/**
 * `/alerts`: the caller's alerts, by level and age, with what is new since yesterday and how
 * quickly each country team acknowledges and responds. Filters live in the address, so a
 * filtered inbox can be bookmarked or sent.
 */
export function AlertInboxPage({ search }: { search: Readonly<Record<string, string>> }) {
  const { t, i18n } = useTranslation();
  const a = useAlertStrings();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const names = useAlertAreaNames();
  const { session } = useSession();
  const ids = { country: useId(), status: useId(), snoozed: useId() };
  const country = search.country ?? '';
  const status: StatusChoice = isStatusChoice(search.status) ? search.status : 'not-closed';
  const order: InboxOrder = search.order === 'age' ? 'age' : 'level';
  const [showSnoozed, setShowSnoozed] = useState(false);
  const format = useMemo(() => alertFormat(i18n.language), [i18n.language]);
  const statuses = statusFilter(status);
  // A page at a time, the most urgent and oldest first: the rest on request.
  const list = useInfiniteQuery(
    trpc.alerts.list.infiniteQueryOptions(
      {
        ...(statuses ? { status: statuses } : {}),
        ...(country ? { countryCode: country } : {}),
        limit: 100,
      },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        placeholderData: keepPreviousData,
      },
    ),
  );
  const scope = session?.actor.scope;
  const countryChoices = useMemo(
    () =>
      (scope?.kind === 'countries' ? scope.countries : countries.map((c) => c.code))
        .map((code) => ({ code, name: names.country(code) }))
        .sort((x, y) => names.compare(x.name, y.name)),
    [scope, names],
  );
  const setSearch = (next: { country?: string; status?: StatusChoice; order?: InboxOrder }) =>
    navigate({
      to: '/alerts',
      search: {
        country: next.country ?? country,
        status: (next.status ?? status) === 'not-closed' ? undefined : (next.status ?? status),
        order: (next.order ?? order) === 'level' ? undefined : (next.order ?? order),
      },
      replace: true,
    });

  return (
    <article aria-labelledby="alerts-title" className="alerts-page">
      <ul className="page-links">
        <li>
          <Link to="/alert-rules">{a('links.rules')}</Link>
        </li>
      </ul>
      <h1 id="alerts-title">{a('inbox.title')}</h1>
      <p className="lead">{a('inbox.intro')}</p>
      <DigestPanel format={format} />
      <fieldset className="filters">
        <legend>{a('inbox.filters')}</legend>
        <div className="field">
          <label htmlFor={ids.country}>{a('inbox.country')}</label>
          <select
            id={ids.country}
            value={country}
            onChange={(event) => setSearch({ country: event.target.value })}
          >
            <option value="">{a('inbox.allCountries')}</option>
            {countryChoices.map((choice) => (
              <option key={choice.code} value={choice.code}>
                {choice.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>{a('inbox.status')}</label>
          <select
            id={ids.status}
            value={status}
            onChange={(event) => {
              if (isStatusChoice(event.target.value)) setSearch({ status: event.target.value });
            }}
          >
            <option value="not-closed">{a('inbox.notClosed')}</option>
            {alertStatuses.map((value) => (
              <option key={value} value={value}>
                {a(`status.${value}`)}
              </option>
            ))}
            <option value="any">{a('inbox.allStatuses')}</option>
          </select>
        </div>
        <fieldset className="choices">
          <legend>{a('inbox.order')}</legend>
          {(['level', 'age'] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="alert-order"
                value={value}
                checked={order === value}
                onChange={() => setSearch({ order: value })}
              />
              {a(value === 'level' ? 'inbox.byLevel' : 'inbox.byAge')}
            </label>
          ))}
        </fieldset>
        <label className="checkbox" htmlFor={ids.snoozed}>
          <input
            id={ids.snoozed}
            type="checkbox"
            checked={showSnoozed}
            onChange={(event) => setShowSnoozed(event.target.checked)}
          />{' '}
          {a('inbox.showSnoozed')}
        </label>
      </fieldset>
      <QueryState query={list}>
        {(data) => (
          <>
            <InboxTables
              alerts={data.pages.flatMap((page) => page.items)}
              order={order}
              showSnoozed={showSnoozed}
              format={format}
            />
            {list.hasNextPage ? (
              <button
                type="button"
                className="secondary"
                disabled={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('common.loadMore')}
              </button>
            ) : null}
          </>
        )}
      </QueryState>
      <ResponseTimesTable format={format} />
    </article>
  );
}

function InboxTables({
  alerts,
  order,
  showSnoozed,
  format,
}: {
  alerts: readonly AlertView[];
  order: InboxOrder;
  showSnoozed: boolean;
  format: AlertFormat;
}) {
  const a = useAlertStrings();
  const rows = inboxRows(alerts, { now: new Date(), showSnoozed, order });
  const hidden = showSnoozed ? 0 : snoozedCount(alerts);
  return (
    <section aria-labelledby="alerts-list-title" className="region">
      <h2 id="alerts-list-title">{a('inbox.count', { count: rows.length })}</h2>
      <p role="status" className="muted">
        {hidden > 0 ? a('inbox.snoozedHidden', { count: hidden }) : ''}
      </p>
      {rows.length === 0 ? (
        <p>{a('inbox.none')}</p>
      ) : order === 'level' ? (
        groupByLevel(rows).map((group) => (
          <AlertTable
            key={group.level}
            caption={a('inbox.groupCaption', {
              level: a(`level.${group.level}`),
              count: group.rows.length,
            })}
            rows={group.rows}
            format={format}
          />
        ))
      ) : (
        <AlertTable
          caption={a('inbox.allCaption', { count: rows.length })}
          rows={rows}
          format={format}
        />
      )}
    </section>
  );
}

function AlertTable({
  caption,
  rows,
  format,
}: {
  caption: string;
  rows: readonly { alert: AlertView; ageHours: number }[];
  format: AlertFormat;
}) {
  const { i18n } = useTranslation();
  const a = useAlertStrings();
  const names = useAlertAreaNames();
  return (
    <div className="table-scroll">
      <table className="alert-table" data-testid="alert-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a('inbox.alert')}</th>
            <th scope="col">{a('inbox.area')}</th>
            <th scope="col">{a('inbox.level')}</th>
            <th scope="col">{a('inbox.status')}</th>
            <th scope="col">{a('inbox.period')}</th>
            <th scope="col">{a('inbox.age')}</th>
            <th scope="col">{a('inbox.acknowledgeBy')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ alert, ageHours }) => (
            <tr key={alert.id} data-alert={alert.id}>
              <th scope="row">
                <Link to="/alerts/$id" params={{ id: alert.id }}>
                  {localise(alert.ruleTitle, i18n.language)}
                </Link>
              </th>
              <td>{names.area(alert.areaCode, alert.countryCode)}</td>
              <td>
                <span className={`alert-level alert-level-${alert.level}`}>
                  {a(`level.${alert.level}`)}
                </span>
              </td>
              <td>
                {a(`status.${alert.status}`)}
                {alert.snoozed && alert.snoozedUntil ? (
                  <span className="muted">
                    {' '}
                    · {a('inbox.snoozedUntil', { date: format.date(alert.snoozedUntil) })}
                  </span>
                ) : null}
              </td>
              <td>{format.month(alert.period)}</td>
              <td>
                <time dateTime={alert.raisedAt} title={format.dateTime(alert.raisedAt)}>
                  {a('inbox.ago', { age: format.duration(ageHours) })}
                </time>
              </td>
              <td>
                {alert.status === 'open' ? (
                  <>
                    <time dateTime={alert.acknowledgeBy}>
                      {format.dateTime(alert.acknowledgeBy)}
                    </time>
                    {alert.overdue ? <strong className="flag">{a('inbox.overdue')}</strong> : null}
                  </>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
