import { noDataClass, type LegendEntry } from './risk-classes.js';
import type { RiskFormat } from './risk-format.js';
import { useRiskStrings } from './risk-strings.js';

/** The id of the "no data" hatching, defined once per page by `RiskPatterns`. */
export const noDataPattern = 'risk-no-data';

/** The patterns the map, the legend and the swatches share, in an SVG of their own. */
export function RiskPatterns() {
  return (
    <svg width="0" height="0" className="risk-patterns" aria-hidden="true" focusable="false">
      <defs>
        <pattern
          id={noDataPattern}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#5f5f5f" strokeWidth="2" />
        </pattern>
      </defs>
    </svg>
  );
}

/** A small square of a class's colour, or the hatching of "no data"; beside its name, always. */
export function ClassSwatch({ classId, fill }: { classId: string; fill: string }) {
  return (
    <svg className="class-swatch" width="16" height="16" aria-hidden="true" focusable="false">
      <rect
        x="0.5"
        y="0.5"
        width="15"
        height="15"
        fill={classId === noDataClass ? `url(#${noDataPattern})` : fill}
        stroke="#1b1f24"
      />
    </svg>
  );
}

/** The five classes, with their score ranges, and "no data", as a list. */
export function RiskLegend({
  figure,
  legend,
  format,
}: {
  figure: string;
  legend: readonly LegendEntry[];
  format: RiskFormat;
}) {
  const r = useRiskStrings();
  return (
    <section className="risk-legend" aria-labelledby="risk-legend-title">
      <h3 id="risk-legend-title">{r('risk.legendTitle', { figure })}</h3>
      <ul>
        {legend.map((entry) => (
          <li key={entry.id}>
            <ClassSwatch classId={entry.id} fill={entry.fill} /> {entry.label}{' '}
            <span className="muted">
              {entry.to === null
                ? r('risk.rangeFrom', { from: format.score(entry.from) })
                : r('risk.range', { from: format.score(entry.from), to: format.score(entry.to) })}
            </span>
          </li>
        ))}
        <li>
          <ClassSwatch classId={noDataClass} fill="" /> {r('risk.noData')}
        </li>
      </ul>
    </section>
  );
}
