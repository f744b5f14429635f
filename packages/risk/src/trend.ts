export interface Trend {
  /** The last score minus the first present score of the window; null when either is missing. */
  change: number | null;
  /** The least-squares slope per period over the window's present scores (at least two). */
  slope: number | null;
  direction: 'rising' | 'falling' | 'stable' | 'unknown';
  /** Present scores the trend rests on. */
  periods: number;
}

const isPresent = (v: number | null | undefined): v is number =>
  v !== null && v !== undefined && !Number.isNaN(v);

/**
 * The change of a trend over `series[from..to]` (both included; null or NaN for a missing
 * period): the last score minus the first present one, or null when the last is missing or
 * fewer than two scores are present. Allocation-free, for callers that scan many windows.
 */
export function trendChange(
  series: ArrayLike<number | null>,
  from: number,
  to: number,
): number | null {
  const last = series[to];
  if (!isPresent(last)) return null;
  for (let i = from; i < to; i += 1) {
    const first = series[i];
    if (isPresent(first)) return last - first;
  }
  return null;
}

/** A change of at least `threshold` points either way is a rise or a fall. */
export function trendDirection(change: number | null, threshold = 0.5): Trend['direction'] {
  if (change === null) return 'unknown';
  return change >= threshold ? 'rising' : change <= -threshold ? 'falling' : 'stable';
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
    if (isPresent(v)) points.push([i, v]);
  });
  const change = trendChange(window, 0, window.length - 1);
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
  return { change, slope, direction: trendDirection(change, threshold), periods: points.length };
}
