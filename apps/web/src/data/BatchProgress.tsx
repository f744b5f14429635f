import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import type { ImportBatch } from './batch-status.js';
import { formatBytes } from './format-bytes.js';
import { estimateSecondsLeft, formatDuration, percentRead } from './time-left.js';

/** A running batch: how far it has read, what it found so far, the time left, and Cancel. */
export function BatchProgress({ batch, readAt }: { batch: ImportBatch; readAt: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const progressId = useId();
  const cancel = useMutation(
    trpc.imports.cancel.mutationOptions({
      onSuccess: (updated) =>
        queryClient.setQueryData(trpc.imports.byId.queryKey({ id: updated.id }), updated),
    }),
  );
  const percent = percentRead(batch.bytesRead, batch.byteSize);
  const secondsLeft = estimateSecondsLeft({
    bytesRead: batch.bytesRead,
    byteSize: batch.byteSize,
    startedAt: batch.startedAt,
    now: new Date(readAt),
  });
  const number = (value: number) => value.toLocaleString(i18n.language);
  // Announced in steps of a tenth, not at every look.
  const step = Math.floor(percent / 10) * 10;

  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t('data.progress.title')}</h2>
      {batch.status === 'queued' ? <p className="muted">{t('data.progress.queued')}</p> : null}
      <div className="field">
        <label htmlFor={progressId}>{t('data.progress.bytesRead')}</label>
        <progress
          id={progressId}
          data-testid="batch-progress"
          max={Math.max(1, batch.byteSize)}
          value={batch.bytesRead}
        />
        <span className="hint">
          {t('data.progress.share', {
            percent,
            read: formatBytes(batch.bytesRead, i18n.language),
            total: formatBytes(batch.byteSize, i18n.language),
          })}
        </span>
        <span className="visually-hidden" aria-live="polite">
          {t('data.upload.sentShare', { percent: step })}
        </span>
      </div>
      <dl className="facts counts">
        <dt>{t('data.batches.rowsRead')}</dt>
        <dd>{number(batch.rowsRead)}</dd>
        <dt>{t('data.progress.rowsValid')}</dt>
        <dd>{number(batch.rowsRead - batch.rowsInvalid)}</dd>
        <dt>{t('data.progress.errorsSoFar')}</dt>
        <dd>{number(batch.rowsInvalid)}</dd>
        <dt>{t('data.progress.timeLeft')}</dt>
        <dd>
          {secondsLeft === null
            ? t('data.progress.estimating')
            : t('data.progress.about', { duration: formatDuration(secondsLeft, i18n.language) })}
        </dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={cancel.isPending || batch.cancelRequested}
          onClick={() => cancel.mutate({ id: batch.id })}
        >
          {batch.cancelRequested ? t('data.progress.cancelling') : t('data.progress.cancel')}
        </button>
      </div>
      {cancel.isError ? (
        <p role="alert" className="error">
          {errorMessage(t, errorCode(cancel.error))}
        </p>
      ) : null}
    </section>
  );
}
