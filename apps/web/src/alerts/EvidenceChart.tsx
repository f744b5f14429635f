import type { Evidence } from '@prevention/early-warning';
import { useId } from 'react';
import { LineSample, MonthAxis, ValueAxis } from '../risk/ChartParts.js';
import { linePath, linearScale } from '../risk/trend-scale.js';
import type { AlertFormat } from './alert-format.js';
import { useAlertStrings } from './alert-strings.js';
import { evenTicks, evidenceDomain } from './evidence-scale.js';

const width = 720;
const height = 280;
const margin = { top: 16, right: 96, bottom: 32, left: 48 };

/** Each line has its own dash as well as its colour, so none depends on its hue. */
const styles = {
  series: { stroke: '#1b1f24', width: 3, dash: undefined },
  baseline: { stroke: '#0b5394', width: 2, dash: '7 4' },
  threshold: { stroke: '#a4262c', width: 2, dash: '2 3' },
} as const;

/**
 * Why an alert fired, drawn: the series the rule read, with the baseline it was compared with
 * and the threshold it had to pass as horizontal lines, and the same figures as a table for
 * those who do not see the chart.
 */
export function EvidenceChart({ evidence, format }: { evidence: Evidence; format: AlertFormat }) {
  const a = useAlertStrings();
  const ids = { title: useId(), description: useId() };
  const { series, baseline, threshold } = evidence;
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return <p className="muted">{a('chart.empty')}</p>;
  const domain = evidenceDomain(
    series.map((point) => point.value),
    [baseline, threshold],
  );
  // A single month sits in the middle (a zero-width domain maps to the centre).
  const x = linearScale([0, series.length - 1], [margin.left, width - margin.right]);
  const y = linearScale(domain, [height - margin.bottom, margin.top]);
  const reference = (value: number, style: (typeof styles)[keyof typeof styles], label: string) => (
    <g className="reference-line">
      <line
        x1={margin.left}
        x2={width - margin.right}
        y1={y(value)}
        y2={y(value)}
        stroke={style.stroke}
        strokeWidth={style.width}
        strokeDasharray={style.dash}
      />
      <text x={width - margin.right + 6} y={y(value)} dominantBaseline="middle">
        {label}
      </text>
    </g>
  );
  const points = series.map((point, index) => ({ x: x(index), y: y(point.value) }));

  return (
    <figure className="evidence-chart">
      <div className="trend-chart-canvas" dir="ltr">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={ids.title}
          aria-describedby={ids.description}
        >
          <title id={ids.title}>
            {a('chart.title', {
              measure: evidence.measure,
              from: format.month(first.month),
              to: format.month(last.month),
            })}
          </title>
          <desc id={ids.description}>
            {a('chart.summary', {
              observed: format.number(evidence.observed),
              month: format.month(last.month),
              threshold: format.number(threshold),
              baseline: baseline === null ? a('alert.noBaseline') : format.number(baseline),
            })}
          </desc>
          <ValueAxis values={evenTicks(domain, 4)} left={margin.left} y={y} label={format.number} />
          <MonthAxis
            months={series.map((point) => point.month)}
            count={6}
            baseline={height - margin.bottom + 18}
            x={x}
            label={format.shortMonth}
          />
          {baseline === null ? null : reference(baseline, styles.baseline, a('chart.baseline'))}
          {reference(threshold, styles.threshold, a('chart.threshold'))}
          <path
            d={linePath(points)}
            fill="none"
            stroke={styles.series.stroke}
            strokeWidth={styles.series.width}
          />
          {points.map((point, index) => (
            <circle
              key={index}
              cx={point.x}
              cy={point.y}
              r={index === points.length - 1 ? 5 : 3}
              fill={styles.series.stroke}
            />
          ))}
        </svg>
      </div>
      <figcaption>
        <ul className="trend-key">
          {(
            [
              ['series', a('chart.series')],
              ...(baseline === null ? [] : [['baseline', a('chart.baseline')] as const]),
              ['threshold', a('chart.threshold')],
            ] as const
          ).map(([key, label]) => (
            <li key={key}>
              <LineSample style={styles[key]} /> {label}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="chart-table">
        <summary>{a('chart.table')}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{a('chart.month')}</th>
                <th scope="col">{a('chart.series')}</th>
                <th scope="col">{a('chart.baseline')}</th>
                <th scope="col">{a('chart.threshold')}</th>
              </tr>
            </thead>
            <tbody>
              {[...series].reverse().map((point) => (
                <tr key={point.month}>
                  <th scope="row">{format.month(point.month)}</th>
                  <td className="number">{format.number(point.value)}</td>
                  <td className="number">{format.number(baseline)}</td>
                  <td className="number">{format.number(threshold)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
