/**
 * Benchmark: a plan at the size the schema allows at most (100 outcomes, 2,000 actions, 20,000
 * funding flows) validated, financed, gap-analysed and written as IATI XML, against baselines
 * measured in the same run: a JSON round trip of the same content (the least any reader of the
 * plan pays to receive it) and one loop summing its flows (the least a total can cost).
 *
 *   pnpm bench        (from packages/planning, or from the root for every benchmark)
 *   BENCH_SECONDS=3   time spent on each measurement (default 3)
 */
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { newId, type Id, type Organisation } from '@prevention/core';
import {
  PlanContent,
  analysePlanGaps,
  computePlanFinancing,
  iatiActivitiesXml,
  stageOrder,
  type FundingFlow,
  type PlanAction,
  type ProfileRiskDriver,
} from '../src/index.js';

const OUTCOMES = 100;
const ACTIONS = 2_000;
const FLOWS = 20_000;
const seconds = Number(process.env['BENCH_SECONDS'] ?? '3');

/** A deterministic stream of numbers in [0, 1), so every run measures the same plan. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const next = seeded(20261203);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const pillars = ['peace-security', 'development', 'human-rights'];
const nodes = Array.from({ length: 40 }, (_, i) => `${pick(pillars)}.driver-${i}`);
const organisations = new Map<Id, Pick<Organisation, 'name' | 'kind' | 'countryCode'>>(
  Array.from({ length: 60 }, (_, i) => [
    newId(),
    {
      name: `Organisation ${i}`,
      kind: pick(['un-entity', 'government', 'civil-society'] as const),
      countryCode: 'SDN',
    },
  ]),
);
const organisationIds = [...organisations.keys()];

const outcomes = Array.from({ length: OUTCOMES }, (_, i) => ({
  id: newId(),
  title: `Outcome ${i}`,
  description: null,
  pillars: ['peace-security', pick(['development', 'human-rights'])],
  indicators: [],
  sdgTargets: ['16.1', '5.2'],
  riskNodes: [pick(nodes)],
}));
const actions: PlanAction[] = Array.from({ length: ACTIONS }, (_, i) => {
  const served = new Set([pick(outcomes).id, pick(outcomes).id]);
  return {
    id: newId(),
    title: `Action ${i}`,
    outcomeIds: [...served],
    pillars: [...new Set([pick(pillars), pick(pillars)])],
    stage: pick(stageOrder),
    leadOrganisationId: pick(organisationIds),
    partners: [],
    areas: [],
    plannedStart: '2026-01-01',
    plannedEnd: '2028-12-31',
    actualStart: null,
    actualEnd: null,
    status: pick([1, 2, 3] as const),
    genderMarker: pick([0, 1, 2, 3] as const),
    humanRightsMarker: pick([0, 1, 2, 3] as const),
    riskDrivers: [...new Set([pick(nodes), pick(nodes)])],
    alertIds: [],
    requiredBudget: [
      { year: '2026', amountUsd: String(Math.round(next() * 900_000) + 100_000) },
      { year: '2027', amountUsd: String(Math.round(next() * 900_000) + 100_000) },
    ],
    focalPointId: null,
  };
});
const flows: FundingFlow[] = Array.from({ length: FLOWS }, (_, i) => ({
  id: newId(),
  sourceOrganisationId: pick(organisationIds),
  target:
    i % 10 === 0
      ? { kind: 'outcome', outcomeId: pick(outcomes).id }
      : { kind: 'action', actionId: pick(actions).id },
  status: pick(['pledged', 'committed', 'disbursed'] as const),
  date: '2026-06-01',
  amount: String(Math.round(next() * 50_000) + 1_000),
  ...(i % 2 === 0 ? { currency: 'USD', usdRate: '1' } : { currency: 'EUR', usdRate: '1.08' }),
  description: null,
}));
const content = PlanContent.parse({
  title: 'A plan as large as a plan may be',
  cycle: { startYear: '2026', endYear: '2028' },
  outcomes,
  actions,
  flows,
});
const drivers: ProfileRiskDriver[] = nodes.map((node, i) => ({
  node,
  pillar: node.split('.')[0] ?? 'development',
  score: 4 + (i % 6),
  trend: i % 3 === 0 ? 'rising' : 'stable',
}));
const plan = { id: newId(), countryCode: 'SDN', status: 'active' as const, content };
const reportingOrg = { ref: 'XM-DAC-41114', type: '40', name: 'UN Country Team, Sudan' } as const;

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

let bytes = 0;
const json = measure(() => JSON.parse(JSON.stringify(content)));
const loop = measure(() => {
  let cents = 0;
  for (const flow of content.flows)
    cents += Math.round(Number(flow.amount) * Number(flow.usdRate) * 100);
  return cents;
});
const validate = measure(() => PlanContent.parse(content));
const financing = measure(() => computePlanFinancing(content));
const gaps = measure(() => analysePlanGaps(content, drivers));
const iati = measure(() => {
  bytes = 0;
  for (const chunk of iatiActivitiesXml({
    plan,
    organisations,
    reportingOrg,
    generatedAt: new Date(),
  }))
    bytes += chunk.length;
});

const print = (line: string) => process.stdout.write(`${line}\n`);
const row = (label: string, ms: number, baseline: number, name: string) =>
  print(
    `  ${label.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / baseline).toFixed(2).padStart(6)} × ${name}`,
  );
print(
  `planning: a plan of ${OUTCOMES} outcomes, ${ACTIONS} actions, ${FLOWS} flows (median of runs, ${seconds} s each)`,
);
print(`  ${'JSON round trip (baseline)'.padEnd(40)} ${json.toFixed(1).padStart(8)} ms`);
print(`  ${'one loop summing the flows (baseline)'.padEnd(40)} ${loop.toFixed(1).padStart(8)} ms`);
row('validate (PlanContent.parse)', validate, json, 'JSON round trip');
row('financing (every total, apportioned)', financing, loop, 'summing loop');
row('gap analysis (financing included)', gaps, json, 'JSON round trip');
row(`IATI XML (${(bytes / 1e6).toFixed(1)} M characters)`, iati, json, 'JSON round trip');
