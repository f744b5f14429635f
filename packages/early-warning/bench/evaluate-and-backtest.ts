/**
 * Benchmark: (a) every default rule evaluated for one month over 250 areas, each with four
 * layers of 120 months of history (target < 1 s), and (b) a back-test of the default rules over
 * 193 countries × 120 months (target < 10 s), each against a baseline measured in the same run:
 * one loop summing every value of the same histories, the engine doing nothing but reading the
 * data once.
 *
 *   pnpm bench        (from packages/early-warning, or from the root for every benchmark)
 *   BENCH_SECONDS=3   time spent on each measurement (default 3)
 */
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { addMonths, countries, sensitivityLevels, type Month } from '@prevention/core';
import {
  backtest,
  defaultRules,
  evaluateArea,
  type AreaHistory,
  type JudgementFact,
  type SignalFact,
} from '../src/index.js';

const MONTHS = 120;
const FIRST: Month = '2017-01';
const LAST = addMonths(FIRST, MONTHS - 1);
const seconds = Number(process.env['BENCH_SECONDS'] ?? '3');

/** A deterministic stream of numbers in [0, 1), so every run measures the same histories. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const next = seeded(20261204);
const nodes = ['prevention-risk', 'peace-security', 'development', 'human-rights'];
let serial = 0;
const id = () => `00000000-0000-7000-8000-${(serial++).toString(16).padStart(12, '0')}`;

/** A score wandering between 0 and 10, with a month missing now and then. */
function scoreSeries(start: number) {
  let score = start;
  return Array.from({ length: MONTHS }, (_, i) => {
    score = Math.min(10, Math.max(0, score + (next() - 0.5) * 0.8));
    return { month: addMonths(FIRST, i), score: next() < 0.02 ? null : score };
  });
}

function signalsOf(areaCode: string, layer: number): SignalFact[] {
  const signals: SignalFact[] = [];
  const sensitivity = sensitivityLevels[layer] ?? 'public';
  let rate = 1 + next() * 4;
  for (let i = 0; i < MONTHS; i += 1) {
    rate = Math.max(0.2, rate * (0.8 + next() * 0.45));
    const month = addMonths(FIRST, i);
    const events = layer === 0 ? Math.floor(rate + next() * rate) : next() < 0.3 ? 1 : 0;
    for (let k = 0; k < events; k += 1)
      signals.push({
        id: id(),
        pillar: 'peace-security',
        kind: 'conflict-event',
        areaCode,
        occurredOn: `${month}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
        severity: 1 + Math.floor(next() * 5),
        verification: next() < 0.5 ? 'reported' : 'corroborated',
        sensitivity,
      });
    if (next() < 0.4)
      signals.push({
        id: id(),
        pillar: 'human-rights',
        kind: 'violation',
        areaCode,
        occurredOn: `${month}-15`,
        severity: 1 + Math.floor(next() * 5),
        verification: next() < 0.3 ? 'verified' : 'reported',
        sensitivity,
      });
  }
  return signals;
}

/** One area's four layers: each stricter layer sees the one before and more. */
function areaLayers(areaCode: string, countryCode: string): AreaHistory[] {
  const scores = Object.fromEntries(nodes.map((node) => [node, scoreSeries(2 + next() * 5)]));
  let fatalities = next() * 40;
  const indicators = {
    'peace-security.fatalities': Array.from({ length: MONTHS }, (_, i) => {
      fatalities = Math.max(0, fatalities * (0.7 + next() * 0.65));
      return { month: addMonths(FIRST, i), value: Math.round(fatalities) };
    }),
  };
  const judgements: JudgementFact[] = Array.from({ length: 3 }, () => ({
    assessmentId: id(),
    areaCode,
    month: addMonths(FIRST, Math.floor(next() * MONTHS)),
    title: 'An identified risk',
    likelihood: 1 + Math.floor(next() * 5),
    impact: 1 + Math.floor(next() * 5),
    sensitivity: 'restricted',
  }));
  const layers: AreaHistory[] = [];
  let signals: SignalFact[] = [];
  for (let layer = 0; layer < 4; layer += 1) {
    signals = [...signals, ...signalsOf(areaCode, layer)];
    layers.push({
      areaCode,
      countryCode,
      sensitivity: sensitivityLevels[layer] ?? 'public',
      scores,
      indicators,
      signals,
      judgements: layer === 0 ? [] : judgements,
    });
  }
  return layers;
}

const codes = countries.map((c) => c.code);
const areas250 = Array.from({ length: 250 }, (_, i) => {
  const code = codes[i % codes.length] ?? 'SDN';
  return areaLayers(code, code);
});
const areas193 = codes.slice(0, 193).map((code) => areaLayers(code, code));

/** The baseline: one loop reading every value of every layer once. */
function readEverything(areas: readonly (readonly AreaHistory[])[]): number {
  let sum = 0;
  for (const layers of areas)
    for (const layer of layers) {
      for (const series of Object.values(layer.scores)) for (const p of series) sum += p.score ?? 0;
      for (const series of Object.values(layer.indicators)) for (const p of series) sum += p.value;
      for (const s of layer.signals) sum += s.severity;
      for (const j of layer.judgements) sum += j.likelihood * j.impact;
    }
  return sum;
}

/** Median milliseconds of repeated runs of `work` within the time budget (at least 3 runs). */
function measure(work: () => unknown): number {
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

let firings = 0;
let report = '';
const read250 = measure(() => readEverything(areas250));
const evaluate = measure(() => {
  firings = 0;
  for (const layers of areas250) firings += evaluateArea(defaultRules, layers, LAST).length;
});
const read193 = measure(() => readEverything(areas193));
const test = measure(() => {
  const result = backtest(defaultRules, areas193, {
    from: FIRST,
    to: LAST,
    onset: { kind: 'indicator-above', indicatorId: 'peace-security.fatalities', threshold: 100 },
  });
  report = `${result.baseline.onsets} onsets`;
});

const print = (line: string) => process.stdout.write(`${line}\n`);
const row = (label: string, ms: number, baseline?: number) =>
  print(
    `  ${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms` +
      (baseline === undefined
        ? ''
        : `   ${(ms / baseline).toFixed(1).padStart(6)} × reading the data`),
  );
print(
  `early-warning: ${defaultRules.length} default rules, 4 layers of ${MONTHS} months per area (median of runs, ${seconds} s each)`,
);
row('(a) reading 250 areas once (baseline)', read250);
row(`(a) evaluateArea, 250 areas, ${LAST} (${firings} firings; target < 1 s)`, evaluate, read250);
row('(b) reading 193 countries once (baseline)', read193);
row(`(b) backtest, 193 countries × ${MONTHS} months (${report}; target < 10 s)`, test, read193);
