import type { RouterOutputs } from '@prevention/api';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import { errorMessage } from '../../i18n/access-labels.js';
import { errorCode, useTRPC } from '../../trpc/trpc.js';
import type { RouteProps } from '../../app/routes.js';

type AuditEntry = RouterOutputs['audit']['list']['items'][number];

interface Filters {
  user: string;
  resource: string;
  resourceType: string;
  from: string;
  to: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log, newest first, filtered by user, resource and dates (UTC). */
export function AuditRoute({ search }: RouteProps<'/admin/audit'>) {
  return <AuditLogPage initialUser={search.user ?? ''} initialResource={search.resource ?? ''} />;
}

export function AuditLogPage({
  initialUser,
  initialResource,
}: {
  initialUser: string;
  initialResource: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const blank = {
    user: initialUser,
    resource: initialResource,
    resourceType: '',
    from: '',
    to: '',
  };
  const [draft, setDraft] = useState<Filters>(blank);
  const [filters, setFilters] = useState<Filters>(blank);
  const ids = { user: useId(), type: useId(), resource: useId(), from: useId(), to: useId() };

  const users = useQuery(trpc.users.list.queryOptions({ limit: 100 }));
  const userNames = useMemo(
    () => new Map((users.data?.items ?? []).map((user) => [user.id, user.email])),
    [users.data],
  );
  const entries = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      {
        limit: 50,
        ...(uuid.test(filters.user) ? { actorUserId: filters.user } : {}),
        ...(filters.resourceType ? { resourceType: filters.resourceType } : {}),
        ...(filters.resource.trim() ? { resourceId: filters.resource.trim() } : {}),
        ...(isoDate.test(filters.from) ? { from: filters.from } : {}),
        ...(isoDate.test(filters.to) ? { to: filters.to } : {}),
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p className="hint">{t('audit.intro')}</p>
      <form onSubmit={apply} className="filters" aria-label={t('audit.filters')}>
        <div className="field">
          <label htmlFor={ids.user}>{t('audit.user')}</label>
          <select id={ids.user} value={draft.user} onChange={(e) => set('user')(e.target.value)}>
            <option value="">{t('audit.anyUser')}</option>
            {(users.data?.items ?? []).map((user) => (
              <option key={user.id} value={user.id}>
                {user.email}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.type}>{t('audit.resourceType')}</label>
          <select
            id={ids.type}
            value={draft.resourceType}
            onChange={(e) => set('resourceType')(e.target.value)}
          >
            <option value="">{t('audit.anyResource')}</option>
            <option value="user">{t('audit.resourceTypes.user')}</option>
            <option value="signal">{t('audit.resourceTypes.signal')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.resource}>{t('audit.resourceId')}</label>
          <input
            id={ids.resource}
            value={draft.resource}
            onChange={(e) => set('resource')(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('audit.from')}</label>
          <input
            id={ids.from}
            type="date"
            value={draft.from}
            onChange={(e) => set('from')(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('audit.to')}</label>
          <input
            id={ids.to}
            type="date"
            value={draft.to}
            onChange={(e) => set('to')(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit">{t('audit.apply')}</button>
        </div>
      </form>
      {entries.isPending ? (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      ) : entries.isError ? (
        <p role="alert" className="error">
          {errorMessage(t, errorCode(entries.error))}
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            {t('audit.count', { count: items.length })}
          </p>
          <div className="table-scroll">
            <table className="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.user')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.resource')}</th>
                  <th scope="col">{t('audit.outcome')}</th>
                  <th scope="col">{t('audit.changes')}</th>
                  <th scope="col">{t('audit.requestId')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => (
                  <AuditRow key={entry.seq} entry={entry} userNames={userNames} />
                ))}
              </tbody>
            </table>
          </div>
          {entries.hasNextPage ? (
            <button
              type="button"
              className="secondary"
              disabled={entries.isFetchingNextPage}
              onClick={() => void entries.fetchNextPage()}
            >
              {t('common.loadMore')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function AuditRow({ entry, userNames }: { entry: AuditEntry; userNames: Map<string, string> }) {
  const { t } = useTranslation();
  const who = entry.actorUserId
    ? (userNames.get(entry.actorUserId) ?? entry.actorUserId)
    : t('audit.system');
  return (
    <tr>
      <td>
        <time dateTime={entry.occurredAt}>
          {entry.occurredAt.replace('T', ' ').slice(0, 19)} UTC
        </time>
      </td>
      <td>
        {who}
        {entry.actorRoles.length > 0 ? (
          <span className="hint"> ({entry.actorRoles.join(', ')})</span>
        ) : null}
      </td>
      <td className="code">{entry.action}</td>
      <td>
        {entry.resourceType}
        {entry.resourceId ? <span className="code"> {entry.resourceId}</span> : null}
      </td>
      <td>{t(`audit.outcomes.${entry.outcome}`)}</td>
      <td>
        {entry.changes.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="changes">
            {entry.changes.map((change) => (
              <li key={change.field}>
                <span className="code">{change.field}</span>: {shown(t, change.before)} →{' '}
                {shown(t, change.after)}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="code">{entry.requestId ?? '—'}</td>
    </tr>
  );
}

/** A value as the log holds it; keyed hashes of confidential values say so instead. */
function shown(t: (key: string) => string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object' && value !== null && 'keyedHash' in value) return t('audit.hashed');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
