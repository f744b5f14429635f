import {
  AppError,
  Month,
  monthFromIndex,
  monthIndex,
  type AreaCode,
  type Indicator,
} from '@prevention/core';
import { z } from 'zod';
import type { CompiledRiskModel } from '../engine.js';
import { platformPillars } from '../models/prevention-model.js';
import { contributionsTo } from '../operators.js';
import { trendChange, trendDirection } from '../trend.js';
import { LeafTimeline, type ProfileObservation } from './leaf-timeline.js';
import { ProfileLayout } from './profile-layout.js';
import { RiskProfileSeries, trendDirections } from './risk-profile-series.js';
import { roundForProfile, type RiskProfile } from './risk-profile.js';
import { areaMonthSeed } from './seeded-random.js';
import { UncertaintyBand } from './uncertainty-band.js';

/** Months of earlier scores a trend looks back on: the longer of its two windows. */
export const trendMonths = 12;

export const RiskProfilerSettings = z
  .object({
    draws: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(32)
      .describe('Monte Carlo draws per area and month for the uncertainty bands; 0 for none'),
    drivers: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(3)
      .describe('How many of the largest contributions each aggregate node keeps as drivers'),
    bandDepth: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(1)
      .describe(
        'Bands for the root (depth 0) and aggregate nodes down to this depth: 1, the pillars',
      ),
    trendThreshold: z
      .number()
      .min(0)
      .max(10)
      .default(0.5)
      .describe('A change of at least this many points either way is a rise or a fall'),
    unknownCarryForwardMonths: z
      .number()
      .int()
      .min(0)
      .max(120)
      .default(0)
      .describe('The validity window of a leaf whose indicator the catalogue does not describe'),
  })
  .strict();

export type RiskProfilerOptions = z.input<typeof RiskProfilerSettings> & {
  /** The indicator catalogue the validity windows come from; default: the platform's pillars. */
  indicators?: readonly Pick<Indicator, 'code' | 'origin' | 'validity'>[];
};

/** One area's input: its observations and, for trends, its stored profiles before the range. */
export interface AreaObservations {
  area: AreaCode;
  /** The area's observations of any indicators; those of indicators outside the model are ignored. */
  observations: readonly ProfileObservation[];
  /** Stored profiles of this area under the same model version; the 12 months before `from` are read. */
  previous?: readonly RiskProfile[];
}

export interface MonthRange {
  from: Month;
  to: Month;
}

/**
 * Computes risk profiles under one compiled model: for an area and a range of months, every
 * node's score, class, completeness, reliability, 3- and 12-month trend, drivers and, for the
 * root and the pillars, an uncertainty band. Create one per model version and reuse it: the
 * validity windows and the Monte Carlo draws' models are prepared once.
 *
 * Each month depends only on the area's observations and, for its trends, on the scores of the
 * twelve months before it — so recomputing months M…N given the stored profiles before M
 * gives the same profiles, bit for bit, as computing everything.
 */
export class RiskProfiler {
  readonly compiled: CompiledRiskModel;
  readonly layout: ProfileLayout;
  readonly settings: z.output<typeof RiskProfilerSettings>;
  /** The node ids in the order a profile lists them (parents first): what packing needs. */
  readonly nodeOrder: readonly string[];
  private readonly band: UncertaintyBand;
  private readonly timeline: LeafTimeline;
  /** Scratch space, reused: a computation runs synchronously to its end. */
  private readonly inputs: Float64Array;
  private readonly window: number[] = new Array<number>(trendMonths + 1).fill(Number.NaN);

  constructor(compiled: CompiledRiskModel, options: RiskProfilerOptions = {}) {
    const { indicators, ...rest } = options;
    const parsed = RiskProfilerSettings.safeParse(rest);
    if (!parsed.success)
      throw new AppError(
        'BAD_REQUEST',
        `The profile options are not valid:\n${z.prettifyError(parsed.error)}`,
      );
    this.compiled = compiled;
    this.settings = parsed.data;
    const catalogue = indicators ?? platformPillars.flatMap((pillar) => pillar.indicators);
    this.layout = new ProfileLayout(
      compiled,
      new Map(catalogue.map((indicator) => [indicator.code, indicator])),
      this.settings.bandDepth,
      this.settings.unknownCarryForwardMonths,
    );
    this.nodeOrder = Array.from(this.layout.readingOrder, (i) => this.layout.ids[i] as string);
    this.band = new UncertaintyBand(compiled.model, this.layout, this.settings.draws);
    this.timeline = new LeafTimeline(this.layout.leavesOf, this.layout.windows);
    this.inputs = new Float64Array(compiled.size);
  }

