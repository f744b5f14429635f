import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { QueryState } from '../app/QueryState.js';
import { formatDateTime } from '../assessments/labels.js';
import type { CurrentSession } from '../auth/session.js';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import { BadRowReport } from './BadRowReport.js';
import { BatchProgress } from './BatchProgress.js';
import { DataNav } from './DataNav.js';
import { isRunning, pollIntervalMs, type ImportBatch } from './batch-status.js';
import { RollBackDialog } from './RollBackDialog.js';

/**
 * `/data/imports/$id`: one batch, followed while it runs (looked at again every second), then
 * its outcome — the bad-row report of a failure, the counts of a commit and its roll-back.
 */
export function BatchPage({ batchId, session }: { batchId: string; session: CurrentSession }) {
  const trpc = useTRPC();
  const batch = useQuery({
    ...trpc.imports.byId.queryOptions({ id: batchId }),
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data && isRunning(query.state.data.status) ? pollIntervalMs : false,
  });
  return (
    <QueryState query={batch}>
      {(data) => <BatchView batch={data} readAt={batch.dataUpdatedAt} session={session} />}
    </QueryState>
  );
}

function BatchView({
  batch,
  readAt,
  session,
}: {
  batch: ImportBatch;
  readAt: number;
  session: CurrentSession;
}) {
  const { t, i18n } = useTranslation();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const seenRunning = useRef(isRunning(batch.status));
  const previousStatus = useRef(batch.status);

  // When the batch ends while it is watched, focus moves to its outcome; a batch that had
  // ended before the page opened leaves focus where navigation put it.
  useEffect(() => {
    if (previousStatus.current === batch.status) return;
    previousStatus.current = batch.status;
    if (isRunning(batch.status)) seenRunning.current = true;
    else if (seenRunning.current || batch.status === 'rolled-back') resultHeading.current?.focus();
  }, [batch.status]);

  const when = (iso: string | null) =>
    iso ? (
      <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time>
    ) : (
      <span className="muted">—</span>
    );

  return (
    <article aria-labelledby="batch-title">
      <p>
        <Link to="/data/imports">{t('data.batch.back')}</Link>
      </p>
      <h1 id="batch-title">{t('data.batch.title', { file: batch.fileName })}</h1>
      <DataNav session={session} />
      <p role="status" className="batch-status">
        {t('data.batch.statusLine')}{' '}
        <span className={`status-badge batch-${batch.status}`}>
          {t(`data.status.${batch.status}`)}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('data.found.format')}</dt>
        <dd>{t(`data.format.${batch.format}`)}</dd>
        <dt>{t('data.batch.target')}</dt>
        <dd>{t(`data.target.${batch.target}`)}</dd>
        <dt>{t('data.upload.mode')}</dt>
        <dd>{t(`data.mode.${batch.mode}`)}</dd>
        <dt>{t('data.upload.sensitivity')}</dt>
        <dd>{t(`sensitivity.${batch.sensitivity}`)}</dd>
        <dt>{t('data.batches.created')}</dt>
        <dd>
          {when(batch.createdAt)}{' '}
          {batch.createdBy === session.user.id
            ? t('data.batches.byYou')
            : t('data.batches.bySomeoneElse')}
        </dd>
        <dt>{t('data.batch.started')}</dt>
        <dd>{when(batch.startedAt)}</dd>
        <dt>{t('data.batch.finished')}</dt>
        <dd>{when(batch.finishedAt)}</dd>
      </dl>
      {isRunning(batch.status) ? (
        <BatchProgress batch={batch} readAt={readAt} />
      ) : (
        <BatchOutcome batch={batch} headingRef={resultHeading} />
      )}
    </article>
  );
}

function BatchOutcome({
  batch,
  headingRef,
}: {
  batch: ImportBatch;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => value.toLocaleString(i18n.language);
  const rowsValid = batch.rowsRead - batch.rowsInvalid;
  const heading = (
    <h2 id="outcome-title" ref={headingRef} tabIndex={-1}>
      {t(`data.outcome.${batch.status}`)}
    </h2>
  );

  if (batch.status === 'failed')
    return (
      <section aria-labelledby="outcome-title">
        {heading}
        <div role="alert" className="error">
          <p>{t('data.outcome.nothingImported')}</p>
          {batch.failure ? <p lang="en">{batch.failure}</p> : null}
        </div>
        {batch.rowsInvalid > 0 ? (
          <BadRowReport batchId={batch.id} total={batch.rowsInvalid} />
        ) : null}
        <p className="notice">
          {t('data.outcome.fixAndRetry')}{' '}
          <Link to="/data/imports">{t('data.outcome.uploadAgain')}</Link>
        </p>
      </section>
    );

  if (batch.status === 'cancelled')
    return (
      <section aria-labelledby="outcome-title">
        {heading}
        <p>{t('data.outcome.cancelledBody')}</p>
      </section>
    );

  return (
    <section aria-labelledby="outcome-title">
      {heading}
      <dl className="facts counts">
        <dt>{t('data.batches.rowsRead')}</dt>
        <dd>{number(batch.rowsRead)}</dd>
        <dt>{t('data.progress.rowsValid')}</dt>
        <dd>{number(rowsValid)}</dd>
        <dt>{t('data.batches.added')}</dt>
        <dd>{number(batch.added)}</dd>
        <dt>{t('data.batches.updated')}</dt>
        <dd>{number(batch.updated)}</dd>
        <dt>{t('data.batches.unchanged')}</dt>
        <dd>{number(batch.unchanged)}</dd>
        <dt>{t('data.outcome.leftOut')}</dt>
        <dd>{number(batch.rowsInvalid)}</dd>
      </dl>
      {batch.rowsInvalid > 0 ? (
        <>
          <h3>{t('data.outcome.leftOutTitle')}</h3>
          <BadRowReport batchId={batch.id} total={batch.rowsInvalid} />
        </>
      ) : null}
      {batch.status === 'committed' ? (
        <>
          {batch.target === 'boundaries' ? null : (
            <p>
              <Link to="/data/exports" search={{ kind: batch.target }}>
                {t(`data.outcome.see.${batch.target}`)}
              </Link>
            </p>
          )}
          <RollBack batch={batch} />
        </>
      ) : batch.rolledBackAt ? (
        <p>
          {t('data.outcome.rolledBackOn', {
            date: formatDateTime(batch.rolledBackAt, i18n.language),
          })}
        </p>
      ) : null}
    </section>
  );
}

function RollBack({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const rollBack = useMutation(
    trpc.imports.rollBack.mutationOptions({
      onSuccess: async (updated) => {
        setOpen(false);
        queryClient.setQueryData(trpc.imports.byId.queryKey({ id: updated.id }), updated);
        await queryClient.invalidateQueries({ queryKey: trpc.imports.list.pathKey() });
      },
    }),
  );
  return (
    <>
      <p className="hint">{t('data.rollBack.hint')}</p>
      <div className="actions">
        <button type="button" className="secondary danger" onClick={() => setOpen(true)}>
          {t('data.rollBack.open')}
        </button>
      </div>
      {rollBack.isError ? (
        <p role="alert" className="error">
          {errorMessage(t, errorCode(rollBack.error))}
        </p>
      ) : null}
      <RollBackDialog
        open={open}
        fileName={batch.fileName}
        busy={rollBack.isPending}
        onConfirm={() => rollBack.mutate({ id: batch.id })}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
