import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';

/** A page of the report: enough to see the pattern, small enough for a slow link. */
const pageSize = 50;

/** The rows a batch could not take, in file order: line, column and reason, a page at a time. */
export function BadRowReport({ batchId, total }: { batchId: string; total: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const captionId = useId();
  const report = useInfiniteQuery(
    trpc.imports.errors.infiniteQueryOptions(
      { id: batchId, limit: pageSize },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const rows = report.data?.pages.flatMap((page) => page.errors) ?? [];
  if (report.isPending)
    return (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  if (report.isError)
    return (
      <p role="alert" className="error">
        {errorMessage(t, errorCode(report.error))}
      </p>
    );
  return (
    <>
      <div className="table-scroll">
        <table className="bad-rows" aria-labelledby={captionId}>
          <caption id={captionId}>
            {t('data.badRows.caption', { count: total, shown: rows.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('data.badRows.line')}</th>
              <th scope="col">{t('data.badRows.column')}</th>
              <th scope="col">{t('data.badRows.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.seq}>
                <td>{row.line.toLocaleString(i18n.language)}</td>
                <td className="code">{row.column ?? '—'}</td>
                {/* The reasons come from the file reader, in English. */}
                <td lang="en">{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.hasNextPage ? (
        <button
          type="button"
          className="secondary"
          disabled={report.isFetchingNextPage}
          onClick={() => void report.fetchNextPage()}
        >
          {t('data.badRows.showMore')}
        </button>
      ) : null}
    </>
  );
}
