import {
  AppError,
  isCountryInScope,
  isGlobalScope,
  type Actor,
  type Month,
} from '@prevention/core';
import {
  findAreaByCode,
  findAssessments,
  findLatestProfileMonth,
  findRiskModelVersion,
  findRiskModelVersions,
  findRiskRuns,
  findVisibleRiskProfiles,
  type RiskModelVersionRecord,
  type RiskRunRecord,
  type VisibleRiskProfile,
} from '@prevention/db';
import {
  classDistance,
  judgementClass,
  preventionRiskModel,
  type RiskProfile,
} from '@prevention/risk';
import { readerFor } from '../assessments/assessment-access.js';
import type { RiskServices } from '../../context.js';
import type { RiskViewCache } from './risk-view-cache.js';
import {
  nodeOrderOf,
  profileRange,
  readStoredProfile,
  type NodeSummary,
  type RiskContext,
} from './recompute.js';

/**
 * What an answer of the HQ views depends on besides the request: the reader's countries,
 * clearance and roles (which assessments they see). Readers with the same share answers.
 */
export function readerKey(actor: Actor): string {
  const scope =
    actor.scope.kind === 'global' ? 'global' : [...actor.scope.countries].sort().join(',');
  return `${scope}|${actor.clearance}|${[...actor.roles].sort().join(',')}`;
}

/** An answer through the cache when there is one (a server with its risk jobs), else read. */
export function throughCache<T>(
  cache: RiskViewCache | undefined,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  return cache ? cache.get(key, load) : load();
}

/** A model version as the API lists it. */
export interface RiskModelVersionView {
  id: string;
  modelId: string;
  version: string;
  title: string;
  countryCode: string | null;
  basedOn: string | null;
  note: string | null;
  createdAt: string;
}

export function toModelVersionView(version: RiskModelVersionRecord): RiskModelVersionView {
  return {
    id: version.id,
    modelId: version.modelId,
    version: version.version,
    title: version.definition.title.en,
    countryCode: version.countryCode,
    basedOn: version.basedOn,
    note: version.note,
    createdAt: version.createdAt.toISOString(),
  };
}

/** The global model versions and those of the caller's countries. */
export async function listRiskModels(
  ctx: RiskContext,
  actor: Actor,
): Promise<RiskModelVersionView[]> {
  const versions = await findRiskModelVersions(
    ctx.db,
    actor.scope.kind === 'countries' ? actor.scope.countries : 'all',
  );
  return versions.map(toModelVersionView);
}

/**
 * The version asked for, if the caller may see it (a country's version only in that country's
 * scope), or else the newest global version of the platform's prevention model.
 */
export async function modelVersionFor(
  ctx: RiskContext,
  actor: Actor,
  id: string | undefined,
): Promise<RiskModelVersionRecord> {
  if (id !== undefined) {
    const version = await findRiskModelVersion(ctx.db, id);
    if (
      !version ||
      (version.countryCode !== null && !isCountryInScope(actor.scope, version.countryCode))
    )
      throw new AppError('NOT_FOUND', 'There is no risk model version with this id.');
    return version;
  }
  const global = (await findRiskModelVersions(ctx.db, [])).filter(
    (v) => v.modelId === preventionRiskModel.id,
  );
  const newest = global.at(-1);
  if (!newest)
    throw new AppError('NOT_FOUND', 'No risk profiles have been computed on this platform yet.');
  return newest;
}

/** A profile's headline figures: the root's, and the summary of each pillar. */
export interface ProfileSummaryView {
  areaCode: string;
  month: string;
  score: number | null;
  class: string | null;
  change3: number | null;
  change12: number | null;
  completeness: number;
  reliability: number;
  /** The stored profile rests on observations up to this sensitivity level (0 public). */
  basis: number;
  nodes: Record<string, NodeSummary>;
}

function toSummary(row: VisibleRiskProfile): ProfileSummaryView {
  return {
    areaCode: row.areaCode,
    month: row.month,
    score: row.score,
    class: row.class,
    change3: row.change3,
    change12: row.change12,
    completeness: row.completeness,
    reliability: row.reliability,
    basis: row.basis,
    // Written by `recomputeArea` in this shape; the procedure's output schema checks it.
    nodes: row.summary as Record<string, NodeSummary>,
  };
}

/**
 * Every country's profile for one month under one model version, as far as the caller may see
 * (their countries, and the highest sensitivity basis they are cleared for): the world map and
 * its table. The month defaults to the newest one computed.
 */
export async function riskOverview(
  ctx: RiskContext,
  actor: Actor,
  request: { modelVersionId?: string; month?: Month },
): Promise<{
  model: RiskModelVersionView;
  month: string | null;
  range: { from: string; to: string };
  countries: ProfileSummaryView[];
}> {
  const version = await modelVersionFor(ctx, actor, request.modelVersionId);
  const range = profileRange(ctx.now());
  const month = request.month ?? (await findLatestProfileMonth(ctx.db, version.id, range.to));
  if (!month) return { model: toModelVersionView(version), month: null, range, countries: [] };
  const rows = await findVisibleRiskProfiles(ctx.db, actor, {
    modelVersionId: version.id,
    from: month,
    to: month,
    summaryOnly: true,
  });
  return { model: toModelVersionView(version), month, range, countries: rows.map(toSummary) };
}

/**
 * One area's profiles over the range (their headline figures, for the trend charts) and the
 * whole profile of one month (the newest, by default), for the country page.
 */
