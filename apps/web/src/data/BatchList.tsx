import { useInfiniteQuery } from '@tanstack/react-query';
import { formatDateTime } from '../assessments/labels.js';
import type { CurrentSession } from '../auth/session.js';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import { isRunning, pollIntervalMs } from './batch-status.js';

/** The batches imported so far, newest first, each linking to its page. */
export function BatchList({ session }: { session: CurrentSession }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const batches = useInfiniteQuery(
    trpc.imports.list.infiniteQueryOptions(
      { limit: 20 },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: (query) =>
          query.state.data?.pages.some((page) => page.items.some((b) => isRunning(b.status)))
            ? pollIntervalMs * 2
            : false,
      },
    ),
  );
  const items = batches.data?.pages.flatMap((page) => page.items) ?? [];
  const number = (value: number) => value.toLocaleString(i18n.language);

  return (
    <section aria-labelledby="batches-title">
      <h2 id="batches-title">{t('data.batches.title')}</h2>
      {batches.isPending ? (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      ) : batches.isError ? (
        <p role="alert" className="error">
          {errorMessage(t, errorCode(batches.error))}
        </p>
      ) : items.length === 0 ? (
        <p className="muted">{t('data.batches.none')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="batch-table">
              <thead>
                <tr>
                  <th scope="col">{t('data.batches.file')}</th>
                  <th scope="col">{t('data.batches.format')}</th>
                  <th scope="col">{t('data.batches.created')}</th>
                  <th scope="col">{t('data.batches.status')}</th>
                  <th scope="col">{t('data.batches.rowsRead')}</th>
                  <th scope="col">{t('data.batches.rowsInvalid')}</th>
                  <th scope="col">{t('data.batches.added')}</th>
                  <th scope="col">{t('data.batches.updated')}</th>
                  <th scope="col">{t('data.batches.unchanged')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((batch) => (
                  <tr key={batch.id}>
                    <td>
                      <Link to="/data/imports/$id" params={{ id: batch.id }}>
                        {batch.fileName}
                      </Link>
                    </td>
                    <td>{t(`data.format.${batch.format}`)}</td>
                    <td>
                      <time dateTime={batch.createdAt}>
                        {formatDateTime(batch.createdAt, i18n.language)}
                      </time>
                      <span className="hint">
                        {' '}
                        {batch.createdBy === session.user.id
                          ? t('data.batches.byYou')
                          : t('data.batches.bySomeoneElse')}
                      </span>
                    </td>
                    <td>
                      <span className={`status-badge batch-${batch.status}`}>
                        {t(`data.status.${batch.status}`)}
                      </span>
                    </td>
                    <td>{number(batch.rowsRead)}</td>
                    <td>{number(batch.rowsInvalid)}</td>
                    <td>{number(batch.added)}</td>
                    <td>{number(batch.updated)}</td>
                    <td>{number(batch.unchanged)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {batches.hasNextPage ? (
            <button
              type="button"
              className="secondary"
              disabled={batches.isFetchingNextPage}
              onClick={() => void batches.fetchNextPage()}
            >
              {t('common.loadMore')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