  /**
   * The first month an observation's period must reach (by its last month) to count anywhere
   * from `from` on: what to read from storage for a recompute starting at `from`.
   */
  oldestUsableMonth(from: Month): Month {
    return monthFromIndex(monthIndex(from) - this.layout.longestWindow);
  }

  /** The profiles of one area for every month of the range. */
  compute(input: AreaObservations, range: MonthRange): RiskProfileSeries {
    const start = checkedMonth(range.from);
    const months = checkedMonth(range.to) - start + 1;
    if (months < 1 || months > 1200)
      throw new AppError(
        'BAD_REQUEST',
        `The months ${range.from}…${range.to} are not a range of 1 to 1,200 months.`,
      );
    const { layout, compiled, timeline } = this;
    timeline.place(input.observations, start, months);
    const series = new RiskProfileSeries(
      layout,
      { id: compiled.model.id, version: compiled.model.version },
      { draws: this.settings.draws, drivers: this.settings.drivers },
      input.observations,
      input.area,
      range.from,
      months,
    );
    series.observation.set(timeline.observation);
    series.carriedMonths.set(timeline.age);
    const history = this.scoreHistory(input, start, months);
    const { inputs } = this;
    const n = layout.size;
    const bands = layout.bandNodes.length;
    for (let t = 0; t < months; t += 1) {
      const scores = ofMonth(series.score, t, n);
      inputs.fill(Number.NaN);
      for (let leaf = 0; leaf < layout.leafCount; leaf += 1) {
        const index = timeline.observation[t * layout.leafCount + leaf] as number;
        if (index >= 0)
          inputs[layout.leafNodes[leaf] as number] = (
            input.observations[index] as ProfileObservation
          ).value;
      }
      compiled.evaluateInto(inputs, scores, ofMonth(series.completeness, t, n));
      this.reliabilityInto(scores, timeline, t, ofMonth(series.reliability, t, n));
      this.driversInto(scores, series, t);
      this.band.into(
        scores,
        ofMonth(timeline.factor, t, layout.leafCount),
        areaMonthSeed(input.area, start + t),
        ofMonth(series.bandLow, t, bands),
        ofMonth(series.bandHigh, t, bands),
      );
      series.roundMonth(t);
      this.trendsInto(scores, history, series, t);
    }
    return series;
  }

  /** Aggregate nodes' scores from 12 months before the range to its end, month-major; NaN unknown. */
  private scoreHistory(input: AreaObservations, start: number, months: number): Float64Array {
    const { layout } = this;
    const { id, version } = this.compiled.model;
    const aggregates = layout.aggregateNodes.length;
    const history = new Float64Array((trendMonths + months) * aggregates).fill(Number.NaN);
    for (const stored of input.previous ?? []) {
      if (stored.area !== input.area || stored.model.id !== id || stored.model.version !== version)
        throw new AppError(
          'BAD_REQUEST',
          `A previous profile is of ${stored.area} under ${stored.model.id} ${stored.model.version}, not of ${input.area} under ${id} ${version}.`,
        );
      const k = checkedMonth(stored.month) - (start - trendMonths);
      if (k < 0 || k >= trendMonths) continue;
      layout.aggregateNodes.forEach((node, a) => {
        history[k * aggregates + a] = stored.nodes[layout.ids[node] as string]?.score ?? Number.NaN;
      });
    }
    return history;
  }

  /**
   * A leaf's reliability is its observation's factor (0 when missing); an aggregate's is the
   * weighted mean of its present children's over all its children's weight — the engine's rule
   * for completeness, with factors in place of 1 — so reliability never exceeds completeness.
   */
  private reliabilityInto(
    scores: Float64Array,
    timeline: LeafTimeline,
    t: number,
    into: Float64Array,
  ) {
    const { layout } = this;
    for (let i = 0; i < layout.size; i += 1) {
      const leaf = layout.leafSlot[i] as number;
      if (leaf >= 0) {
        into[i] =
          scores[i] === scores[i] ? (timeline.factor[t * layout.leafCount + leaf] as number) : 0;
        continue;
      }
      let sum = 0;
      for (let k = layout.childStart[i] as number; k < (layout.childEnd[i] as number); k += 1) {
        const c = layout.children[k] as number;
        if (scores[c] === scores[c]) sum += (layout.weight[c] as number) * (into[c] as number);
      }
      into[i] = sum / (layout.totalWeight[i] as number);
    }
  }