export async function riskOfArea(
  ctx: RiskContext,
  actor: Actor,
  request: { areaCode: string; modelVersionId?: string; month?: Month },
): Promise<{
  model: RiskModelVersionView;
  series: ProfileSummaryView[];
  profile: RiskProfile | null;
  fieldJudgements: FieldJudgementView[];
  subnational: ProfileSummaryView[];
}> {
  const countryCode = await countryInScope(ctx, actor, request.areaCode);
  const version = await modelVersionFor(ctx, actor, request.modelVersionId);
  if (version.countryCode !== null && version.countryCode !== countryCode)
    throw new AppError('BAD_REQUEST', `This model version is ${version.countryCode}'s.`);
  const range = profileRange(ctx.now());
  const filter = { modelVersionId: version.id, areaCode: request.areaCode };
  const series = await findVisibleRiskProfiles(ctx.db, actor, {
    ...filter,
    ...range,
    summaryOnly: true,
  });
  const month = request.month ?? series.at(-1)?.month;
  const [chosen] = month
    ? await findVisibleRiskProfiles(ctx.db, actor, { ...filter, from: month, to: month })
    : [];
  return {
    model: toModelVersionView(version),
    series: series.map(toSummary),
    profile: chosen ? readStoredProfile(chosen.profile, nodeOrderOf(version)) : null,
    fieldJudgements: await fieldJudgements(ctx, actor, request.areaCode, series),
    // A country's sub-national areas in the same month, for its table and map.
    subnational:
      month && countryCode === request.areaCode
        ? (
            await findVisibleRiskProfiles(ctx.db, actor, {
              modelVersionId: version.id,
              subnationalOf: countryCode,
              from: month,
              to: month,
              summaryOnly: true,
            })
          ).map(toSummary)
        : [],
  };
}

/** An endorsed joint assessment's judgement beside the computed class of its month. */
export interface FieldJudgementView {
  assessmentId: string;
  period: string;
  title: string;
  status: 'endorsed' | 'published';
  /** The highest likelihood × impact among its identified risks, 1–25. */
  highestRisk: number;
  /** That judgement on the five classes (see `judgementClass`). */
  class: string;
  /** The computed composite class of the assessment's month, when there is one. */
  computedClass: string | null;
  /** The two are a class or more apart: the country page says so. */
  disagrees: boolean;
}

/**
 * The field's judgement, never mixed into the score: the caller's readable endorsed and
 * published assessments of the area (the newest 20), each with the class its highest identified
 * risk stands for and whether the computed class of its month differs by a class or more.
 */
async function fieldJudgements(
  ctx: RiskContext,
  actor: Actor,
  areaCode: string,
  series: readonly VisibleRiskProfile[],
): Promise<FieldJudgementView[]> {
  const computed = new Map(series.map((p) => [p.month, p.class]));
  const found = [];
  for (const status of ['endorsed', 'published'] as const)
    found.push(
      ...(await findAssessments(ctx.db, readerFor(actor), { areaCode, status }, { limit: 20 }))
        .items,
    );
  return found
    .filter((a) => a.areaCode === areaCode && a.highestRisk !== null)
    .sort((a, b) => b.period.localeCompare(a.period))
    .slice(0, 20)
    .flatMap((a) => {
      const judged = judgementClass(a.highestRisk ?? 0);
      if (!judged) return [];
      const computedClass = computed.get(a.period) ?? null;
      const apart = computedClass ? classDistance(judged, computedClass) : undefined;
      return [
        {
          assessmentId: a.id,
          period: a.period,
          title: a.title,
          status: a.status as 'endorsed' | 'published',
          highestRisk: a.highestRisk ?? 0,
          class: judged,
          computedClass,
          disagrees: apart !== undefined && apart >= 1,
        },
      ];
    });
}

/**
 * The country of an area among the caller's countries; an area outside them is answered as one
 * that does not exist.
 */
export async function countryInScope(
  ctx: RiskContext,
  actor: Actor,
  areaCode: string,
): Promise<string> {
  const countryCode = await countryOf(ctx, areaCode);
  if (!countryCode || !isCountryInScope(actor.scope, countryCode))
    throw new AppError('NOT_FOUND', 'There is no area with this code among your countries.');
  return countryCode;
}

async function countryOf(ctx: RiskContext, areaCode: string): Promise<string | undefined> {
  let area = await findAreaByCode(ctx.db, areaCode);
  for (let depth = 0; area && area.kind !== 'country' && depth < 6; depth += 1)
    area = area.parentCode ? await findAreaByCode(ctx.db, area.parentCode) : undefined;
  return area?.kind === 'country' ? area.code : undefined;
}

/** A recomputation run as the API shows it. */
export interface RiskRunView {
  id: string;
  kind: 'full' | 'incremental';
  status: 'queued' | 'running' | 'done' | 'failed';
  areasTotal: number;
  areasDone: number;
  profilesWritten: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  failure: string | null;
}

function toRunView(run: RiskRunRecord): RiskRunView {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    areasTotal: run.areasTotal,
    areasDone: run.areasDone,
    profilesWritten: run.profilesWritten,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    failure: run.failure,
  };
}

/** Queues a recomputation of every area; the platform's administrators ask for it. */
export async function recomputeAllProfiles(
  actor: Actor,
  services: RiskServices | undefined,
): Promise<RiskRunView> {
  if (!isGlobalScope(actor.scope))
    throw new AppError('FORBIDDEN', 'A full recomputation concerns every country.');
  if (!services)
    throw new AppError('PRECONDITION_FAILED', 'Recomputation is not available on this server.');
  return toRunView(await services.recomputeAll(actor.userId));
}

/** The newest recomputation runs. */
export async function listRiskRuns(ctx: RiskContext, limit: number): Promise<RiskRunView[]> {
  return (await findRiskRuns(ctx.db, limit)).map(toRunView);
}
