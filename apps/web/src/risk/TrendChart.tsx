import { useId } from 'react';
import type { ProfileSummary } from './overview-rows.js';
import { noDataClass, type LegendEntry } from './risk-classes.js';
import type { RiskFormat } from './risk-format.js';
import { LineSample, MonthAxis, ValueAxis } from './ChartParts.js';
import { bandPath, linePath, linearScale } from './trend-scale.js';
import { useRiskStrings } from './risk-strings.js';

const width = 720;
const height = 300;
const margin = { top: 12, right: 96, bottom: 32, left: 36 };

/** The composite solid and heavy; each pillar its own dash, so no line depends on its hue. */
const lineStyles = [
  { stroke: '#1b1f24', width: 3, dash: undefined },
  { stroke: '#0b5394', width: 2, dash: '7 4' },
  { stroke: '#6a3d9a', width: 2, dash: '2 3' },
  { stroke: '#00695c', width: 2, dash: '9 3 2 3' },
] as const;

function styleOf(index: number) {
  return lineStyles[index % lineStyles.length] ?? lineStyles[0];
}

/**
 * The composite's and the pillars' scores over the months of the series, with the composite's
 * uncertainty band shaded and the classes as background bands, and the same figures as a
 * table for those who do not see the chart.
 */
export function TrendChart({
  series,
  figures,
  legend,
  format,
}: {
  series: readonly ProfileSummary[];
  figures: readonly { id: string; title: string }[];
  legend: readonly LegendEntry[];
  format: RiskFormat;
}) {
  const r = useRiskStrings();
  const ids = { title: useId(), description: useId() };
  const [composite] = figures;
  const rootId = composite?.id ?? '';
  const x = linearScale([0, Math.max(series.length - 1, 0)], [margin.left, width - margin.right]);
  const y = linearScale([0, 10], [height - margin.bottom, margin.top]);
  const at = (summary: ProfileSummary, nodeId: string) => summary.nodes[nodeId];
  const first = series[0];
  const last = series.at(-1);
  const title = r('risk.chartTitle', {
    figure: composite?.title ?? '',
    from: first ? format.month(first.month) : '',
    to: last ? format.month(last.month) : '',
  });
  const classLabel = (classId: string | null) =>
    legend.find((entry) => entry.id === classId)?.label ?? r('risk.noData');

  return (
    <figure className="trend-chart">
      <div className="trend-chart-canvas" dir="ltr">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={ids.title}
          aria-describedby={ids.description}
        >
          <title id={ids.title}>{title}</title>
          <desc id={ids.description}>
            {r('risk.chartSummary', {
              figure: composite?.title ?? '',
              first: format.score(first ? at(first, rootId)?.score : null),
              from: first ? format.month(first.month) : '',
              last: format.score(last ? at(last, rootId)?.score : null),
              to: last ? format.month(last.month) : '',
            })}
          </desc>
          {legend.map((entry) => {
            const top = y(entry.to ?? 10);
            const bottom = y(entry.from);
            return (
              <g key={entry.id} className="class-band">
                <rect
                  x={margin.left}
                  y={top}
                  width={width - margin.left - margin.right}
                  height={bottom - top}
                  fill={entry.fill}
                  opacity={0.45}
                />
                <text x={width - margin.right + 6} y={(top + bottom) / 2} dominantBaseline="middle">
                  {entry.label}
                </text>
              </g>
            );
          })}
          <ValueAxis values={[0, 2, 4, 6, 8, 10]} left={margin.left} y={y} label={format.score} />
          <MonthAxis
            months={series.map((summary) => summary.month)}
            count={6}
            baseline={height - margin.bottom + 18}
            x={x}
            label={format.shortMonth}
          />
          <path
            className="uncertainty-band"
            d={bandPath(
              series.map((summary, index) => {
                const band = at(summary, rootId)?.band;
                return {
                  x: x(index),
                  low: band ? y(band.low) : null,
                  high: band ? y(band.high) : null,
                };
              }),
            )}
          />
          {figures.map((figure, index) => {
            const style = styleOf(index);
            const points = series.map((summary, i) => {
              const score = at(summary, figure.id)?.score ?? null;
              return { x: x(i), y: score === null ? null : y(score) };
            });
            return (
              <g key={figure.id} data-figure={figure.id}>
                <path
                  d={linePath(points)}
                  fill="none"
                  stroke={style.stroke}
                  strokeWidth={style.width}
                  strokeDasharray={style.dash}
                />
                {points.map((point, i) =>
                  point.y === null ? null : (
                    <circle
                      key={i}
                      cx={point.x}
                      cy={point.y}
                      r={index === 0 ? 3 : 2}
                      fill={style.stroke}
                    />
                  ),
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="trend-key">
          {figures.map((figure, index) => {
            const style = styleOf(index);
            return (
              <li key={figure.id}>
                <LineSample style={style} /> {figure.title}
              </li>
            );
          })}
          <li>
            <span className="band-sample" aria-hidden="true" /> {r('risk.band')}
          </li>
        </ul>
      </figcaption>
      <details className="chart-table">
        <summary>{r('risk.chartTable')}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{r('risk.month')}</th>
                {figures.map((figure) => (
                  <th key={figure.id} scope="col">
                    {figure.title}
                  </th>
                ))}
                <th scope="col">{r('risk.class')}</th>
                <th scope="col">{r('risk.band')}</th>
              </tr>
            </thead>
            <tbody>
              {[...series].reverse().map((summary) => {
                const band = at(summary, rootId)?.band;
                return (
                  <tr key={summary.month}>
                    <th scope="row">{format.month(summary.month)}</th>
                    {figures.map((figure) => (
                      <td key={figure.id} className="number">
                        {format.score(at(summary, figure.id)?.score)}
                      </td>
                    ))}
                    <td>{classLabel(summary.class ?? noDataClass)}</td>
                    <td className="number">
                      {band ? `${format.score(band.low)}–${format.score(band.high)}` : '–'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
