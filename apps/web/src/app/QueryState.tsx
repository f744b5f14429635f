import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/i18n.js';

/** The loading and failure states every data view shares, announced to screen readers. */
export function QueryState<T, E>({
  query,
  children,
}: {
  query: UseQueryResult<T, E>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending && query.fetchStatus === 'paused') {
    return (
      <p role="status" className="notice">
        {t('common.needsConnection')}
      </p>
    );
  }
  if (query.isPending) {
    return (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="error">
        <p>{t('common.loadFailed')}</p>
        <button type="button" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
