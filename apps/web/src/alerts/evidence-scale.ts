/**
 * The vertical scale of an alert's evidence chart: from zero (or the lowest value, when a
 * series goes below zero) to a round number above the highest of the series, the baseline and
 * the threshold, so that both reference lines are always inside the chart.
 */
export function evidenceDomain(
  values: readonly number[],
  references: readonly (number | null)[],
): [number, number] {
  const all = [...values, ...references.filter((value): value is number => value !== null)];
  const low = Math.min(0, ...all);
  const high = Math.max(...all, low + 1);
  return [low, niceCeiling(high)];
}

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `value` (value > 0). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= value * (1 - 1e-9)) ?? 10;
  return step * power;
}

/** `count` + 1 evenly spaced tick values from `low` to `high`, both included. */
export function evenTicks([low, high]: readonly [number, number], count: number): number[] {
  const step = (high - low) / count;
  return Array.from({ length: count + 1 }, (_, index) => round(low + index * step));
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
