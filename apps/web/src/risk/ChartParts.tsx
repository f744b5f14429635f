import { tickIndices } from './trend-scale.js';

/** The left axis of a chart: a tick and its label at each value, placed by `y`. */
export function ValueAxis({
  values,
  left,
  y,
  label,
}: {
  values: readonly number[];
  /** Where the plot starts: ticks end there, labels end just before. */
  left: number;
  y: (value: number) => number;
  label: (value: number) => string;
}) {
  return values.map((value) => (
    <g key={value} className="axis">
      <line x1={left - 4} x2={left} y1={y(value)} y2={y(value)} />
      <text x={left - 8} y={y(value)} textAnchor="end" dominantBaseline="middle">
        {label(value)}
      </text>
    </g>
  ));
}

/** The bottom axis of a monthly chart: at most `count` evenly spread months, placed by `x`. */
export function MonthAxis({
  months,
  count,
  baseline,
  x,
  label,
}: {
  months: readonly string[];
  count: number;
  /** The y of the labels. */
  baseline: number;
  x: (index: number) => number;
  label: (month: string) => string;
}) {
  return tickIndices(months.length, count).map((index) => {
    const month = months[index];
    return month === undefined ? null : (
      <text key={month} className="axis" x={x(index)} y={baseline} textAnchor="middle">
        {label(month)}
      </text>
    );
  });
}

/** How a chart draws one of its lines: colour, width and a dash of its own. */
export interface LineStyle {
  stroke: string;
  width: number;
  dash: string | undefined;
}

/** A short sample of a line for a chart's key, hidden from assistive technology. */
export function LineSample({ style }: { style: LineStyle }) {
  return (
    <svg width="32" height="10" aria-hidden="true" focusable="false">
      <line
        x1="0"
        x2="32"
        y1="5"
        y2="5"
        stroke={style.stroke}
        strokeWidth={style.width}
        strokeDasharray={style.dash}
      />
    </svg>
  );
}
