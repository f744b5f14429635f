/**
 * Risk profiles end to end: every country and the demo's sub-national areas × 120 months of stored
 * observations (every indicator of the prevention model: the signal-derived ones monthly, the
 * external ones yearly) recomputed as a full run does — read each area's observations, compute
 * its profiles under every model version and clearance basis, replace what was stored — against
 * the engine alone on the same inputs in memory (the profiler, with no database), in the same
 * run. Then one area-month changed and that area recomputed incrementally. Targets: the world
 * in < 10 s on PostgreSQL; an incremental recompute < 200 ms.
 *
 * Then the early-warning rules after the newest month's data, as the job runs them: every
 * enabled default rule for every area (read the areas' histories, evaluate, reconcile with the
 * stored alerts, write what fired), against the pure evaluation of the same rules over the same
 * histories read beforehand. Target: < 1 s for 250 areas.
 *
 * Then the reads of the HQ views over those stored profiles, through the real server with a
 * signed-in HQ planner (autocannon, 50 connections, BENCH_SECONDS each): `risk.overview` (every
 * country's profile for the newest month) and `risk.area` (a country page's data: 120 months of
 * headline figures and one whole profile), against the one-row read `areas.byCode` on the same
 * server in the same run. Targets: overview p95 < 50 ms, country page p95 < 100 ms. autocannon
 * reports no 95th percentile: its 97.5th is printed, which is the stricter.
 *
 * PGlite runs in its worker thread, as in the server; BENCH_DATABASE_URL adds PostgreSQL.
 */
import { performance } from 'node:perf_hooks';
import {
  deriveServerKeys,
  ensureDefaultAlertRules,
  evaluateAlerts,
  evaluationModelVersion,
  historyMonths,
  prepareProfilers,
  profileRange,
  queueRiskRun,
  recomputeArea,
  runRiskRun,
  type RiskContext,
  type SecuritySettings,
} from '@prevention/api';
import { addMonths, countries, newId, type Observation } from '@prevention/core';
import {
  findAreaCodes,
  findProfileInputs,
  generateDemoData,
  loadDemoData,
  insertUser,
  listAlertRules,
  loadAreaHistories,
  migrateToLatest,
  openDatabase,
  replaceDerivedObservations,
  syncReferenceData,
  type DatabaseHandle,
  type DerivedObservation,
} from '@prevention/db';
import { evaluateArea, inputsOfRules } from '@prevention/early-warning';
import { platformPillars, seededRandom } from '@prevention/risk';
import {
  createPGliteDatabase,
  createPostgresDatabase,
  type BenchDatabase,
} from './bench-databases.js';
import { startBenchServer } from './api-bench-server.js';
import { loadLatency, type LoadLatency } from './load-latency.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 50;

const now = new Date('2026-11-15T12:00:00Z');
const security: SecuritySettings = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 60 * 60_000,
  passwordHashing: { memoryCost: 256, timeCost: 1, parallelism: 1 },
  keys: deriveServerKeys('bench-secret-that-is-long-enough-for-hkdf'),
  signInThrottle: { windowMs: 60_000, maxFailuresPerAccount: 5, maxFailuresPerAddress: 50 },
};
const range = profileRange(now);

/** An area's observations: a value inside each indicator's goalposts for every period. */
function observationsOf(areaCode: string, seed: number): Omit<DerivedObservation, 'countryCode'>[] {
  const next = seededRandom(seed);
  const rows: Omit<DerivedObservation, 'countryCode'>[] = [];
  for (const indicator of platformPillars.flatMap((p) => p.indicators)) {
    const n = indicator.normalisation;
    const [min, max] = n.method === 'identity' ? [0, 10] : [n.min, n.max];
    const periods =
      indicator.origin === 'signals'
        ? Array.from({ length: 120 }, (_, i) => addMonths(range.from, i))
        : Array.from({ length: 10 }, (_, i) => String(Number(range.from.slice(0, 4)) + i));
    for (const period of periods)
      rows.push({
        id: newId(),
        indicatorCode: indicator.code,
        areaCode,
        period,
        sex: null,
        age: null,
        source: 'Bench',
        value: min + (max - min) * next(),
        reliability: 'high',
        sensitivity: 'public',
      });
  }
  return rows;
}

interface Target {
  label: string;
  create(): Promise<BenchDatabase>;
}

const pglite: Target = {
  label: 'PGlite (worker thread)',
  create: () => createPGliteDatabase('risk'),
};

