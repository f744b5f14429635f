import type { ReactNode } from 'react';
import { Link } from '../router/Link.js';
import type { ComparisonRow } from './compare-rows.js';
import { fillOf, type LegendEntry } from './risk-classes.js';
import type { RiskFormat } from './risk-format.js';
import { ClassSwatch } from './RiskLegend.js';
import { useRiskStrings } from './risk-strings.js';

/** A column as the table heads it: a country (linked to its page), or a model version. */
export interface ColumnHead {
  key: string;
  areaCode: string;
  name: string;
  /** "Version A" or "Version B" when one country is compared under two versions. */
  position: string | undefined;
  modelLabel: string;
  modelVersionId: string | undefined;
  legend: readonly LegendEntry[];
  hasProfile: boolean;
}

/**
 * The comparison as a table, figures in rows and countries or versions in columns: the page's
 * accessible form. Versions A and B have a last column with what B changes.
 */
export function CompareTable({
  heads,
  rows,
  month,
  format,
}: {
  heads: readonly ColumnHead[];
  rows: readonly ComparisonRow[];
  month: string;
  format: RiskFormat;
}) {
  const r = useRiskStrings();
  const withDifference = rows.some((row) => row.difference !== undefined);
  const classLabel = (classId: string, legend: readonly LegendEntry[]) =>
    legend.find((entry) => entry.id === classId)?.label ?? r('risk.noData');

  const cellsOf = (row: ComparisonRow): ReactNode[] => {
    switch (row.figure) {
      case 'class':
        return row.values.map((classId, index) => {
          const legend = heads[index]?.legend ?? [];
          return (
            <>
              <ClassSwatch classId={classId} fill={fillOf(classId, legend)} />{' '}
              {classLabel(classId, legend)}
            </>
          );
        });
      case 'band':
        return row.values.map((band) =>
          band ? `${format.score(band.low)}–${format.score(band.high)}` : format.score(null),
        );
      case 'completeness':
      case 'reliability':
        return row.values.map((value) =>
          value === null ? format.score(null) : format.share(value),
        );
      case 'change3':
      case 'change12':
        return row.values.map(format.change);
      default:
        return row.values.map(format.score);
    }
  };

  const differenceOf = (row: ComparisonRow): ReactNode => {
    switch (row.figure) {
      case 'class': {
        const { from, to } = row.difference ?? { from: '', to: '' };
        return from === to
          ? r('risk.compare.sameClass')
          : r('risk.compare.classChange', {
              from: classLabel(from, heads[0]?.legend ?? []),
              to: classLabel(to, heads[1]?.legend ?? []),
            });
      }
      case 'band':
        return row.difference
          ? r('risk.compare.bandChange', {
              low: format.change(row.difference.low),
              high: format.change(row.difference.high),
            })
          : format.change(null);
      case 'completeness':
      case 'reliability':
        return format.shareChange(row.difference);
      default:
        return format.change(row.difference);
    }
  };

  const labelOf = (row: ComparisonRow): string => {
    switch (row.figure) {
      case 'pillar':
        return row.title;
      case 'score':
        return r('risk.compare.composite');
      case 'change12':
        return r('risk.compare.change12');
      default:
        return r(`risk.${row.figure}`);
    }
  };

  return (
    <div className="table-scroll">
      <table className="compare-table">
        <caption>{r('risk.compare.caption', { month })}</caption>
        <thead>
          <tr>
            <th scope="col">{r('risk.compare.figure')}</th>
            {heads.map((head) => (
              <th key={head.key} scope="col" data-column={head.key}>
                {head.position ? (
                  <>
                    <span className="compare-position">{head.position}</span> {head.modelLabel}
                  </>
                ) : (
                  <Link
                    to="/risk/$areaCode"
                    params={{ areaCode: head.areaCode }}
                    search={{ model: head.modelVersionId }}
                  >
                    {head.name}
                  </Link>
                )}
                {head.hasProfile ? null : (
                  <span className="compare-note">{r('risk.compare.noProfile')}</span>
                )}
              </th>
            ))}
            {withDifference ? <th scope="col">{r('risk.compare.difference')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = row.figure === 'pillar' ? `pillar-${row.nodeId}` : row.figure;
            return (
              <tr key={key} data-figure={key}>
                <th scope="row">{labelOf(row)}</th>
                {cellsOf(row).map((cell, index) => (
                  <td
                    key={heads[index]?.key ?? index}
                    className={row.figure === 'class' ? undefined : 'number'}
                  >
                    {cell}
                  </td>
                ))}
                {withDifference ? (
                  <td className={row.figure === 'class' ? undefined : 'number'} data-difference="">
                    {differenceOf(row)}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
