import { addMonths, monthIndex, newId, type Month, type Observation } from '@prevention/core';
import {
  endRiskRun,
  ensureShippedRiskModels,
  findProfileInputs,
  findProfiledAreas,
  findProfilesBefore,
  findRiskModelVersions,
  findRiskRun,
  insertRiskRun,
  recordRiskRunProgress,
  replaceRiskProfiles,
  startRiskRun,
  type DatabaseClient,
  type ProfileInput,
  type RiskModelVersionRecord,
  type RiskRunRecord,
  type StoredRiskProfile,
} from '@prevention/db';
import {
  compileModel,
  createRiskProfiler,
  informRiskModel,
  isPackedRiskProfile,
  packRiskProfile,
  preventionRiskModel,
  RiskProfile,
  trendMonths,
  unpackRiskProfile,
  type RiskProfiler,
} from '@prevention/risk';

/** The models every installation computes profiles under, as their global versions. */
export const shippedRiskModels = [preventionRiskModel, informRiskModel] as const;

/** Months of history every area is profiled for, up to the current month. */
export const profiledMonths = 120;

export interface RiskContext {
  db: DatabaseClient;
  now: () => Date;
}

/** The months profiles cover: the `profiledMonths` up to the current one. */
export function profileRange(now: Date): { from: Month; to: Month } {
  const to = now.toISOString().slice(0, 7);
  return { from: addMonths(to, 1 - profiledMonths), to };
}

/** Where an area's profiles must be computed again from. */
export interface TouchedArea {
  areaCode: string;
  countryCode: string;
  /** The earliest month whose inputs changed. */
  from: Month;
}

/** Profilers without draws, for reading, by model version id: a version never changes. */
const readingProfilers = new Map<string, RiskProfiler>();

/**
 * A profiler of a version that computes no bands, made once per version: what reads need of
 * the model — its node order, its leaves and their validity windows.
 */
export function readingProfilerOf(version: RiskModelVersionRecord): RiskProfiler {
  let profiler = readingProfilers.get(version.id);
  if (!profiler) {
    profiler = createRiskProfiler(compileModel(version.definition), { draws: 0 });
    readingProfilers.set(version.id, profiler);
  }
  return profiler;
}

/** The order a version's stored profiles are packed in (see `packRiskProfile`). */
export function nodeOrderOf(version: RiskModelVersionRecord): readonly string[] {
  return readingProfilerOf(version).nodeOrder;
}

/** A stored profile as the API serves it: unpacked, or parsed when stored whole. */
export function readStoredProfile(stored: unknown, nodeOrder: readonly string[]): RiskProfile {
  return isPackedRiskProfile(stored)
    ? unpackRiskProfile(stored, nodeOrder)
    : RiskProfile.parse(stored);
}

/**
 * Profilers for every stored model version, each compiled once; the shipped models are stored
 * first if they are not yet.
 */
export async function prepareProfilers(
  ctx: RiskContext,
): Promise<{ version: RiskModelVersionRecord; profiler: RiskProfiler }[]> {
  await ensureShippedRiskModels(ctx.db, shippedRiskModels, ctx.now());
  const versions = await findRiskModelVersions(ctx.db, 'all');
  return versions.map((version) => ({
    version,
    profiler: createRiskProfiler(compileModel(version.definition)),
  }));
}

/**
 * Computes an area's profiles from `from` to the end of the range under every model version
 * that applies to it (the global ones, and its country's own), once per sensitivity basis its
 * observations reach, and replaces what was stored for those months. Each basis uses only the
 * observations at or below its level, so a profile never rests on data its readers may not
 * see. Trends continue from the stored profiles before `from`; a basis with none stored there
 * (its first sensitive observation is new) is computed over the whole range, as a full
 * recomputation would. Returns the number of profiles written.
 */
export async function recomputeArea(
  ctx: RiskContext,
  profilers: readonly { version: RiskModelVersionRecord; profiler: RiskProfiler }[],
  area: TouchedArea,
): Promise<number> {
  return writeArea(ctx, computeArea(ctx, await readArea(ctx, profilers, area)));
}

/** What an area's recomputation reads: its observations and, per version, the trends' start. */
interface AreaReading {
  area: TouchedArea;
  inputs: ProfileInput[];
  bases: number[];
  versions: {
    version: RiskModelVersionRecord;
    profiler: RiskProfiler;
    /** The first month computed, and the stored profiles before it by basis (none before the range's start). */
    start: Month;
    previous: Map<number, RiskProfile[]>;
  }[];
}

/** An area's computed rows, by model version, each replacing what is stored from `from`. */
interface AreaRows {
  area: TouchedArea;
  versions: { version: RiskModelVersionRecord; from: Month; rows: StoredRiskProfile[] }[];
}

