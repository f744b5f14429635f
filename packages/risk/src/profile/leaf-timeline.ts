import { AppError, monthIndexBounds, Observation } from '@prevention/core';
import type { z } from 'zod';
import { observationReliability, reliabilityFactors } from './observation-reliability.js';

/** What a profile needs of an observation; a stored `Observation` row is one. */
export const ProfileObservation = Observation.pick({
  indicatorCode: true,
  period: true,
  value: true,
  disaggregation: true,
  reliability: true,
});
export type ProfileObservation = z.infer<typeof ProfileObservation>;

/** Whether an observation is the total: neither for one sex nor for one age group. */
export function isTotal(observation: Pick<ProfileObservation, 'disaggregation'>): boolean {
  const d = observation.disaggregation;
  return d === undefined || (d.sex === undefined && d.age === undefined);
}

/**
 * For each month of a range and each leaf of a model, the observation that counts and its
 * reliability factor, month-major (`month * leafCount + leaf`).
 */
export interface LeafTimeline {
  /** Index of the observation that counts; -1 where the leaf is missing. */
  readonly observation: Int32Array;
  /** Months past the last month of the observation's period (0 within it). */
  readonly age: Int32Array;
  /** `observationReliability` of the observation, 0 where the leaf is missing. */
  readonly factor: Float64Array;
}

/**
 * Which observation counts for a leaf in a month: among the totals of the leaf's indicator
 * whose period covers the month or ended at most the indicator's window before it, the one
 * closest in time (covering before carried, then carried fewer months); on a tie the shorter
 * period (a month before a quarter before a year), then the more reliable, then the later in
 * the list (a later import supersedes an earlier one). Disaggregated rows never count.
 *
 * `leavesOf` maps an indicator code to the leaves it feeds, `windows` gives each leaf's
 * carry-forward months, and the range is `months` months from month index `start`.
 */
export function leafTimeline(
  observations: readonly ProfileObservation[],
  leavesOf: ReadonlyMap<string, readonly number[]>,
  windows: Int32Array,
  start: number,
  months: number,
): LeafTimeline {
  const leafCount = windows.length;
  const size = months * leafCount;
  const observation = new Int32Array(size).fill(-1);
  const age = new Int32Array(size);
  const span = new Int32Array(size);
  const base = new Float64Array(size);
  const end = start + months - 1;

  observations.forEach((o, index) => {
    const leaves = leavesOf.get(o.indicatorCode);
    if (leaves === undefined || !isTotal(o)) return;
    const { first, last } = monthIndexBounds(o.period);
    const trust = reliabilityFactors[o.reliability];
    if (!(first <= last) || trust === undefined || !Number.isFinite(o.value))
      throw new AppError(
        'BAD_REQUEST',
        `The observation of ${o.indicatorCode} for ${o.period} is not a valid observation.`,
      );
    const length = last - first;
    for (const leaf of leaves) {
      const to = Math.min(last + (windows[leaf] as number), end);
      for (let month = Math.max(first, start); month <= to; month += 1) {
        const carried = month > last ? month - last : 0;
        const at = (month - start) * leafCount + leaf;
        if (observation[at] !== -1) {
          const a = age[at] as number;
          const s = span[at] as number;
          const closer =
            carried < a ||
            (carried === a && (length < s || (length === s && trust >= (base[at] as number))));
          if (!closer) continue;
        }
        observation[at] = index;
        age[at] = carried;
        span[at] = length;
        base[at] = trust;
      }
    }
  });

  const factor = new Float64Array(size);
  for (let at = 0; at < size; at += 1) {
    const index = observation[at] as number;
    if (index === -1) continue;
    const o = observations[index] as ProfileObservation;
    factor[at] = observationReliability(
      o.reliability,
      age[at] as number,
      windows[at % leafCount] as number,
    );
  }
  return { observation, age, factor };
}
