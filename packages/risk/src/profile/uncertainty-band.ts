import type { RiskModel, RiskNode } from '@prevention/core';
import { CompiledRiskModel } from '../engine.js';
import type { ProfileLayout } from './profile-layout.js';
import { hashString, seededRandom } from './seeded-random.js';

/** Every weight is multiplied by a factor drawn uniformly from this range, in each draw. */
export const weightFactorRange = { min: 0.5, max: 1.5 } as const;

/** The band runs from the 5th to the 95th percentile of the draws. */
export const bandPercentiles = { low: 0.05, high: 0.95 } as const;

/**
 * The model of each Monte Carlo draw: every node's weight multiplied by a factor uniform in
 * `weightFactorRange`, drawn from a stream seeded by the model's id and version (the same
 * weights for every area and month, as in the JRC/OECD Handbook's uncertainty analysis, so that
 * areas stay comparable within a draw). Leaves take 0–10 scores as given (identity, not
 * inverted): a draw perturbs leaf scores, not raw values.
 */
export function perturbedModels(model: RiskModel, draws: number): CompiledRiskModel[] {
  const next = seededRandom(hashString(`${model.id}@${model.version}`));
  const span = weightFactorRange.max - weightFactorRange.min;
  const perturb = (node: RiskNode): RiskNode => {
    const weight = (node.weight ?? 1) * (weightFactorRange.min + span * next());
    return node.kind === 'indicator'
      ? { ...node, weight, normalisation: { method: 'identity' }, invert: false }
      : { ...node, weight, children: node.children.map(perturb) };
  };
  return Array.from(
    { length: draws },
    () => new CompiledRiskModel({ ...model, root: perturb(model.root) }),
  );
}

/**
 * One draw of a leaf's 0–10 score: f·s + (1 − f)·10u, with f its reliability factor and u
 * uniform in [0, 1) — a missing leaf (f = 0) anywhere in 0–10, a verified current one (f = 1)
 * exactly its score, and in between an interval of width 10(1 − f) that contains the score.
 */
export function drawLeafScore(score: number, factor: number, u: number): number {
  return factor <= 0 || score !== score ? 10 * u : factor * score + (1 - factor) * 10 * u;
}

/** The p-quantile of sorted samples, interpolated between order statistics at p·(n − 1). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? Number.NaN;
  return low + (position - below) * (high - low);
}

/**
 * The Monte Carlo uncertainty band of a model's band nodes (the root and the pillars). In each
 * draw every leaf's score is drawn by `drawLeafScore` from its reliability factor and the tree
 * is evaluated under that draw's perturbed weights (`perturbedModels`); a band runs from the
 * 5th to the 95th percentile of the draws, widened to the score where it lies outside.
 */
export class UncertaintyBand {
  readonly draws: number;
  private readonly layout: ProfileLayout;
  private readonly models: readonly CompiledRiskModel[];
  // Scratch space for one area-month, reused: a band is computed synchronously to its end.
  private readonly inputs: Float64Array;
  private readonly drawn: Float64Array;
  private readonly completeness: Float64Array;
  private readonly samples: Float64Array;
  private readonly uncertain: Int32Array;
  private readonly uncertainScore: Float64Array;
  private readonly uncertainFactor: Float64Array;

  constructor(model: RiskModel, layout: ProfileLayout, draws: number) {
    this.draws = draws;
    this.layout = layout;
    this.models = perturbedModels(model, draws);
    this.inputs = new Float64Array(layout.size);
    this.drawn = new Float64Array(layout.size);
    this.completeness = new Float64Array(layout.size);
    this.samples = new Float64Array(layout.bandNodes.length * draws);
    this.uncertain = new Int32Array(layout.leafCount);
    this.uncertainScore = new Float64Array(layout.leafCount);
    this.uncertainFactor = new Float64Array(layout.leafCount);
  }

  /**
   * The bands of one area-month into `low` and `high` (one entry per band node; left as they
   * are where the node has no score), from every node's `scores`, each leaf's reliability
   * `factors` and the area-month's `seed` (`areaMonthSeed`).
   */
  into(
    scores: Float64Array,
    factors: Float64Array,
    seed: number,
    low: Float64Array,
    high: Float64Array,
  ): void {
    const { layout, models, inputs, drawn, completeness, samples } = this;
    const { uncertain, uncertainScore, uncertainFactor } = this;
    const count = models.length;
    const bands = layout.bandNodes;
    if (count === 0 || bands.every((i) => scores[i] !== scores[i])) return;
    // Leaves with a verified current value are the same in every draw; the others are drawn.
    inputs.fill(Number.NaN);
    let drawnLeaves = 0;
    for (let leaf = 0; leaf < layout.leafCount; leaf += 1) {
      const i = layout.leafNodes[leaf] as number;
      const score = scores[i] as number;
      const factor = score === score ? (factors[leaf] as number) : 0;
      if (factor >= 1) inputs[i] = score;
      else {
        uncertain[drawnLeaves] = i;
        uncertainScore[drawnLeaves] = score;
        uncertainFactor[drawnLeaves] = factor;
        drawnLeaves += 1;
      }
    }
    const next = seededRandom(seed);
    for (let d = 0; d < count; d += 1) {
      for (let k = 0; k < drawnLeaves; k += 1)
        inputs[uncertain[k] as number] = drawLeafScore(
          uncertainScore[k] as number,
          uncertainFactor[k] as number,
          next(),
        );
      (models[d] as CompiledRiskModel).evaluateInto(inputs, drawn, completeness);
      for (let b = 0; b < bands.length; b += 1)
        samples[b * count + d] = drawn[bands[b] as number] as number;
    }
    for (let b = 0; b < bands.length; b += 1) {
      const score = scores[bands[b] as number] as number;
      if (score !== score) continue;
      const sorted = samples.subarray(b * count, (b + 1) * count).sort();
      low[b] = Math.min(quantile(sorted, bandPercentiles.low), score);
      high[b] = Math.max(quantile(sorted, bandPercentiles.high), score);
    }
  }
}