/** The reading part of `recomputeArea`. */
async function readArea(
  ctx: RiskContext,
  profilers: readonly { version: RiskModelVersionRecord; profiler: RiskProfiler }[],
  area: TouchedArea,
): Promise<AreaReading> {
  const range = profileRange(ctx.now());
  const from = area.from < range.from ? range.from : area.from > range.to ? range.to : area.from;
  const inputs = await findProfileInputs(ctx.db, area.areaCode);
  const bases = [...new Set([0, ...inputs.map((input) => input.basis)])].sort((a, b) => a - b);
  const versions: AreaReading['versions'] = [];
  for (const { version, profiler } of profilers) {
    if (version.countryCode !== null && version.countryCode !== area.countryCode) continue;
    const previous = new Map<number, RiskProfile[]>();
    for (const basis of bases)
      previous.set(
        basis,
        from > range.from
          ? (
              await findProfilesBefore(ctx.db, {
                modelVersionId: version.id,
                areaCode: area.areaCode,
                basis,
                before: from,
                months: trendMonths,
              })
            ).map((p) => readStoredProfile(p, profiler.nodeOrder))
          : [],
      );
    // A basis with nothing stored before `from` is new (its first sensitive observation is):
    // the area is computed over the whole range, as a full recomputation would.
    const start =
      from > range.from && bases.some((basis) => previous.get(basis)?.length === 0)
        ? range.from
        : from;
    versions.push({ version, profiler, start, previous: start === from ? previous : new Map() });
  }
  return { area, inputs, bases, versions };
}

/** The computing part of `recomputeArea`: no database. */
function computeArea(ctx: RiskContext, reading: AreaReading): AreaRows {
  const { area, inputs, bases } = reading;
  const range = profileRange(ctx.now());
  const observations = new Map(
    bases.map((basis) => [
      basis,
      inputs.filter((input) => input.basis <= basis).map(toObservation),
    ]),
  );
  return {
    area,
    versions: reading.versions.map(({ version, profiler, start, previous }) => {
      const rows: StoredRiskProfile[] = [];
      for (const basis of bases) {
        const series = profiler.compute(
          {
            area: area.areaCode,
            observations: observations.get(basis) ?? [],
            previous: previous.get(basis) ?? [],
          },
          { from: start, to: range.to },
        );
        for (const profile of series.profiles()) {
          // A month without any data says nothing: it is not stored, and reads as "no data".
          if (!hasData(profile)) continue;
          rows.push(stored(profile, basis, profiler.nodeOrder));
        }
      }
      return { version, from: start, rows };
    }),
  };
}

/** The writing part of `recomputeArea`: one short transaction per model version. */
async function writeArea(ctx: RiskContext, computed: AreaRows): Promise<number> {
  let written = 0;
  for (const { version, from, rows } of computed.versions) {
    await replaceRiskProfiles(
      ctx.db,
      {
        modelVersionId: version.id,
        areaCode: computed.area.areaCode,
        countryCode: computed.area.countryCode,
        from,
        now: ctx.now(),
      },
      rows,
    );
    written += rows.length;
  }
  return written;
}

function toObservation(
  input: ProfileInput,
): Pick<Observation, 'indicatorCode' | 'period' | 'value' | 'reliability' | 'disaggregation'> {
  return {
    indicatorCode: input.indicatorCode,
    period: input.period,
    value: input.value,
    reliability: input.reliability,
    ...(input.sex || input.age
      ? {
          disaggregation: {
            ...(input.sex ? { sex: input.sex } : {}),
            ...(input.age ? { age: input.age } : {}),
          } as Observation['disaggregation'],
        }
      : {}),
  };
}

function hasData(profile: RiskProfile): boolean {
  return (profile.nodes[profile.root]?.completeness ?? 0) > 0;
}

/** A node's headline figures, as a profile's summary keeps them. */
export interface NodeSummary {
  score: number | null;
  class: string | null;
  completeness: number;
  reliability: number;
  change3: number | null;
  change12: number | null;
  band: { low: number; high: number } | null;
}

/**
 * The root's figures as columns; in the summary, those of every node with a band (the root and
 * the pillars): what the overview and the trend charts read without the whole profile.
 */
function stored(
  profile: RiskProfile,
  basis: number,
  nodeOrder: readonly string[],
): StoredRiskProfile {
  const root = profile.nodes[profile.root];
  const summary: Record<string, NodeSummary> = {};
  for (const [id, node] of Object.entries(profile.nodes)) {
    if (node.band === undefined) continue;
    summary[id] = {
      score: node.score,
      class: node.class ?? null,
      completeness: node.completeness,
      reliability: node.reliability,
      change3: node.trend3?.change ?? null,
      change12: node.trend12?.change ?? null,
      band: node.band ?? null,
    };
  }
  return {
    month: profile.month,
    basis,
    score: root?.score ?? null,
    class: root?.class ?? null,
    change3: root?.trend3?.change ?? null,
    change12: root?.trend12?.change ?? null,
    completeness: root?.completeness ?? 0,
    reliability: root?.reliability ?? 0,
    summary,
    profile: packRiskProfile(profile, nodeOrder),
  };
}

