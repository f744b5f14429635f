import type { Normalisation } from '@prevention/core';

const clamp10 = (x: number) => (x < 0 ? 0 : x > 10 ? 10 : x);

/**
 * A raw indicator value as a 0–10 score (10 the worst): goalposts mapped to 0 and 10 with
 * values outside them clipped, on log10(1 + x) for `log-min-max`, then inverted for
 * higher-is-better indicators. NaN stays NaN: missing is not zero.
 */
export function normalise(value: number, normalisation: Normalisation, invert = false): number {
  if (Number.isNaN(value)) return Number.NaN;
  let score: number;
  switch (normalisation.method) {
    case 'identity':
      score = clamp10(value);
      break;
    case 'min-max':
      score = clamp10((10 * (value - normalisation.min)) / (normalisation.max - normalisation.min));
      break;
    case 'log-min-max': {
      const low = Math.log10(1 + normalisation.min);
      const high = Math.log10(1 + normalisation.max);
      score = clamp10((10 * (Math.log10(1 + Math.max(value, 0)) - low)) / (high - low));
      break;
    }
  }
  return invert ? 10 - score : score;
}

/**
 * The raw values a leaf accepts as input, for validation: a score must lie in 0–10 and a
 * log-scaled count cannot be negative; min–max goalposts clip anything else.
 */
export function acceptedRange(normalisation: Normalisation): { min: number; max: number } {
  switch (normalisation.method) {
    case 'identity':
      return { min: 0, max: 10 };
    case 'log-min-max':
      return { min: 0, max: Number.POSITIVE_INFINITY };
    case 'min-max':
      return { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
  }
}
