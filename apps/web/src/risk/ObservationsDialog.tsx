import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, type RefObject } from 'react';
import { QueryState } from '../app/QueryState.js';
import { holdsRole, useSession } from '../auth/session.js';
import { importerRoles } from '../data/data-roles.js';
import { useTranslation, type TFunction } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import {
  observationRows,
  shortBatchId,
  type ObservationRow,
  type ObservationsAnswer,
} from './observation-rows.js';
import type { RiskFormat } from './risk-format.js';
import { useRiskStrings } from './risk-strings.js';

/** Which profile the observations are asked for: an area's month under a model version. */
export interface ObservationsRequest {
  areaCode: string;
  month: string;
  modelVersionId: string;
}

/**
 * The observations behind one node of the score tree, in a modal `<dialog>` named by its
 * heading: focus moves to its Close button as it opens, Escape closes it, and the caller puts
 * focus back on the button that opened it (`onClose`). Nothing is asked of the server until a
 * node is chosen.
 */
export function ObservationsDialog({
  request,
  node,
  titles,
  format,
  onClose,
}: {
  request: ObservationsRequest;
  node: { id: string; title: string } | null;
  titles: ReadonlyMap<string, string>;
  format: RiskFormat;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (node && !element.open) {
      element.showModal();
      closeButton.current?.focus();
    } else if (!node && element.open) {
      element.close();
    }
  }, [node]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="dialog observations-dialog"
      onClose={onClose}
    >
      {node ? (
        <ObservationsPanel
          request={request}
          node={node}
          titleId={titleId}
          titles={titles}
          format={format}
          closeButton={closeButton}
          onCloseClick={() => dialog.current?.close()}
        />
      ) : null}
    </dialog>
  );
}

function ObservationsPanel({
  request,
  node,
  titleId,
  titles,
  format,
  closeButton,
  onCloseClick,
}: {
  request: ObservationsRequest;
  node: { id: string; title: string };
  titleId: string;
  titles: ReadonlyMap<string, string>;
  format: RiskFormat;
  closeButton: RefObject<HTMLButtonElement | null>;
  onCloseClick: () => void;
}) {
  const t = useRiskStrings();
  const trpc = useTRPC();
  const query = useQuery(trpc.risk.observations.queryOptions({ ...request, nodeId: node.id }));
  const month = format.month(request.month);
  return (
    <>
      <div className="dialog-heading">
        <h2 id={titleId}>{t('observations.title', { node: node.title })}</h2>
        <button ref={closeButton} type="button" className="secondary" onClick={onCloseClick}>
          {t('observations.close')}
        </button>
      </div>
      <p className="hint">{t('observations.intro', { month })}</p>
      <QueryState query={query}>
        {(answer) => (
          <ObservationsTable
            answer={answer}
            node={node}
            month={month}
            titles={titles}
            format={format}
          />
        )}
      </QueryState>
    </>
  );
}

function ObservationsTable({
  answer,
  node,
  month,
  titles,
  format,
}: {
  answer: ObservationsAnswer;
  node: { title: string };
  month: string;
  titles: ReadonlyMap<string, string>;
  format: RiskFormat;
}) {
  const t = useRiskStrings();
  const { t: appT } = useTranslation();
  const { session } = useSession();
  // The Data pages' batches are theirs to open; others see which batch, without a link.
  const linksBatches = holdsRole(session, importerRoles);
  const rows = observationRows(answer, titles);
  return (
    <>
      {answer.withheld > 0 ? (
        <p className="notice" data-withheld={answer.withheld}>
          {t('observations.withheld', { count: answer.withheld })}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="notice">{t('observations.empty', { month })}</p>
      ) : (
        <div className="table-scroll">
          <table className="observations-table">
            <caption className="visually-hidden">
              {t('observations.caption', { node: node.title, month })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('observations.indicator')}</th>
                <th scope="col">{t('observations.value')}</th>
                <th scope="col">{t('observations.period')}</th>
                <th scope="col">{t('observations.source')}</th>
                <th scope="col">{t('observations.reliability')}</th>
                <th scope="col">{t('observations.batch')}</th>
                <th scope="col">{t('observations.used')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-observation={row.id} data-counts={row.counts}>
                  <th scope="row">{row.indicatorTitle}</th>
                  <td className="number">{valueText(row, t, format)}</td>
                  <td>{format.month(row.period)}</td>
                  <td>{row.source}</td>
                  <td>
                    {appT(`data.reliability.${row.reliability}`)}
                    {row.carriedMonths > 0 ? (
                      <span className="cell-detail">
                        {t('observations.carried', { count: row.carriedMonths })}
                      </span>
                    ) : null}
                    <span className="cell-detail">
                      {t('observations.weight', { share: format.share(row.reliabilityFactor) })}
                    </span>
                  </td>
                  <td>{batchCell(row, linksBatches, t)}</td>
                  <td>{row.counts ? t('observations.usedYes') : t('observations.usedNo')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {answer.truncated ? (
        <p className="hint">{t('observations.truncated', { count: rows.length })}</p>
      ) : null}
    </>
  );
}

function valueText(row: ObservationRow, t: TFunction, format: RiskFormat): string {
  if (row.unit === 'yes-no') return row.value ? t('observations.yes') : t('observations.no');
  if (row.unit === 'per-100k')
    return t('observations.per100k', { value: format.value(row.value, null) });
  return format.value(row.value, row.unit);
}

function batchCell(row: ObservationRow, linksBatches: boolean, t: TFunction) {
  if (row.origin === 'derived') return t('observations.derived');
  if (!row.provenance) return t('observations.unrecorded');
  const label = t('observations.batchLine', {
    batch: shortBatchId(row.provenance.batchId),
    line: row.provenance.line,
  });
  return linksBatches ? (
    <Link to="/data/imports/$id" params={{ id: row.provenance.batchId }}>
      {label}
    </Link>
  ) : (
    label
  );
}