/** Queues a recomputation: every area (`full`) or the ones touched. */
export async function queueRiskRun(
  ctx: RiskContext,
  run: { kind: 'full' } | { kind: 'incremental'; areas: readonly TouchedArea[] },
  requestedBy: string | null,
): Promise<RiskRunRecord> {
  return insertRiskRun(ctx.db, {
    id: newId(),
    kind: run.kind,
    areas:
      run.kind === 'full'
        ? []
        : run.areas.map((a) => ({
            areaCode: a.areaCode,
            countryCode: a.countryCode,
            from: a.from,
          })),
    requestedBy,
    now: ctx.now(),
  });
}

/**
 * Runs a queued recomputation to its end, an area at a time (each area's profiles replaced in
 * one short transaction, so readers are never held), saving progress as it goes; the next
 * area's inputs are read and the last one's rows written while an area is computed. An aborted
 * `signal` stops it between two areas: the run ends failed, every area it wrote is kept and
 * counted.
 */
export async function runRiskRun(
  ctx: RiskContext,
  runId: string,
  options: {
    onProgress?: (run: { areasDone: number; areasTotal: number }) => void;
    /** After each area's profiles are replaced: what readers had of them is stale. */
    onAreaWritten?: () => void;
    signal?: AbortSignal;
  } = {},
): Promise<RiskRunRecord> {
  const run = await findRiskRun(ctx.db, runId);
  if (!run) throw new Error(`There is no risk run ${runId}`);
  const areas: TouchedArea[] =
    run.kind === 'full'
      ? (await findProfiledAreas(ctx.db)).map((a) => ({ ...a, from: profileRange(ctx.now()).from }))
      : mergeTouched(run.areas as TouchedArea[]);
  if (!(await startRiskRun(ctx.db, runId, areas.length, ctx.now()))) return run;
  try {
    const profilers = await prepareProfilers(ctx);
    let profilesWritten = 0;
    let lastSaved = 0;
    // While an area is computed, the next one's inputs are read and the one before's rows
    // written, so the database and the computation overlap. The writes stay in area order,
    // each area in its own short transactions, and at most one is pending.
    const first = areas[0];
    let reading = first ? handled(readArea(ctx, profilers, first)) : undefined;
    let writing: Promise<number> | undefined;
    const written = async (done: number) => {
      if (!writing) return;
      profilesWritten += await writing;
      writing = undefined;
      options.onAreaWritten?.();
      if (Date.now() - lastSaved > 500 || done === areas.length - 1) {
        lastSaved = Date.now();
        await recordRiskRunProgress(ctx.db, runId, { areasDone: done + 1, profilesWritten });
        options.onProgress?.({ areasDone: done + 1, areasTotal: areas.length });
      }
    };
    try {
      for (const [done, area] of areas.entries()) {
        if (options.signal?.aborted) {
          await written(done - 1);
          await recordRiskRunProgress(ctx.db, runId, { areasDone: done, profilesWritten });
          return await endRiskRun(ctx.db, runId, {
            status: 'failed',
            failure: 'Stopped with the server before every area was done.',
            now: ctx.now(),
          });
        }
        const read = await (reading ?? readArea(ctx, profilers, area));
        const next = areas[done + 1];
        reading = next ? handled(readArea(ctx, profilers, next)) : undefined;
        const computed = computeArea(ctx, read);
        await written(done - 1);
        writing = handled(writeArea(ctx, computed));
      }
      await written(areas.length - 1);
    } finally {
      // Nothing of this run touches the database after it returns, whichever way it ends.
      await Promise.allSettled([reading, writing]);
    }
    return await endRiskRun(ctx.db, runId, { status: 'done', failure: null, now: ctx.now() });
  } catch (error) {
    await endRiskRun(ctx.db, runId, {
      status: 'failed',
      failure: 'The recomputation stopped on an internal error.',
      now: ctx.now(),
    }).catch(() => undefined);
    throw error;
  }
}

/** The promise, marked as handled: it is awaited later, and may reject before that. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** One entry per area, from its earliest touched month. */
export function mergeTouched(touched: readonly TouchedArea[]): TouchedArea[] {
  const byArea = new Map<string, TouchedArea>();
  for (const area of touched) {
    const seen = byArea.get(area.areaCode);
    if (!seen || monthIndex(area.from) < monthIndex(seen.from)) byArea.set(area.areaCode, area);
  }
  return [...byArea.values()].sort((a, b) => a.areaCode.localeCompare(b.areaCode));
}