  /** Each aggregate's largest positive contributions (the engine's `contributionsTo`), largest first. */
  private driversInto(scores: Float64Array, series: RiskProfileSeries, t: number) {
    const { layout } = this;
    const top = this.settings.drivers;
    const aggregates = layout.aggregateNodes;
    for (let a = 0; a < aggregates.length && top > 0; a += 1) {
      const i = aggregates[a] as number;
      const score = scores[i] as number;
      const operator = layout.operators[i];
      if (score !== score || operator === undefined) continue;
      const children: number[] = [];
      const values: number[] = [];
      const weights: number[] = [];
      const scales: number[] = [];
      for (let k = layout.childStart[i] as number; k < (layout.childEnd[i] as number); k += 1) {
        const c = layout.children[k] as number;
        const v = scores[c] as number;
        if (v !== v) continue;
        children.push(c);
        values.push(v);
        weights.push(layout.weight[c] as number);
        scales.push(layout.scale[c] as number);
      }
      const parts = contributionsTo(operator, score, values, weights, scales);
      const base = (t * aggregates.length + a) * top;
      // Selection of the largest, the earlier child first on a tie: a handful of children each.
      // A child that accounts for none of the score (the loser of a maximum) is no driver.
      for (let r = 0; r < Math.min(top, parts.length); r += 1) {
        let best = 0;
        for (let j = 1; j < parts.length; j += 1)
          if ((parts[j] as number) > (parts[best] as number)) best = j;
        if (!((parts[best] as number) > 0)) break;
        series.driverNode[base + r] = children[best] as number;
        series.driverValue[base + r] = parts[best] as number;
        parts[best] = Number.NEGATIVE_INFINITY;
      }
    }
  }

  /**
   * The change over 3 and 12 months, by `trendChange` over the 4 and 13 monthly scores ending
   * with this month's (rounded, as stored), and its direction.
   */
  private trendsInto(
    scores: Float64Array,
    history: Float64Array,
    series: RiskProfileSeries,
    t: number,
  ) {
    const { layout } = this;
    const aggregates = layout.aggregateNodes.length;
    const now = trendMonths + t;
    for (let a = 0; a < aggregates; a += 1)
      history[now * aggregates + a] = scores[layout.aggregateNodes[a] as number] as number;
    const { window } = this;
    const { trendThreshold } = this.settings;
    const rounded = (change: number | null) => (change === null ? null : roundForProfile(change));
    for (let a = 0; a < aggregates; a += 1) {
      for (let k = 0; k <= trendMonths; k += 1)
        window[k] = history[(now - trendMonths + k) * aggregates + a] as number;
      const three = rounded(trendChange(window, trendMonths - 3, trendMonths));
      const twelve = rounded(trendChange(window, 0, trendMonths));
      const at = t * aggregates + a;
      series.change3[at] = three ?? Number.NaN;
      series.change12[at] = twelve ?? Number.NaN;
      series.direction3[at] = trendDirections.indexOf(trendDirection(three, trendThreshold));
      series.direction12[at] = trendDirections.indexOf(trendDirection(twelve, trendThreshold));
    }
  }
}

/** Month `t`'s part of a month-major array with `per` entries a month. */
function ofMonth(values: Float64Array, t: number, per: number): Float64Array {
  return values.subarray(t * per, (t + 1) * per);
}

function checkedMonth(month: string): number {
  if (!Month.safeParse(month).success)
    throw new AppError('BAD_REQUEST', `${month} is not a month (YYYY-MM).`);
  return monthIndex(month);
}

export function createRiskProfiler(
  compiled: CompiledRiskModel,
  options: RiskProfilerOptions = {},
): RiskProfiler {
  return new RiskProfiler(compiled, options);
}

/** The profiles of several areas over one range of months; see `RiskProfiler`. */
export function computeRiskProfiles(
  compiled: CompiledRiskModel,
  areas: readonly AreaObservations[],
  range: MonthRange,
  options: RiskProfilerOptions = {},
): RiskProfileSeries[] {
  const profiler = new RiskProfiler(compiled, options);
  return areas.map((area) => profiler.compute(area, range));
}
