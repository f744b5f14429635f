import {
  AppError,
  RiskModel,
  type AggregationOperator,
  type LocalisedText,
  type RiskClasses,
  type RiskNode,
} from '@prevention/core';
import { z } from 'zod';
import { classify } from './classify.js';
import { acceptedRange } from './normalise.js';
import { contributionsTo } from './operators.js';

const operators: readonly AggregationOperator[] = [
  'weighted-mean',
  'geometric-mean',
  'reverse-geometric-mean',
  'max',
  'scaled-max',
  'min',
];
const WEIGHTED_MEAN = 0;
const GEOMETRIC_MEAN = 1;
const REVERSE_GEOMETRIC_MEAN = 2;
const MAX = 3;
const SCALED_MAX = 4;
const MIN = 5;
const IDENTITY = 0;
const MIN_MAX = 1;
const LOG_MIN_MAX = 2;
/** Coverage is compared with this slack, so that 2 of 3 children meet a minimum of 2/3. */
const EPSILON = 1e-9;
/** A tie such as 5.35 often arrives as 5.3499999999999996; this relative nudge rounds it up. */
const TIE_NUDGE = 1e-12;

/** Rounds half up to the decimals of `factor` (10 to the number of decimals). */
function roundHalfUp(x: number, factor: number): number {
  return Math.round(x * factor * (1 + TIE_NUDGE)) / factor;
}

export interface Contribution {
  id: string;
  /** Points of the parent's score this child accounts for; they add up to the parent's score. */
  value: number;
  share: number;
}

export interface NodeScore {
  id: string;
  title: LocalisedText;
  /** 0–10, or null when the node is missing (no input, or its children's coverage too low). */
  score: number | null;
  /** Weighted share (0–1) of the underlying data that was present. */
  completeness: number;
  /** The class, for the root and for nodes that declare classes. */
  class: RiskClasses[number] | null;
  /** `input`: a value given for this node (an inner node's is taken as given). */
  origin: 'input' | 'computed' | 'missing';
  contributions: Contribution[];
}

export interface ModelEvaluation {
  root: NodeScore;
  nodes: Record<string, NodeScore>;
}

/** Input values by node id: raw indicator values for leaves, 0–10 scores for inner nodes. */
export type ModelInputs = Readonly<Record<string, number | null | undefined>>;

/**
 * A risk model compiled for evaluation: its tree laid out in flat typed arrays, children
 * before parents, so that evaluating an area is one pass over numbers without allocation.
 * `evaluateInto` is that pass; `evaluate` adds classes and contributions for one area.
 */
export class CompiledRiskModel {
  readonly model: RiskModel;
  /** Every node, children before parents; the last is the root. */
  readonly nodes: readonly RiskNode[];
  readonly size: number;
  private readonly index = new Map<string, number>();
  private readonly parentOf: Int32Array;
  private readonly isLeaf: Uint8Array;
  private readonly operator: Uint8Array;
  private readonly childStart: Int32Array;
  private readonly childEnd: Int32Array;
  private readonly children: Int32Array;
  private readonly weight: Float64Array;
  private readonly scale: Float64Array;
  private readonly totalWeight: Float64Array;
  private readonly minCoverage: Float64Array;
  private readonly method: Uint8Array;
  private readonly low: Float64Array;
  private readonly span: Float64Array;
  private readonly invert: Uint8Array;
  /** 10 to the model's decimals, or 0 when scores are not rounded. */
  private readonly roundingFactor: number;

