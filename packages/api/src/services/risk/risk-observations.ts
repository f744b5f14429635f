import {
  AppError,
  mayView,
  monthIndexBounds,
  type Actor,
  type IndicatorUnit,
  type Month,
  type Reliability,
  type Sensitivity,
} from '@prevention/core';
import {
  findObservationsInPeriods,
  recordAuditEntries,
  type ObservationOrigin,
  type ObservationWithOrigin,
} from '@prevention/db';
import {
  leavesUnder,
  observationUses,
  periodsInWindow,
  platformPillars,
  roundForProfile,
  type LeafWindow,
} from '@prevention/risk';
import type { Context } from '../../context.js';
import { auditEntry } from '../audit-trail.js';
import { readingProfilerOf } from './recompute.js';
import {
  countryInScope,
  modelVersionFor,
  toModelVersionView,
  type RiskModelVersionView,
} from './risk-views.js';

/**
 * At most this many observations in one answer. The root of the prevention model has about 70
 * leaves; over their windows (none for monthly values, up to five years for surveys) an area with
 * one source per indicator has about 200.
 */
export const observationsBehindLimit = 500;

/** An observation as the country page lists it behind a node, with what it is to the month. */
export interface ObservationBehindView {
  id: string;
  indicatorCode: string;
  period: string;
  value: number;
  /** The indicator's unit in the pillars' catalogue; null for an indicator it does not describe. */
  unit: IndicatorUnit | null;
  source: string;
  reliability: Reliability;
  sensitivity: Sensitivity;
  origin: ObservationOrigin;
  /** An imported observation's batch and the line of the file it came from. */
  provenance: { batchId: string; line: number } | null;
  recordedAt: string;
  /** Whether the node's score rests on it: the one the profile takes for its leaf this month. */
  counts: boolean;
  carriedMonths: number;
  reliabilityFactor: number;
}

export interface ObservationsBehindView {
  model: RiskModelVersionView;
  areaCode: string;
  month: string;
  node: string;
  /** The node's indicator leaves (itself, when it is one), in the model's order. */
  leaves: LeafWindow[];
  /**
   * By leaf in the model's order; under each leaf the one it takes first, then the newest
   * period (of two ending together, the shorter), then the latest recorded.
   */
  observations: ObservationBehindView[];
  /** Observations in the leaves' windows above the caller's clearance, left out. */
  withheld: number;
  /** More observations than `observationsBehindLimit` were in the windows. */
  truncated: boolean;
}

const unitOf = new Map<string, IndicatorUnit>(
  platformPillars.flatMap((pillar) => pillar.indicators.map((i) => [i.code, i.unit] as const)),
);

/**
 * The stored observations a node of an area's profile rests on in a month, under a model version:
 * for each indicator leaf under the node, the area's own totals in the leaf's validity window,
 * each marked with whether the profile takes it, how long it is carried and its reliability
 * factor there — chosen by the profiler's own rules. The area must be among the caller's
 * countries (else NOT_FOUND, as for an area that does not exist); observations above their
 * clearance are counted, not shown; reading strictly confidential ones is audited.
 */
export async function observationsBehindNode(
  ctx: Context,
  actor: Actor,
  request: { areaCode: string; nodeId: string; month: Month; modelVersionId?: string },
): Promise<ObservationsBehindView> {
  const countryCode = await countryInScope(ctx, actor, request.areaCode);
  const version = await modelVersionFor(ctx, actor, request.modelVersionId);
  if (version.countryCode !== null && version.countryCode !== countryCode)
    throw new AppError('BAD_REQUEST', `This model version is ${version.countryCode}'s.`);
  const profiler = readingProfilerOf(version);
  const leaves = leavesUnder(profiler, request.nodeId);
  if (!leaves) throw new AppError('NOT_FOUND', 'This risk model has no node with this id.');

  const byWindow = new Map<number, Set<string>>();
  for (const leaf of leaves)
    byWindow.set(
      leaf.carryForwardMonths,
      (byWindow.get(leaf.carryForwardMonths) ?? new Set()).add(leaf.indicator),
    );
  const found = await findObservationsInPeriods(ctx.db, actor, {
    areaCode: request.areaCode,
    groups: [...byWindow].map(([window, codes]) => ({
      indicatorCodes: [...codes],
      periods: periodsInWindow(request.month, window),
    })),
    limit: observationsBehindLimit,
  });
  await auditStrictlyConfidentialObservations(ctx, actor, found.observations);

  // The profile reads an area's observations by period, then oldest recorded first.
  const inProfileOrder = [...found.observations].sort(
    (a, b) =>
      compare(a.period, b.period) ||
      a.recordedAt.getTime() - b.recordedAt.getTime() ||
      compare(a.id, b.id),
  );
  const uses = new Map(
    observationUses(profiler, inProfileOrder, request.month).map((use, i) => [
      inProfileOrder[i]?.id,
      use,
    ]),
  );
  const rankOf = new Map<string, number>();
  leaves.forEach((leaf, rank) => {
    if (!rankOf.has(leaf.indicator)) rankOf.set(leaf.indicator, rank);
  });
  const rows = found.observations.map((observation) => ({
    observation,
    use: uses.get(observation.id),
    rank: rankOf.get(observation.indicatorCode) ?? leaves.length,
    bounds: monthIndexBounds(observation.period),
  }));
  // As a reader goes through them: by leaf in the model's order, the one the leaf takes first,
  // then the newest period (of two ending together, the shorter), then the latest recorded.
  rows.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(b.use?.counts ?? false) - Number(a.use?.counts ?? false) ||
      b.bounds.last - a.bounds.last ||
      a.bounds.last - a.bounds.first - (b.bounds.last - b.bounds.first) ||
      b.observation.recordedAt.getTime() - a.observation.recordedAt.getTime(),
  );
  return {
    model: toModelVersionView(version),
    areaCode: request.areaCode,
    month: request.month,
    node: request.nodeId,
    leaves,
    observations: rows.map(({ observation, use }) => {
      return {
        id: observation.id,
        indicatorCode: observation.indicatorCode,
        period: observation.period,
        value: observation.value,
        unit: unitOf.get(observation.indicatorCode) ?? null,
        source: observation.source,
        reliability: observation.reliability,
        sensitivity: observation.sensitivity,
        origin: observation.origin,
        provenance: observation.provenance,
        recordedAt: observation.recordedAt.toISOString(),
        counts: use?.counts ?? false,
        carriedMonths: use?.carriedMonths ?? 0,
        reliabilityFactor: roundForProfile(use?.reliabilityFactor ?? 0),
      };
    }),
    withheld: found.withheld,
    truncated: found.truncated,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every read that hands out strictly confidential data leaves an entry in the audit log. */
async function auditStrictlyConfidentialObservations(
  ctx: Context,
  actor: Actor,
  observations: readonly ObservationWithOrigin[],
): Promise<void> {
  if (!mayView(actor, 'strictly-confidential')) return;
  const disclosed = observations.filter((o) => o.sensitivity === 'strictly-confidential');
  if (disclosed.length === 0) return;
  await recordAuditEntries(
    ctx.db,
    disclosed.map((observation) =>
      auditEntry(ctx, actor, {
        action: 'observation.read',
        resourceType: 'observation',
        resourceId: observation.id,
      }),
    ),
  );
}
