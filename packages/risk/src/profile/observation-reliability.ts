import type { Reliability } from '@prevention/core';

/**
 * How much of a value can be trusted as reported: a verified or official figure fully, a
 * partly corroborated one at 0.7, a mostly unverified one at 0.4 — so that a leaf resting on
 * low-reliability data weighs in a profile's reliability at less than half of a verified one.
 */
export const reliabilityFactors: Readonly<Record<Reliability, number>> = {
  high: 1,
  medium: 0.7,
  low: 0.4,
};

/**
 * What an observation carried to the last month of its validity window keeps of its factor.
 * A structural figure at the end of its window is still the best estimate there is, so it
 * keeps half; a month later it is missing.
 */
export const carriedReliabilityFloor = 0.5;

/**
 * The reliability factor (0–1) of an observation used `age` months after the last month of its
 * period, for an indicator carried forward at most `window` months: its reported reliability,
 * times an age factor falling linearly from 1 (in its own period) to the floor at the end of the
 * window; 0 beyond it, where the indicator is missing.
 */
export function observationReliability(
  reliability: Reliability,
  age: number,
  window: number,
): number {
  if (age <= 0) return reliabilityFactors[reliability];
  if (age > window) return 0;
  return reliabilityFactors[reliability] * (1 - ((1 - carriedReliabilityFloor) * age) / window);
}