  constructor(model: RiskModel) {
    this.model = model;
    const order: RiskNode[] = [];
    const visit = (node: RiskNode) => {
      if (node.kind === 'aggregate') node.children.forEach(visit);
      order.push(node);
    };
    visit(model.root);
    this.nodes = order;
    const n = (this.size = order.length);
    order.forEach((node, i) => this.index.set(node.id, i));

    this.parentOf = new Int32Array(n).fill(-1);
    this.isLeaf = new Uint8Array(n);
    this.operator = new Uint8Array(n);
    this.childStart = new Int32Array(n);
    this.childEnd = new Int32Array(n);
    this.weight = new Float64Array(n);
    this.scale = new Float64Array(n);
    this.totalWeight = new Float64Array(n);
    this.minCoverage = new Float64Array(n);
    this.method = new Uint8Array(n);
    this.low = new Float64Array(n);
    this.span = new Float64Array(n);
    this.invert = new Uint8Array(n);
    this.roundingFactor = model.decimals === undefined ? 0 : 10 ** model.decimals;
    const flatChildren: number[] = [];

    order.forEach((node, i) => {
      this.weight[i] = node.weight ?? 1;
      this.scale[i] = node.scale ?? 1;
      if (node.kind === 'indicator') {
        this.isLeaf[i] = 1;
        this.invert[i] = node.invert ? 1 : 0;
        const norm = node.normalisation;
        if (norm.method === 'identity') this.method[i] = IDENTITY;
        else if (norm.method === 'min-max') {
          this.method[i] = MIN_MAX;
          this.low[i] = norm.min;
          this.span[i] = norm.max - norm.min;
        } else {
          this.method[i] = LOG_MIN_MAX;
          this.low[i] = Math.log10(1 + norm.min);
          this.span[i] = Math.log10(1 + norm.max) - this.low[i];
        }
        return;
      }
      this.operator[i] = operators.indexOf(node.operator);
      this.minCoverage[i] = node.minCoverage ?? model.minCoverage;
      this.childStart[i] = flatChildren.length;
      let total = 0;
      for (const child of node.children) {
        const c = this.index.get(child.id) ?? -1;
        flatChildren.push(c);
        this.parentOf[c] = i;
        total += child.weight ?? 1;
      }
      this.childEnd[i] = flatChildren.length;
      this.totalWeight[i] = total;
    });
    this.children = Int32Array.from(flatChildren);
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  get root(): RiskNode {
    return this.nodes[this.size - 1] as RiskNode;
  }

  /** The values a node accepts as input: raw values for a leaf, a 0–10 score otherwise. */
  acceptedRange(id: string): { min: number; max: number } {
    const node = this.nodes[this.index.get(id) ?? -1];
    if (!node) throw new RangeError(`No node ${id}`);
    return node.kind === 'indicator' ? acceptedRange(node.normalisation) : { min: 0, max: 10 };
  }

  /** An input vector, in node order, from values by id (NaN where none is given). */
  inputVector(inputs: ModelInputs): Float64Array {
    const vector = new Float64Array(this.size).fill(Number.NaN);
    for (const [id, value] of Object.entries(inputs)) {
      const i = this.index.get(id);
      if (i === undefined) throw new AppError('BAD_REQUEST', `The model has no node ${id}.`);
      if (value !== null && value !== undefined) vector[i] = value;
    }
    return vector;
  }

  /**
   * Scores and completeness of every node for one area, in node order; NaN for a missing
   * score. `inputs[i]` is the input of node i (NaN when none): a raw value for a leaf, a 0–10
   * score for an inner node, which is then taken as given. A model with `decimals` has every
   * score rounded before its parent uses it.
   */
  evaluateInto(inputs: ArrayLike<number>, scores: Float64Array, completeness: Float64Array): void {
    const n = this.size;
    const children = this.children;
    const factor = this.roundingFactor;
    for (let i = 0; i < n; i += 1) {
      const x = inputs[i] ?? Number.NaN;
      if (this.isLeaf[i] === 1) {
        if (x !== x) {
          scores[i] = Number.NaN;
          completeness[i] = 0;
          continue;
        }
        let s: number;
        const method = this.method[i];
        if (method === IDENTITY) s = x;
        else if (method === MIN_MAX)
          s = (10 * (x - (this.low[i] as number))) / (this.span[i] as number);
        else
          s =
            (10 * (Math.log10(1 + (x > 0 ? x : 0)) - (this.low[i] as number))) /
            (this.span[i] as number);
        s = s < 0 ? 0 : s > 10 ? 10 : s;
        if (this.invert[i] === 1) s = 10 - s;
        scores[i] = factor > 0 ? roundHalfUp(s, factor) : s;
        completeness[i] = 1;
        continue;
      }
      if (x === x) {
        const given = x < 0 ? 0 : x > 10 ? 10 : x;
        scores[i] = factor > 0 ? roundHalfUp(given, factor) : given;
        completeness[i] = 1;
        continue;
      }
      const op = this.operator[i];
      const end = this.childEnd[i] as number;
      let present = 0;
      let complete = 0;
      let acc =
        op === MIN
          ? Number.POSITIVE_INFINITY
          : op === MAX || op === SCALED_MAX
            ? Number.NEGATIVE_INFINITY
            : 0;
      let zero = false;
      for (let k = this.childStart[i] as number; k < end; k += 1) {
        const c = children[k] as number;
        const v = scores[c] as number;
        if (v !== v) continue;
        const w = this.weight[c] as number;
        present += w;
        complete += w * (completeness[c] as number);
        switch (op) {
          case WEIGHTED_MEAN:
            acc += w * v;
            break;
          case GEOMETRIC_MEAN:
            if (v <= 0) zero = true;
            else acc += w * Math.log(v);
            break;
          case REVERSE_GEOMETRIC_MEAN:
            acc += w * Math.log(1 + 0.9 * (10 - v));
            break;
          case MAX:
            if (v > acc) acc = v;
            break;
          case SCALED_MAX: {
            const scaled = (this.scale[c] as number) * v;
            if (scaled > acc) acc = scaled;
            break;
          }
          case MIN:
            if (v < acc) acc = v;
            break;
        }
      }
      const total = this.totalWeight[i] as number;
      completeness[i] = complete / total;
      if (present === 0 || present / total < (this.minCoverage[i] as number) - EPSILON) {
        scores[i] = Number.NaN;
        continue;
      }
      let s: number;
      if (op === WEIGHTED_MEAN) s = acc / present;
      else if (op === GEOMETRIC_MEAN) s = zero ? 0 : Math.exp(acc / present);
      else if (op === REVERSE_GEOMETRIC_MEAN) s = (10 * (10 - Math.exp(acc / present))) / 9;
      else s = acc;
      s = s < 0 ? 0 : s > 10 ? 10 : s;
      scores[i] = factor > 0 ? roundHalfUp(s, factor) : s;
    }
  }

  /** Every node's score, completeness, class, origin and the contributions that explain it. */
  evaluate(inputs: ModelInputs | ArrayLike<number>): ModelEvaluation {
    const vector = isVector(inputs) ? inputs : this.inputVector(inputs);
    const scores = new Float64Array(this.size);
    const completeness = new Float64Array(this.size);
    this.evaluateInto(vector, scores, completeness);
    const nodes: Record<string, NodeScore> = {};
    const rootIndex = this.size - 1;
    this.nodes.forEach((node, i) => {
      const score = scores[i] as number;
      const given = !Number.isNaN(vector[i] ?? Number.NaN);
      const classes = node.classes ?? (i === rootIndex ? this.model.classes : undefined);
      nodes[node.id] = {
        id: node.id,
        title: node.title,
        score: Number.isNaN(score) ? null : score,
        completeness: completeness[i] as number,
        class: classes ? (classify(score, classes) ?? null) : null,
        origin: Number.isNaN(score) ? 'missing' : given ? 'input' : 'computed',
        contributions:
          node.kind === 'aggregate' && !given && !Number.isNaN(score)
            ? this.explain(node.operator, i, score, scores)
            : [],
      };
    });
    const root = nodes[this.root.id] as NodeScore;
    return { root, nodes };
  }

  private explain(operator: AggregationOperator, i: number, score: number, scores: Float64Array) {
    const ids: string[] = [];
    const values: number[] = [];
    const weights: number[] = [];
    const scales: number[] = [];
    for (let k = this.childStart[i] as number; k < (this.childEnd[i] as number); k += 1) {
      const c = this.children[k] as number;
      const v = scores[c] as number;
      if (Number.isNaN(v)) continue;
      ids.push((this.nodes[c] as RiskNode).id);
      values.push(v);
      weights.push(this.weight[c] as number);
      scales.push(this.scale[c] as number);
    }
    return contributionsTo(operator, score, values, weights, scales).map((value, j) => ({
      id: ids[j] as string,
      value,
      share: score === 0 ? 0 : value / score,
    }));
  }
}

function isVector(inputs: ModelInputs | ArrayLike<number>): inputs is ArrayLike<number> {
  return ArrayBuffer.isView(inputs) || Array.isArray(inputs);
}

/** Validates a model (a parsed JSON document, say) and compiles it for evaluation. */
export function compileModel(model: unknown): CompiledRiskModel {
  const parsed = RiskModel.safeParse(model);
  if (!parsed.success)
    throw new AppError(
      'BAD_REQUEST',
      `The risk model is not valid:\n${z.prettifyError(parsed.error)}`,
      {
        issues: parsed.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
          message: i.message,
        })),
      },
    );
  return new CompiledRiskModel(parsed.data);
}
