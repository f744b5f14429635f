import { AppError, monthIndexBounds, Observation } from '@prevention/core';
import type { z } from 'zod';
import { observationReliability, reliabilityFactors } from './observation-reliability.js';

/** What a profile needs of an observation; an `Observation` has it all. */
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
 * reliability factor, month-major (`month * leafCount + leaf`). One timeline is reused from
 * area to area; `place` fills it for one area's observations.
 *
 * Which observation counts for a leaf in a month: among the totals of the leaf's indicator
 * whose period covers the month or ended at most the indicator's window before it, the one
 * closest in time (covering before carried, then carried fewer months); on a tie the shorter
 * period (a month before a quarter before a year), then the more reliable, then the later in
 * the list (a later import supersedes an earlier one). Disaggregated rows never count.
 */
export class LeafTimeline {
  /** Index of the observation that counts; -1 where the leaf is missing. */
  observation = new Int32Array(0);
  /** Months past the last month of the observation's period (0 within it). */
  age = new Int32Array(0);
  /** `observationReliability` of the observation, 0 where the leaf is missing. */
  factor = new Float64Array(0);
  private span = new Int32Array(0);
  private trust = new Float64Array(0);
  private capacity = 0;

  /**
   * @param leavesOf the leaves each indicator code feeds
   * @param windows each leaf's carry-forward months
   */
  constructor(
    private readonly leavesOf: ReadonlyMap<string, readonly number[]>,
    private readonly windows: Int32Array,
  ) {}

  /** Fills the timeline for `months` months from month index `start`. */
  place(observations: readonly ProfileObservation[], start: number, months: number): void {
    const { leavesOf, windows } = this;
    const leafCount = windows.length;
    this.resize(months * leafCount);
    const { observation, age, span, trust, factor } = this;
    observation.fill(-1);
    const end = start + months - 1;
    for (let index = 0; index < observations.length; index += 1) {
      const o = observations[index] as ProfileObservation;
      const leaves = leavesOf.get(o.indicatorCode);
      if (leaves === undefined || !isTotal(o)) continue;
      const { first, last } = monthIndexBounds(o.period);
      const base = reliabilityFactors[o.reliability];
      if (!(first <= last) || base === undefined || !Number.isFinite(o.value))
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
              (carried === a && (length < s || (length === s && base >= (trust[at] as number))));
            if (!closer) continue;
          }
          observation[at] = index;
          age[at] = carried;
          span[at] = length;
          trust[at] = base;
        }
      }
    }
    for (let at = 0; at < observation.length; at += 1) {
      const index = observation[at] as number;
      factor[at] =
        index === -1
          ? 0
          : observationReliability(
              (observations[index] as ProfileObservation).reliability,
              age[at] as number,
              windows[at % leafCount] as number,
            );
    }
  }

  /** Views of `size` entries, on buffers that grow when a longer range needs them. */
  private resize(size: number) {
    if (size > this.capacity) {
      this.capacity = size;
      this.span = new Int32Array(size);
      this.trust = new Float64Array(size);
      this.observation = new Int32Array(size);
      this.age = new Int32Array(size);
      this.factor = new Float64Array(size);
    }
    this.observation = new Int32Array(this.observation.buffer, 0, size);
    this.age = new Int32Array(this.age.buffer, 0, size);
    this.span = new Int32Array(this.span.buffer, 0, size);
    this.trust = new Float64Array(this.trust.buffer, 0, size);
    this.factor = new Float64Array(this.factor.buffer, 0, size);
  }
}
