import { useId, useMemo, useState } from 'react';
import { useAreaNames } from '../i18n/area-names.js';
import { Link } from '../router/Link.js';
import {
  figuresOf,
  filterRows,
  sortRows,
  type OverviewRow,
  type RowOrder,
  type SortColumn,
} from './overview-rows.js';
import { fillOf, noDataClass, type LegendEntry } from './risk-classes.js';
import type { RiskFormat } from './risk-format.js';
import { ClassSwatch } from './RiskLegend.js';
import { useRiskStrings } from './risk-strings.js';

interface Column {
  key: string;
  column: SortColumn;
  nodeId: string;
  label: string;
}

/**
 * Every country with its composite score and class, each pillar's score, the composite's
 * 3-month change and completeness: the map's accessible alternative. Headers sort (a second
 * press reverses), and the filters narrow it by name or code and by class.
 */
export function RiskTable({
  rows,
  figures,
  legend,
  month,
  format,
  search,
}: {
  rows: readonly OverviewRow[];
  figures: readonly { id: string; title: string }[];
  legend: readonly LegendEntry[];
  month: string;
  format: RiskFormat;
  search: { model: string };
}) {
  const r = useRiskStrings();
  const names = useAreaNames();
  const ids = { title: useId(), filter: useId(), hint: useId(), classFilter: useId() };
  const [composite, ...pillars] = figures;
  const rootId = composite?.id ?? '';
  const [order, setOrder] = useState<RowOrder>({
    column: 'score',
    nodeId: rootId,
    direction: 'descending',
  });
  const [query, setQuery] = useState('');
  const [classId, setClassId] = useState('');

  const columns: Column[] = [
    { key: 'name', column: 'name', nodeId: rootId, label: r('risk.country') },
    { key: 'score', column: 'score', nodeId: rootId, label: composite?.title ?? r('risk.score') },
    ...pillars.map((pillar) => ({
      key: `pillar-${pillar.id}`,
      column: 'score' as const,
      nodeId: pillar.id,
      label: pillar.title,
    })),
    { key: 'change3', column: 'change3', nodeId: rootId, label: r('risk.change3') },
    { key: 'completeness', column: 'completeness', nodeId: rootId, label: r('risk.completeness') },
  ];
  const sortedBy = columns.find(
    (column) => column.column === order.column && column.nodeId === order.nodeId,
  );
  const shown = useMemo(
    () => sortRows(filterRows(rows, { query, classId, nodeId: rootId }), order, names.compare),
    [rows, query, classId, rootId, order, names.compare],
  );
  const sortBy = (column: Column) =>
    setOrder((current) =>
      current.column === column.column && current.nodeId === column.nodeId
        ? { ...current, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : {
            column: column.column,
            nodeId: column.nodeId,
            direction: column.column === 'name' ? 'ascending' : 'descending',
          },
    );

  return (
    <section aria-labelledby={ids.title} className="risk-table">
      <h2 id={ids.title}>{r('risk.tableTitle')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor={ids.filter}>{r('risk.filter')}</label>
          <input
            id={ids.filter}
            type="search"
            value={query}
            autoComplete="off"
            aria-describedby={ids.hint}
            onChange={(event) => setQuery(event.target.value)}
          />
          <span id={ids.hint} className="hint">
            {r('risk.filterHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.classFilter}>{r('risk.classFilter')}</label>
          <select
            id={ids.classFilter}
            value={classId}
            onChange={(event) => setClassId(event.target.value)}
          >
            <option value="">{r('risk.anyClass')}</option>
            {legend.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
            <option value={noDataClass}>{r('risk.noData')}</option>
          </select>
        </div>
      </div>
      <p role="status" className={shown.length ? 'muted' : undefined}>
        {shown.length ? r('risk.shownCount', { count: shown.length }) : r('risk.noMatch')}
      </p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">
            {r('risk.tableCaption', {
              month,
              column: sortedBy?.label ?? '',
              direction: r(`risk.${order.direction}`),
            })}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = column === sortedBy;
                return (
                  <th key={column.key} scope="col" aria-sort={sorted ? order.direction : undefined}>
                    <button type="button" className="sort-button" onClick={() => sortBy(column)}>
                      {column.label}
                      <span aria-hidden="true" className="sort-mark">
                        {sorted ? (order.direction === 'ascending' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">{r('risk.class')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const root = figuresOf(row, rootId);
              const classLabel =
                legend.find((entry) => entry.id === root.classId)?.label ?? r('risk.noData');
              return (
                <tr key={row.areaCode} data-area={row.areaCode}>
                  <th scope="row">
                    <Link to="/risk/$areaCode" params={{ areaCode: row.areaCode }} search={search}>
                      {row.name}
                    </Link>
                  </th>
                  <td className="number">{format.score(root.score)}</td>
                  {pillars.map((pillar) => (
                    <td key={pillar.id} className="number">
                      {format.score(figuresOf(row, pillar.id).score)}
                    </td>
                  ))}
                  <td className="number">{format.change(root.change3)}</td>
                  <td className="number">{row.hasData ? format.share(root.completeness) : '–'}</td>
                  <td>
                    <ClassSwatch classId={root.classId} fill={fillOf(root.classId, legend)} />{' '}
                    {classLabel}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
