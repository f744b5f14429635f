/** A linear map from a domain onto a range, e.g. a score 0–10 onto pixels from the bottom. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** Every month from `from` to `to`, both included (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * An SVG path through the points, broken where a value is missing: a line never bridges a
 * month without a score.
 */
export function linePath(points: readonly { x: number; y: number | null }[]): string {
  let path = '';
  let drawing = false;
  for (const { x, y } of points) {
    if (y === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${round(x)},${round(y)}`;
    drawing = true;
  }
  return path;
}

/**
 * Closed SVG areas between the low and high edges of a band, one per run of months that have
 * a band (a single month makes a thin sliver of `minWidth`).
 */
export function bandPath(
  points: readonly { x: number; low: number | null; high: number | null }[],
  minWidth = 2,
): string {
  const runs: { x: number; low: number; high: number }[][] = [];
  let run: { x: number; low: number; high: number }[] = [];
  for (const { x, low, high } of points) {
    if (low === null || high === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ x, low, high });
  }
  if (run.length) runs.push(run);
  return runs
    .map((segment) => {
      const only = segment.length === 1 ? segment[0] : undefined;
      const edge = only
        ? [
            { ...only, x: only.x - minWidth / 2 },
            { ...only, x: only.x + minWidth / 2 },
          ]
        : segment;
      const top = edge.map((p, i) => `${i ? 'L' : 'M'}${round(p.x)},${round(p.high)}`).join('');
      const bottom = [...edge]
        .reverse()
        .map((p) => `L${round(p.x)},${round(p.low)}`)
        .join('');
      return `${top}${bottom}Z`;
    })
    .join('');
}

/** About `count` evenly spaced indices into a list of `length`, always with the last one. */
export function tickIndices(length: number, count: number): number[] {
  if (length <= 0) return [];
  const step = Math.max(1, Math.ceil(length / count));
  const ticks: number[] = [];
  for (let index = (length - 1) % step; index < length; index += step) ticks.push(index);
  return ticks;
}
