import { Role, roles } from '@prevention/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import { clearanceLabel, roleLabel, scopeLabel } from '../../i18n/access-labels.js';
import { useTRPC } from '../../trpc/trpc.js';
import { Link } from '../../router/Link.js';

/** Administrators find users and open one to change their roles, scope or clearance. */
export function UsersPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const ids = { search: useId(), role: useId() };
  const parsedRole = Role.safeParse(role);
  const users = useInfiniteQuery(
    trpc.users.list.infiniteQueryOptions(
      {
        limit: 50,
        ...(search.trim() ? { search: search.trim() } : {}),
        ...(parsedRole.success ? { role: parsedRole.data } : {}),
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      <p>
        <Link to="/admin/users/new" className="button-link">
          {t('users.add')}
        </Link>
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={ids.search}>{t('users.search')}</label>
          <input
            id={ids.search}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('users.roleFilter')}</label>
          <select id={ids.role} value={role} onChange={(event) => setRole(event.target.value)}>
            <option value="">{t('users.anyRole')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(t, r)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {users.isPending ? (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      ) : users.isError ? (
        <p role="alert" className="error">
          {t('common.loadFailed')}
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            {t('users.count', { count: items.length })}
          </p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.roles')}</th>
                  <th scope="col">{t('users.scope')}</th>
                  <th scope="col">{t('users.clearance')}</th>
                  <th scope="col">{t('users.secondFactor')}</th>
                  <th scope="col">{t('users.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <Link to="/admin/users/$id" params={{ id: user.id }}>
                        {user.displayName}
                      </Link>
                    </td>
                    <td>{user.email}</td>
                    <td>{user.roles.map((r) => roleLabel(t, r)).join(', ')}</td>
                    <td>{scopeLabel(t, user.scope)}</td>
                    <td>{clearanceLabel(t, user.clearance)}</td>
                    <td>
                      {user.secondFactor ? t('users.secondFactorOn') : t('users.secondFactorOff')}
                    </td>
                    <td>
                      {user.disabled ? t('users.disabled') : t('users.active')}
                      {user.demo ? ` · ${t('users.demo')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {users.hasNextPage ? (
            <button
              type="button"
              className="secondary"
              disabled={users.isFetchingNextPage}
              onClick={() => void users.fetchNextPage()}
            >
              {t('common.loadMore')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
