export interface Trend {
  /** The last score minus the first present score of the window; null when either is missing. */
  change: number | null;
  /** The least-squares slope per period over the window's present scores (at least two). */
  slope: number | null;
  direction: 'rising' | 'falling' | 'stable' | 'unknown';
  /** Present scores the trend rests on. */
  periods: number;
}

/**
 * The trend of a score over the last `periods` periods of a series (oldest first, null for a
 * missing period). A change of at least `threshold` points either way is a rise or a fall.
 */
export function computeTrend(
  series: readonly (number | null)[],
  periods: number,
  threshold = 0.5,
): Trend {
  if (!Number.isInteger(periods) || periods < 2)
    throw new RangeError('A trend needs a window of at least 2 periods');
  const window = series.slice(-periods);
  const points: [number, number][] = [];
  window.forEach((v, i) => {
    if (v !== null && !Number.isNaN(v)) points.push([i, v]);
  });
  const last = window[window.length - 1];
  const first = points[0];
  const change =
    last === undefined || last === null || Number.isNaN(last) || !first || points.length < 2
      ? null
      : last - first[1];
  let slope: number | null = null;
  if (points.length >= 2) {
    const meanX = points.reduce((s, [x]) => s + x, 0) / points.length;
    const meanY = points.reduce((s, [, y]) => s + y, 0) / points.length;
    let num = 0;
    let den = 0;
    for (const [x, y] of points) {
      num += (x - meanX) * (y - meanY);
      den += (x - meanX) ** 2;
    }
    slope = num / den;
  }
  const direction =
    change === null
      ? 'unknown'
      : change >= threshold
        ? 'rising'
        : change <= -threshold
          ? 'falling'
          : 'stable';
  return { change, slope, direction, periods: points.length };
}