const postgres = (url: string): Target => ({
  label: 'PostgreSQL',
  create: () => createPostgresDatabase(url, 'risk'),
});

interface Result {
  label: string;
  areas: number;
  observations: number;
  profiles: number;
  fullSeconds: number;
  engineSeconds: number;
  incrementalMs: number;
  warning: { areas: number; alerts: number; endToEndMs: number; readMs: number; pureMs: number };
  reads: { label: string; latency: LoadLatency }[];
}

async function measure(target: Target): Promise<Result> {
  const { config, drop } = await target.create();
  const database: DatabaseHandle = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    await syncReferenceData(database.db);
    const user = await insertUser(database.db, {
      id: newId(),
      email: 'bench@example.org',
      displayName: 'Bench',
      roles: ['administrator'],
      scope: { kind: 'global' },
      clearance: 'strictly-confidential',
      passwordHash: 'x',
      now,
    });
    // Every country, and the demo's sub-national areas (its five countries' provinces and states).
    await loadDemoData(database.db, generateDemoData());
    const areaCodes = await findAreaCodes(database.db);
    const subnational = areaCodes.filter((a) => a.code !== a.countryCode);
    const areas = [
      ...countries.map((c) => ({ code: c.code, countryCode: c.code })),
      ...subnational,
    ];
    process.stderr.write(`${target.label}: storing the observations of ${areas.length} areas\n`);
    let observations = 0;
    for (const [index, area] of areas.entries()) {
      const rows = observationsOf(area.code, index + 1).map((r) => ({
        ...r,
        countryCode: area.countryCode,
      }));
      observations += rows.length;
      for (const pillar of platformPillars)
        await replaceDerivedObservations(
          database.db,
          {
            pillar: pillar.id,
            areaCode: area.code,
            from: '0000',
            to: '9999',
            createdBy: user.id,
            now,
          },
          rows.filter((r) => r.indicatorCode.startsWith(`${pillar.id}.`)),
        );
    }
    await database.executeSql('analyze');
    const ctx: RiskContext = { db: database.db, now: () => now };

    process.stderr.write(`${target.label}: full recompute\n`);
    const run = await queueRiskRun(ctx, { kind: 'full' }, null);
    const started = performance.now();
    const done = await runRiskRun(ctx, run.id);
    const fullSeconds = (performance.now() - started) / 1000;

    // The same computation on the same inputs, read beforehand: the engine without the database.
    const profilers = await prepareProfilers(ctx);
    const inputs = await Promise.all(
      areas.map(async (a) => ({
        area: a.code,
        rows: await findProfileInputs(database.db, a.code),
      })),
    );
    const engineStarted = performance.now();
    for (const { area, rows } of inputs)
      for (const { profiler } of profilers)
        profiler
          .compute(
            {
              area,
              observations: rows.map(
                (r): Pick<Observation, 'indicatorCode' | 'period' | 'value' | 'reliability'> => ({
                  indicatorCode: r.indicatorCode,
                  period: r.period,
                  value: r.value,
                  reliability: r.reliability,
                }),
              ),
            },
            range,
          )
          .profiles();
    const engineSeconds = (performance.now() - engineStarted) / 1000;

    // One area-month changes: that area again from that month, trends continued.
    const [first] = areas;
    const month = addMonths(range.to, -6);
    const changed = observationsOf(first?.code ?? '', 999)
      .filter((r) => r.period === month)
      .map((r) => ({ ...r, countryCode: first?.countryCode ?? '' }));
    const pillar = platformPillars[0]?.id ?? '';
    await replaceDerivedObservations(
      database.db,
      { pillar, areaCode: first?.code ?? '', from: month, to: month, createdBy: user.id, now },
      changed.filter((r) => r.indicatorCode.startsWith(`${pillar}.`)),
    );
    const incrementalStarted = performance.now();
    await recomputeArea(ctx, await prepareProfilers(ctx), {
      areaCode: first?.code ?? '',
      countryCode: first?.countryCode ?? '',
      from: month,
    });
    const incrementalMs = performance.now() - incrementalStarted;

    process.stderr.write(`${target.label}: the warning rules after the newest month\n`);
    const warning = await evaluateWarnings(database);

    process.stderr.write(`${target.label}: the HQ views' reads over the stored profiles\n`);
    const server = await startBenchServer(database, 'fast-path', { riskJobs: true });
    const reads: Result['reads'] = [];
    try {
      const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));
      for (const [label, path] of [
        ['areas.byCode (one row, the baseline)', server.readPath],
        ['risk.overview (193 countries, newest month)', '/trpc/risk.overview'],
        [
          'risk.area (a country page: 120 months and a profile)',
          `/trpc/risk.area?input=${input({ areaCode: 'SDN' })}`,
        ],
      ] as const)
        reads.push({
          label,
          latency: await loadLatency(`${server.url}${path}`, {
            connections,
            seconds,
            headers: server.headers,
          }),
        });
    } finally {
      await server.stop();
    }

    return {
      label: target.label,
      areas: done.areasDone,
      observations,
      profiles: done.profilesWritten,
      fullSeconds,
      engineSeconds,
      incrementalMs,
      warning,
      reads,
    };
  } finally {
    await database.close();
    await drop();
  }
}

