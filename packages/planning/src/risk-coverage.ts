import { NodeId, PillarId } from '@prevention/core';
import { TrendDirection } from '@prevention/risk';
import { z } from 'zod';
import { activeActivityStatuses } from './codes.js';
import type { PlanContent } from './plan.js';

/**
 * A driver of the country's current risk profile, as plain data: the risk-model node, the
 * pillar it belongs to, its 0–10 score and its trend. The caller takes these from the profile
 * and its model; planning needs nothing else of them.
 */
export const ProfileRiskDriver = z
  .object({
    node: NodeId,
    pillar: PillarId,
    score: z.number().min(0).max(10),
    trend: TrendDirection,
  })
  .strict();
export type ProfileRiskDriver = z.infer<typeof ProfileRiskDriver>;

/** The drivers no action addresses, by pillar. */
export const UnaddressedRisks = z.record(PillarId, z.array(ProfileRiskDriver));
export type UnaddressedRisks = z.infer<typeof UnaddressedRisks>;

export interface RiskCoverageOptions {
  /** A driver at or above this score needs an action whatever its trend. Default 5 (INFORM's "high" begins there). */
  scoreThreshold?: number;
}

/** Whether a driver calls for an action: high enough, or rising. */
export function isDriverOfConcern(
  driver: ProfileRiskDriver,
  { scoreThreshold = 5 }: RiskCoverageOptions = {},
): boolean {
  return driver.score >= scoreThreshold || driver.trend === 'rising';
}

/** The risk-model nodes that the plan's active actions (pipeline or implementation) name. */
export function addressedRiskNodes(content: PlanContent): Set<NodeId> {
  const addressed = new Set<NodeId>();
  for (const action of content.actions) {
    if (!activeActivityStatuses.includes(action.status)) continue;
    for (const node of action.riskDrivers) addressed.add(node);
  }
  return addressed;
}

/**
 * The risks no action addresses: drivers of the profile that are above the threshold or rising
 * and that no active action names, by pillar, the highest score first. A pillar with none is
 * absent.
 */
export function unaddressedRiskDrivers(
  content: PlanContent,
  drivers: readonly ProfileRiskDriver[],
  options: RiskCoverageOptions = {},
): UnaddressedRisks {
  const addressed = addressedRiskNodes(content);
  const byPillar: UnaddressedRisks = {};
  const open = drivers
    .filter((driver) => isDriverOfConcern(driver, options) && !addressed.has(driver.node))
    .sort((a, b) => b.score - a.score || a.node.localeCompare(b.node));
  for (const driver of open) (byPillar[driver.pillar] ??= []).push(driver);
  return byPillar;
}
