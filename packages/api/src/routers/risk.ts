import {
  AreaCode,
  CountryCode,
  Id,
  IndicatorUnit,
  Month,
  NodeId,
  Reliability,
  Sensitivity,
} from '@prevention/core';
import { RiskProfile } from '@prevention/risk';
import { z } from 'zod';
import {
  listRiskModels,
  listRiskRuns,
  recomputeAllProfiles,
  readerKey,
  riskOfArea,
  riskOverview,
  throughCache,
} from '../services/risk/risk-views.js';
import { safeText } from '../input-schemas.js';
import { validatedOnce } from '../shared-answers.js';
import { adjustRiskModel } from '../services/risk/model-adjustments.js';
import { observationsBehindNode } from '../services/risk/risk-observations.js';
import { procedure, router } from '../trpc.js';

export const ZRiskModelVersion = z.object({
  id: Id,
  modelId: z.string(),
  version: z.string(),
  title: z.string(),
  countryCode: z.string().nullable(),
  basedOn: Id.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

/** A node's headline figures in a profile summary. */
const ZNodeSummary = z.object({
  score: z.number().nullable(),
  class: z.string().nullable(),
  completeness: z.number(),
  reliability: z.number(),
  change3: z.number().nullable(),
  change12: z.number().nullable(),
  band: z.object({ low: z.number(), high: z.number() }).nullable(),
});

export const ZProfileSummary = z.object({
  areaCode: AreaCode,
  month: Month,
  score: z.number().nullable(),
  class: z.string().nullable(),
  change3: z.number().nullable(),
  change12: z.number().nullable(),
  completeness: z.number(),
  reliability: z.number(),
  /** The profile rests on observations up to this sensitivity level (0 public … 3). */
  basis: z.number().int().min(0).max(3),
  /** The root's and each pillar's figures, by node id. */
  nodes: z.record(z.string(), ZNodeSummary),
});

const ZRiskRun = z.object({
  id: Id,
  kind: z.enum(['full', 'incremental']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  areasTotal: z.number().int(),
  areasDone: z.number().int(),
  profilesWritten: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  failure: z.string().nullable(),
});

export const ZRiskObservationsRequest = z.object({
  areaCode: AreaCode,
  /** Any node of the model: a leaf, a pillar, the root. */
  nodeId: NodeId,
  month: Month,
  modelVersionId: Id.optional(),
});

/** An observation behind a node, and what it is to the month's profile. */
const ZObservationBehind = z.object({
  id: Id,
  indicatorCode: z.string(),
  period: z.string(),
  value: z.number(),
  unit: IndicatorUnit.nullable(),
  source: z.string(),
  reliability: Reliability,
  sensitivity: Sensitivity,
  /** Imported from a file, derived by a pillar from its signals, or neither on record. */
  origin: z.enum(['imported', 'derived', 'unrecorded']),
  provenance: z.object({ batchId: Id, line: z.number().int().positive() }).nullable(),
  recordedAt: z.iso.datetime(),
  /** The one the profile takes for its leaf in the month: the score rests on it. */
  counts: z.boolean(),
  /** Months from the end of its period to the month (0 within it). */
  carriedMonths: z.number().int().min(0),
  /** Its reliability factor in the month, 0–1: reported reliability, falling as it is carried. */
  reliabilityFactor: z.number().min(0).max(1),
});

export const ZRiskObservationsResponse = z.object({
  model: ZRiskModelVersion,
  areaCode: AreaCode,
  month: Month,
  node: NodeId,
  leaves: z.array(
    z.object({
      node: NodeId,
      indicator: z.string(),
      carryForwardMonths: z.number().int().min(0),
    }),
  ),
  /** By leaf in the model's order; under each the one it takes first, then the newest. */
  observations: z.array(ZObservationBehind),
  /** How many observations in the leaves' windows are above the caller's clearance. */
  withheld: z.number().int().min(0),
  /** There were more observations than one answer holds. */
  truncated: z.boolean(),
});

export const riskRouter = router({
  /** The model versions profiles are computed under: global ones and the caller's countries'. */
  models: procedure
    .output(z.array(ZRiskModelVersion))
    .query(({ ctx }) => listRiskModels(ctx, ctx.actor)),

  /** Every country's profile for one month (the newest by default) under one model version. */
  overview: procedure
    .input(z.object({ modelVersionId: Id.optional(), month: Month.optional() }).default({}))
    .output(
      validatedOnce(
        z.object({
          model: ZRiskModelVersion,
          month: Month.nullable(),
          range: z.object({ from: Month, to: Month }),
          countries: z.array(ZProfileSummary),
        }),
      ),
    )
    .query(({ ctx, input }) =>
      throughCache(
        ctx.risk?.views,
        `overview|${input.modelVersionId ?? ''}|${input.month ?? ''}|${readerKey(ctx.actor)}`,
        () =>
          riskOverview(ctx, ctx.actor, {
            ...(input.modelVersionId ? { modelVersionId: input.modelVersionId } : {}),
            ...(input.month ? { month: input.month } : {}),
          }),
      ),
    ),

  /** One area's series of headline figures and the whole profile of one month. */
  area: procedure
    .input(z.object({ areaCode: AreaCode, modelVersionId: Id.optional(), month: Month.optional() }))
    .output(
      validatedOnce(
        z.object({
          model: ZRiskModelVersion,
          series: z.array(ZProfileSummary),
          profile: RiskProfile.nullable(),
          /** Endorsed assessments' judgements beside the computed class of their month. */
          fieldJudgements: z.array(
            z.object({
              assessmentId: Id,
              period: Month,
              title: z.string(),
              status: z.enum(['endorsed', 'published']),
              highestRisk: z.number().int().min(1).max(25),
              class: z.string(),
              computedClass: z.string().nullable(),
              disagrees: z.boolean(),
            }),
          ),
          /** A country's sub-national areas in the profile's month (none for an area). */
          subnational: z.array(ZProfileSummary),
        }),
      ),
    )
    .query(({ ctx, input }) =>
      throughCache(
        ctx.risk?.views,
        `area|${input.areaCode}|${input.modelVersionId ?? ''}|${input.month ?? ''}|${readerKey(ctx.actor)}`,
        () =>
          riskOfArea(ctx, ctx.actor, {
            areaCode: input.areaCode,
            ...(input.modelVersionId ? { modelVersionId: input.modelVersionId } : {}),
            ...(input.month ? { month: input.month } : {}),
          }),
      ),
    ),

  /**
   * The stored observations a node's score rests on in a month: for each indicator leaf under
   * it, the area's own values in the leaf's validity window, the one the profile takes marked.
   * Those above the caller's clearance are only counted.
   */
  observations: procedure
    .input(ZRiskObservationsRequest)
    .output(ZRiskObservationsResponse)
    .query(({ ctx, input }) =>
      observationsBehindNode(ctx, ctx.actor, {
        areaCode: input.areaCode,
        nodeId: input.nodeId,
        month: input.month,
        ...(input.modelVersionId ? { modelVersionId: input.modelVersionId } : {}),
      }),
    ),

  /** The newest recomputation runs, with their progress. */
  runs: procedure
    .input(z.object({ limit: z.number().int().min(1).max(50).default(10) }).default({ limit: 10 }))
    .output(z.array(ZRiskRun))
    .query(({ ctx, input }) => listRiskRuns(ctx, input.limit)),

  /**
   * A country team's own version of a model for its country (weights, indicators, thresholds),
   * beside the global one; its profiles are computed in the background.
   */
  adjustModel: procedure
    .input(
      z.object({
        basedOn: Id,
        countryCode: CountryCode,
        /** A whole model document (see `RiskModel` in `@prevention/core`). */
        definition: z.record(z.string(), z.unknown()),
        note: safeText(1, 2000),
      }),
    )
    .output(ZRiskModelVersion)
    .mutation(({ ctx, input }) => adjustRiskModel(ctx, ctx.actor, ctx.risk, input)),

  /** Queues the recomputation of every area's profiles under every model version. */
  recompute: procedure
    .output(ZRiskRun)
    .mutation(({ ctx }) => recomputeAllProfiles(ctx.actor, ctx.risk)),
});