const targets: Target[] = [pglite];
if (process.env.BENCH_DATABASE_URL) targets.push(postgres(process.env.BENCH_DATABASE_URL));
const results: Result[] = [];
for (const target of targets) results.push(await measure(target));
process.stdout.write(
  `\nRisk profiles of every country and the demo's sub-national areas × 120 months, end to end, against the engine alone in the same run\n` +
    results
      .map(
        (r) =>
          `${r.label}\n` +
          `  full recompute of ${r.areas} areas from ${r.observations.toLocaleString('en')} observations: ${r.fullSeconds.toFixed(1)} s, ` +
          `${r.profiles.toLocaleString('en')} profiles written (target < 10 s on PostgreSQL); ` +
          `the engine alone on the same inputs ${r.engineSeconds.toFixed(1)} s, ratio ${(r.engineSeconds / r.fullSeconds).toFixed(2)}\n` +
          `  incremental recompute after one area-month changed: ${r.incrementalMs.toFixed(0)} ms (target < 200 ms)\n` +
          `  warning rules for ${r.warning.areas} areas after the newest month: ${r.warning.endToEndMs.toFixed(0)} ms, ` +
          `${r.warning.alerts} alerts raised (target < 1 s); the pure evaluation of the same histories ` +
          `${r.warning.pureMs.toFixed(0)} ms, ratio ${(r.warning.pureMs / r.warning.endToEndMs).toFixed(2)}; ` +
          `reading the histories alone ${r.warning.readMs.toFixed(0)} ms\n` +
          readLines(r),
      )
      .join('\n') +
    `\n(ratio = the engine alone ÷ end to end, on the same area-months; reads: autocannon, ${connections} connections, ${seconds} s each, targets p95 < 50 ms for the overview and < 100 ms for a country page)\n`,
);

/**
 * The default rules for every area with data, in the newest month: as the job does it, and the
 * pure evaluation alone over the same histories loaded beforehand.
 */
async function evaluateWarnings(database: DatabaseHandle): Promise<Result['warning']> {
  const ctx = { db: database.db, now: () => now, requestId: 'bench', security };
  await ensureDefaultAlertRules(ctx);
  const started = performance.now();
  const evaluated = await evaluateAlerts(ctx, { month: range.to });
  const endToEndMs = performance.now() - started;

  const rules = (await listAlertRules(database.db, {})).filter((rule) => rule.enabled);
  const readStarted = performance.now();
  const histories = await loadAreaHistories(database.db, {
    modelVersionId: await evaluationModelVersion(database.db),
    to: range.to,
    months: historyMonths + 1,
    inputs: inputsOfRules(rules),
  });
  const readMs = performance.now() - readStarted;
  const pureStarted = performance.now();
  for (const layers of histories.values()) evaluateArea(rules, layers, range.to);
  const pureMs = performance.now() - pureStarted;
  return { areas: histories.size, alerts: evaluated.length, endToEndMs, readMs, pureMs };
}

function readLines(r: Result): string {
  const baseline = r.reads[0]?.latency.p975 ?? Number.NaN;
  return r.reads
    .map(
      ({ label, latency }) =>
        `  ${label.padEnd(54)} p97.5 ${`${latency.p975} ms`.padStart(7)}, p99 ${`${latency.p99} ms`.padStart(7)}, ` +
        `${Math.round(latency.requestsPerSecond)} req/s, ${latency.errors} errors, ` +
        `p97.5 ${(latency.p975 / baseline).toFixed(1)}× the one-row read's`,
    )
    .join('\n');
}
