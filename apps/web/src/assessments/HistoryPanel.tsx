import type { AssessmentForm, DiffEntry } from '@prevention/assessment';
import { localise } from '@prevention/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { QueryState } from '../app/QueryState.js';
import { parsePath, specAtPath } from '../form/describe-path.js';
import { formatValue } from '../form/format-value.js';
import { useTranslation } from '../i18n/i18n.js';
import { useTRPC } from '../trpc/trpc.js';
import { formatDateTime, sectionTitle } from './labels.js';

/** Every revision — who, what, when — and a readable diff between any two of them. */
export function HistoryPanel({
  id,
  form,
  latest,
}: {
  id: string;
  form: AssessmentForm;
  latest: number;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery(trpc.assessments.history.queryOptions({ id }));
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const ids = { from: useId(), to: useId() };
  return (
    <section aria-labelledby="history-title" className="panel">
      <h2 id="history-title">{t('history.title')}</h2>
      <QueryState query={history}>
        {(revisions) => (
          <>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('history.revision')}</th>
                    <th scope="col">{t('history.action')}</th>
                    <th scope="col">{t('history.by')}</th>
                    <th scope="col">{t('history.when')}</th>
                    <th scope="col">{t('history.changed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...revisions].reverse().map((revision) => (
                    <tr key={revision.revision}>
                      <td>{revision.revision}</td>
                      <td>{t(`history.actions.${revision.action}`)}</td>
                      <td>{revision.author.name}</td>
                      <td>{formatDateTime(revision.savedAt, i18n.language)}</td>
                      <td>
                        {revision.changedSections
                          .map((key) => sectionTitle(form, key, i18n.language, t))
                          .join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {revisions.length > 1 ? (
              <>
                <h3>{t('history.compare')}</h3>
                <div className="filters">
                  <div className="field">
                    <label htmlFor={ids.from}>{t('history.from')}</label>
                    <select
                      id={ids.from}
                      value={from}
                      onChange={(event) => setFrom(Number(event.target.value))}
                    >
                      {revisions.map((r) => (
                        <option key={r.revision} value={r.revision}>
                          {t('history.revisionNumber', { revision: r.revision })}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={ids.to}>{t('history.to')}</label>
                    <select
                      id={ids.to}
                      value={to}
                      onChange={(event) => setTo(Number(event.target.value))}
                    >
                      {revisions.map((r) => (
                        <option key={r.revision} value={r.revision}>
                          {t('history.revisionNumber', { revision: r.revision })}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                {from === to ? (
                  <p className="muted">{t('history.sameRevision')}</p>
                ) : (
                  <RevisionDiff id={id} from={from} to={to} form={form} />
                )}
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

function RevisionDiff({
  id,
  from,
  to,
  form,
}: {
  id: string;
  from: number;
  to: number;
  form: AssessmentForm;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const diff = useQuery(trpc.assessments.diff.queryOptions({ id, from, to }));
  return (
    <QueryState query={diff}>
      {(entries) =>
        entries.length === 0 ? (
          <p className="muted">{t('history.noChanges')}</p>
        ) : (
          <div className="table-scroll">
            <table className="diff-table">
              <caption>{t('history.diffCaption', { from, to })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('history.where')}</th>
                  <th scope="col">{t('history.change')}</th>
                  <th scope="col">{t('history.before', { revision: from })}</th>
                  <th scope="col">{t('history.after', { revision: to })}</th>
                </tr>
              </thead>
              <tbody>
                {(entries as DiffEntry[]).map((entry) => (
                  <DiffRow key={entry.path} entry={entry} form={form} />
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryState>
  );
}

function DiffRow({ entry, form }: { entry: DiffEntry; form: AssessmentForm }) {
  const { t, i18n } = useTranslation();
  const spec = specAtPath(form, parsePath(entry.path));
  const show = (value: unknown) =>
    entry.path === 'sensitivity' || entry.path.startsWith('sectionSensitivity.')
      ? typeof value === 'string'
        ? t(`sensitivity.${value}`)
        : t('form.notGiven')
      : formatValue(spec, value, i18n.language, t);
  return (
    <tr className={`diff-${entry.change}`}>
      <th scope="row">{entry.labels.map((label) => localise(label, i18n.language)).join(' › ')}</th>
      <td>{t(`history.changes.${entry.change}`)}</td>
      <td className="prewrap">{entry.change === 'added' ? '—' : show(entry.before)}</td>
      <td className="prewrap">{entry.change === 'removed' ? '—' : show(entry.after)}</td>
    </tr>
  );
}
