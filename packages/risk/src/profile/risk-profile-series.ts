import { addMonths, monthsBetween, type Month } from '@prevention/core';
import { classify } from '../classify.js';
import type { ProfileObservation } from './leaf-timeline.js';
import type { ProfileLayout } from './profile-layout.js';
import {
  TrendDirection,
  type NodeProfile,
  type ProfileDriver,
  type ProfileTrend,
  type RiskProfile,
  roundForProfile,
} from './risk-profile.js';

export const trendDirections = TrendDirection.options;

/**
 * The profiles of one area over a range of months, as flat typed arrays, month-major: the
 * computation writes them without allocating per node, and `profile(month)` turns one month
 * into the `RiskProfile` payload that is stored and served. NaN stands for a missing number;
 * -1 for no observation or no driver.
 */
export class RiskProfileSeries {
  /** Per month and node: score, completeness, reliability. */
  readonly score: Float64Array;
  readonly completeness: Float64Array;
  readonly reliability: Float64Array;
  /** Per month and leaf: the index of the observation that counts, and months it was carried. */
  readonly observation: Int32Array;
  readonly carriedMonths: Int32Array;
  /** Per month and aggregate node: the change over 3 and 12 months, and its direction. */
  readonly change3: Float64Array;
  readonly change12: Float64Array;
  readonly direction3: Uint8Array;
  readonly direction12: Uint8Array;
  /** Per month, aggregate node and rank: the child node index and its contribution. */
  readonly driverNode: Int32Array;
  readonly driverValue: Float64Array;
  /** Per month and band node: the band's ends. */
  readonly bandLow: Float64Array;
  readonly bandHigh: Float64Array;

  constructor(
    readonly layout: ProfileLayout,
    readonly model: { id: string; version: string },
    readonly settings: { draws: number; drivers: number },
    readonly observations: readonly ProfileObservation[],
    readonly area: string,
    /** The first month of the range, and how many months it has. */
    readonly from: Month,
    readonly months: number,
  ) {
    const perNode = months * layout.size;
    const perAggregate = months * layout.aggregateNodes.length;
    const perBand = months * layout.bandNodes.length;
    this.score = new Float64Array(perNode);
    this.completeness = new Float64Array(perNode);
    this.reliability = new Float64Array(perNode);
    this.observation = new Int32Array(months * layout.leafCount);
    this.carriedMonths = new Int32Array(months * layout.leafCount);
    this.change3 = new Float64Array(perAggregate);
    this.change12 = new Float64Array(perAggregate);
    this.direction3 = new Uint8Array(perAggregate);
    this.direction12 = new Uint8Array(perAggregate);
    this.driverNode = new Int32Array(perAggregate * settings.drivers).fill(-1);
    this.driverValue = new Float64Array(perAggregate * settings.drivers);
    this.bandLow = new Float64Array(perBand).fill(Number.NaN);
    this.bandHigh = new Float64Array(perBand).fill(Number.NaN);
  }

  /**
   * Rounds month `t`'s numbers to `profilePrecision`, as they are stored: once its drivers and
   * bands are computed from the exact scores, and before its scores feed later trends.
   */
  roundMonth(t: number): void {
    const round = (values: Float64Array, per: number) => {
      for (let k = t * per; k < (t + 1) * per; k += 1)
        values[k] = roundForProfile(values[k] as number);
    };
    const { layout } = this;
    round(this.score, layout.size);
    round(this.completeness, layout.size);
    round(this.reliability, layout.size);
    round(this.driverValue, layout.aggregateNodes.length * this.settings.drivers);
    round(this.bandLow, layout.bandNodes.length);
    round(this.bandHigh, layout.bandNodes.length);
  }

  get to(): Month {
    return addMonths(this.from, this.months - 1);
  }

  /** The payload of one month of the range. */
  profile(month: Month): RiskProfile {
    const t = monthsBetween(this.from, month);
    if (!(t >= 0 && t < this.months))
      throw new RangeError(`${month} is outside ${this.from}…${this.to}`);
    const { layout } = this;
    const nodes: Record<string, NodeProfile> = {};
    for (const i of layout.readingOrder) nodes[layout.ids[i] as string] = this.nodeProfile(t, i);
    return {
      area: this.area,
      month,
      model: { ...this.model },
      root: layout.ids[layout.size - 1] as string,
      draws: this.settings.draws,
      nodes,
    };
  }

  /** The payloads of every month of the range, in order. */
  profiles(): RiskProfile[] {
    return Array.from({ length: this.months }, (_, t) => this.profile(addMonths(this.from, t)));
  }

  private nodeProfile(t: number, i: number): NodeProfile {
    const { layout } = this;
    const at = t * layout.size + i;
    const value = this.score[at] as number;
    const score = value === value ? value : null;
    const node: NodeProfile = {
      score,
      completeness: this.completeness[at] as number,
      reliability: this.reliability[at] as number,
    };
    const classes = layout.classes[i];
    if (classes) node.class = score === null ? null : (classify(score, classes)?.id ?? null);

    const leaf = layout.leafSlot[i] as number;
    if (leaf >= 0) {
      const used = this.observations[this.observation[t * layout.leafCount + leaf] as number];
      if (used && score !== null) node.observed = used.period;
      return node;
    }

    const aggregate = layout.aggregateSlot[i] as number;
    const a = t * layout.aggregateNodes.length + aggregate;
    node.trend3 = trend(this.change3[a] as number, this.direction3[a] as number);
    node.trend12 = trend(this.change12[a] as number, this.direction12[a] as number);
    const drivers: ProfileDriver[] = [];
    for (let r = 0; r < this.settings.drivers; r += 1) {
      const child = this.driverNode[a * this.settings.drivers + r] as number;
      if (child < 0) break;
      drivers.push({
        node: layout.ids[child] as string,
        contribution: this.driverValue[a * this.settings.drivers + r] as number,
      });
    }
    node.drivers = drivers;

    const band = layout.bandSlot[i] as number;
    if (band >= 0) {
      const b = t * layout.bandNodes.length + band;
      const low = this.bandLow[b] as number;
      node.band = low === low ? { low, high: this.bandHigh[b] as number } : null;
    }
    return node;
  }
}

function trend(change: number, direction: number): ProfileTrend {
  return {
    change: change === change ? change : null,
    direction: trendDirections[direction] ?? 'unknown',
  };
}
