/**
 * Benchmark: the cross-pillar prevention model for 250 areas × 120 monthly periods (about 60
 * indicators), through the engine's fast path, against a baseline measured in the same run —
 * the same model written out by hand as straight-line arithmetic, with no missing-data rules,
 * coverage or completeness. The ratio is the price of the engine's generality.
 *
 *   pnpm bench        (from packages/risk, or from the root for every benchmark)
 *   BENCH_SECONDS=5   time spent on each measurement (default 5)
 */
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import type { IndicatorNode } from '@prevention/core';
import { compileModel, normalise, preventionRiskModel, seededRandom } from '../src/index.js';
import { handWrittenPreventionModel } from './hand-written-prevention-model.js';

const AREAS = 250;
const MONTHS = 120;
const ROWS = AREAS * MONTHS;
const seconds = Number(process.env['BENCH_SECONDS'] ?? '5');

const model = compileModel(preventionRiskModel);
const leaves = model.nodes
  .map((node, index) => ({ node, index }))
  .filter((l): l is { node: IndicatorNode; index: number } => l.node.kind === 'indicator');

function rawValue(leaf: IndicatorNode, u: number): number {
  const n = leaf.normalisation;
  if (n.method === 'identity') return 10 * u;
  if (n.method === 'min-max') return n.min - 0.1 * (n.max - n.min) + 1.2 * u * (n.max - n.min);
  return 10 ** (u * Math.log10(1 + n.max)) - 1;
}

/** One input vector per area and month, in node order; `missing` is the share left empty. */
function inputs(missing: number): Float64Array[] {
  const next = seededRandom(20260301);
  return Array.from({ length: ROWS }, () => {
    const vector = new Float64Array(model.size).fill(Number.NaN);
    for (const { node, index } of leaves)
      vector[index] = next() < missing ? Number.NaN : rawValue(node, next());
    return vector;
  });
}

/** Median milliseconds of repeated runs of `work` within the time budget (at least 3 runs). */
function measure(work: () => void): number {
  work();
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (times.length < 3 || (performance.now() < until && times.length < 50)) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const complete = inputs(0);
const sparse = inputs(0.1);
const scores = new Float64Array(model.size);
const completeness = new Float64Array(model.size);
const root = model.size - 1;

/** Leaf normalisation for the baseline: one loop over precomputed goalposts, no allocation. */
const goalposts = leaves.map(({ node, index }) => {
  const n = node.normalisation;
  const low =
    n.method === 'log-min-max' ? Math.log10(1 + n.min) : n.method === 'min-max' ? n.min : 0;
  const high =
    n.method === 'log-min-max' ? Math.log10(1 + n.max) : n.method === 'min-max' ? n.max : 10;
  return {
    index,
    log: n.method === 'log-min-max',
    low,
    span: high - low,
    invert: node.invert === true,
  };
});
function normaliseInto(vector: Float64Array, out: Float64Array): Float64Array {
  for (const g of goalposts) {
    const x = vector[g.index] ?? 0;
    let s = (10 * ((g.log ? Math.log10(1 + Math.max(x, 0)) : x) - g.low)) / g.span;
    s = s < 0 ? 0 : s > 10 ? 10 : s;
    out[g.index] = g.invert ? 10 - s : s;
  }
  return out;
}

// The hand-written model must be the same model: check it on every row before timing.
const baseline = handWrittenPreventionModel((id) => model.indexOf(id) ?? -1);
const leafScores = new Float64Array(model.size);
for (const vector of complete) {
  model.evaluateInto(vector, scores, completeness);
  const expected = scores[root] ?? Number.NaN;
  const actual = baseline(normaliseInto(vector, leafScores));
  const generic = leaves.every(
    ({ node, index }) =>
      Math.abs(
        normalise(vector[index] ?? 0, node.normalisation, node.invert) - (leafScores[index] ?? 0),
      ) < 1e-9,
  );
  if (!(Math.abs(expected - actual) < 1e-9) || !generic)
    throw new Error(
      `The hand-written baseline (${actual}) disagrees with the engine (${expected}): bring bench/hand-written-prevention-model.ts up to date with the model`,
    );
}

let sink = 0;
const engineMs = measure(() => {
  for (const vector of complete) {
    model.evaluateInto(vector, scores, completeness);
    sink += scores[root] ?? 0;
  }
});
const sparseMs = measure(() => {
  for (const vector of sparse) {
    model.evaluateInto(vector, scores, completeness);
    sink += completeness[root] ?? 0;
  }
});
const baselineMs = measure(() => {
  for (const vector of complete) sink += baseline(normaliseInto(vector, leafScores));
});
const explainedMs = measure(() => {
  for (let area = 0; area < AREAS; area += 1)
    sink += model.evaluate(complete[area] as Float64Array).root.completeness;
});

const nodeEvaluations = ROWS * model.size;
const rate = (ms: number) =>
  `${(((nodeEvaluations / ms) * 1000) / 1e6).toFixed(1)} M node evaluations/s`;
const line = (label: string, ms: number, extra = '') =>
  `${label.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms   ${extra}\n`;

process.stdout.write(
  `prevention model: ${leaves.length} indicators, ${model.size} nodes; ` +
    `${AREAS} areas × ${MONTHS} months = ${ROWS.toLocaleString('en')} evaluations ` +
    `(${nodeEvaluations.toLocaleString('en')} node evaluations); median of repeated runs\n` +
    line('engine, complete data (evaluateInto)', engineMs, rate(engineMs)) +
    line('engine, 10% of the inputs missing', sparseMs, rate(sparseMs)) +
    line('baseline: the same model hand-written, straight-line', baselineMs, rate(baselineMs)) +
    line('explained evaluation (classes, contributions), 250 areas', explainedMs) +
    `ratio engine / hand-written baseline: ${(engineMs / baselineMs).toFixed(2)}×; ` +
    `target (30,000 evaluations under 1 s): ${engineMs < 1000 ? 'met' : 'NOT met'}\n`,
);
if (Number.isNaN(sink))
  process.stdout.write('(the sink keeps the work from being optimised away)\n');
