/**
 * Benchmark: risk profiles of 250 areas × 120 months of synthetic observations under the
 * cross-pillar prevention model — the observation that counts for each leaf and month, scores,
 * reliability, drivers, 3- and 12-month trends and the Monte Carlo uncertainty band — against a
 * baseline measured in the same run: the engine alone (`evaluateInto`) on the same area-months'
 * input vectors, built beforehand. The ratio is what a profile costs over a bare score.
 *
 *   pnpm bench        (from packages/risk, or from the root for every benchmark)
 *   BENCH_SECONDS=5   time spent on each measurement (default 5)
 */
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { addMonths, type IndicatorNode, type Reliability } from '@prevention/core';
import {
  compileModel,
  createRiskProfiler,
  platformPillars,
  preventionRiskModel,
  type AreaObservations,
  type ProfileObservation,
  seededRandom,
} from '../src/index.js';

const AREAS = 250;
const MONTHS = 120;
const range = { from: '2016-01', to: '2025-12' };
const seconds = Number(process.env['BENCH_SECONDS'] ?? '5');

const model = compileModel(preventionRiskModel);
const indicators = new Map(
  platformPillars.flatMap((p) => p.indicators).map((indicator) => [indicator.code, indicator]),
);
const leaves = model.nodes.filter((node): node is IndicatorNode => node.kind === 'indicator');

const next = seededRandom(20260301);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const reliabilities: Reliability[] = ['high', 'high', 'medium', 'medium', 'medium', 'low'];

function rawValue(leaf: IndicatorNode): number {
  const n = leaf.normalisation;
  const u = next();
  if (n.method === 'identity') return 10 * u;
  if (n.method === 'min-max') return n.min + u * (n.max - n.min);
  return 10 ** (u * Math.log10(1 + n.max)) - 1;
}

/**
 * One area's observations: every month for indicators derived from signals (a sub-national
 * area reports a third of them), a year or a quarter at a time for external ones, with a
 * reporting lag of up to three years, gaps, and a row per sex beside the total where the
 * indicator is disaggregated.
 */
function areaObservations(code: string, subnational: boolean): AreaObservations {
  const observations: ProfileObservation[] = [];
  for (const leaf of leaves) {
    const indicator = indicators.get(leaf.id);
    if (!indicator || (subnational && next() < 0.66)) continue;
    const add = (period: string, value: number) => {
      const reliability = pick(reliabilities);
      observations.push({ indicatorCode: leaf.id, period, value, reliability });
      if (indicator.disaggregations.includes('sex'))
        for (const sex of ['female', 'male'] as const)
          observations.push({
            indicatorCode: leaf.id,
            period,
            value: value * (0.8 + 0.4 * next()),
            disaggregation: { sex },
            reliability,
          });
    };
    if (indicator.origin === 'signals') {
      for (let m = 0; m < MONTHS; m += 1) add(addMonths(range.from, m), rawValue(leaf));
      continue;
    }
    const lag = Math.floor(next() * 4);
    const quarterly = next() < 0.15;
    for (let year = 2010; year <= 2025 - lag; year += 1) {
      if (next() < 0.3) continue;
      if (quarterly) for (let q = 1; q <= 4; q += 1) add(`${year}-Q${q}`, rawValue(leaf));
      else add(String(year), rawValue(leaf));
    }
  }
  return { area: code, observations };
}

/** Three letters for a country, a P-code for the rest: distinct codes seed distinct draws. */
const letter = (k: number) => String.fromCharCode(65 + (Math.floor(k) % 26));
const areas = Array.from({ length: AREAS }, (_, i) =>
  i < 193
    ? areaObservations(`${letter(i / 676)}${letter(i / 26)}${letter(i)}`, false)
    : areaObservations(`AF${String(i).padStart(4, '0')}`, true),
);
const observationCount = areas.reduce((sum, a) => sum + a.observations.length, 0);

/** Median milliseconds of repeated runs of `work` within the time budget (at least 3 runs). */
function measure(work: () => void): number {
  work();
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (times.length < 3 || (performance.now() < until && times.length < 30)) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const profiler = createRiskProfiler(model);
const withoutBand = createRiskProfiler(model, { draws: 0 });

// The baseline's input vectors: the raw values of the observations the profiles used.
const vectors: Float64Array[] = [];
for (const area of areas) {
  const series = withoutBand.compute(area, range);
  for (let t = 0; t < MONTHS; t += 1) {
    const vector = new Float64Array(model.size).fill(Number.NaN);
    profiler.layout.leafNodes.forEach((node, leaf) => {
      const used =
        area.observations[series.observation[t * profiler.layout.leafCount + leaf] ?? -1];
      if (used) vector[node] = used.value;
    });
    vectors.push(vector);
  }
}

let sink = 0;
const scores = new Float64Array(model.size);
const completeness = new Float64Array(model.size);
const engineMs = measure(() => {
  for (const vector of vectors) {
    model.evaluateInto(vector, scores, completeness);
    sink += completeness[model.size - 1] ?? 0;
  }
});
const withoutBandMs = measure(() => {
  for (const area of areas) sink += withoutBand.compute(area, range).reliability[0] ?? 0;
});
const profileMs = measure(() => {
  for (const area of areas) sink += profiler.compute(area, range).reliability[0] ?? 0;
});
const computed = areas.map((area) => profiler.compute(area, range));
// An import touched one area's last year: recompute its months from there, given the stored rest.
const touched = areas[0] as AreaObservations;
const stored = (computed[0]?.profiles() ?? []).slice(MONTHS - 24, MONTHS - 12);
const incrementalMs = measure(() => {
  const series = profiler.compute(
    { ...touched, previous: stored },
    { from: addMonths(range.from, MONTHS - 12), to: range.to },
  );
  sink += series.profiles().length;
});
let payloadBytes = 0;
const payloadMs = measure(() => {
  payloadBytes = 0;
  for (const series of computed)
    for (const profile of series.profiles()) payloadBytes += JSON.stringify(profile).length;
});

const rows = AREAS * MONTHS;
const line = (label: string, ms: number, extra = '') =>
  `${label.padEnd(62)} ${ms.toFixed(0).padStart(6)} ms   ${extra}\n`;
const ratio = (ms: number) => `${(ms / engineMs).toFixed(1)}× the engine`;
process.stdout.write(
  `risk profiles, prevention model (${leaves.length} indicators, ${model.size} nodes): ` +
    `${AREAS} areas × ${MONTHS} months = ${rows.toLocaleString('en')} area-months from ` +
    `${observationCount.toLocaleString('en')} observations; ${profiler.settings.draws} draws; median of repeated runs\n` +
    line('baseline: the engine alone (evaluateInto), same area-months', engineMs) +
    line(
      'profiles without band (selection, reliability, drivers, trends)',
      withoutBandMs,
      ratio(withoutBandMs),
    ) +
    line(`profiles with the band (${profiler.settings.draws} draws)`, profileMs, ratio(profileMs)) +
    line('incremental: one area, its last 12 months, payloads included', incrementalMs) +
    line(
      'payloads: RiskProfile objects and their JSON, every area-month',
      payloadMs,
      `${Math.round(payloadBytes / rows).toLocaleString('en')} bytes of JSON per area-month`,
    ) +
    `target (the world's profiles, bands included, in-process under 3 s): ${profileMs < 3000 ? 'met' : 'NOT met'}\n`,
);
if (Number.isNaN(sink))
  process.stdout.write('(the sink keeps the work from being optimised away)\n');
