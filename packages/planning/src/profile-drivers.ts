import { nodesOf, type RiskModel } from '@prevention/core';
import type { RiskProfile } from '@prevention/risk';
import type { ProfileRiskDriver } from './risk-coverage.js';

/**
 * The drivers of a risk profile as the gap analysis reads them: every node that some node of the
 * profile names among its drivers, with its own score and 3-month trend ('unknown' for a leaf,
 * which has none), and the pillar whose subtree holds it — the child of the model's root it sits
 * under (the pillar contract names a pillar's subtree after the pillar). The pillar nodes
 * themselves, drivers of the composite, are left out, as are nodes without a score.
 */
export function riskDriversOfProfile(model: RiskModel, profile: RiskProfile): ProfileRiskDriver[] {
  const pillarOf = pillarsOfNodes(model);
  const named = new Set<string>();
  for (const node of Object.values(profile.nodes))
    for (const driver of node.drivers ?? []) named.add(driver.node);
  const drivers: ProfileRiskDriver[] = [];
  for (const id of named) {
    const pillar = pillarOf.get(id);
    const node = profile.nodes[id];
    if (pillar === undefined || pillar === id || node?.score == null) continue;
    drivers.push({
      node: id,
      pillar,
      score: node.score,
      trend: node.trend3?.direction ?? 'unknown',
    });
  }
  return drivers.sort((a, b) => a.node.localeCompare(b.node));
}

/** Each node's pillar: the root's child whose subtree holds it. */
function pillarsOfNodes(model: RiskModel): Map<string, string> {
  const pillarOf = new Map<string, string>();
  if (model.root.kind !== 'aggregate') return pillarOf;
  for (const pillar of model.root.children)
    for (const node of nodesOf(pillar)) pillarOf.set(node.id, pillar.id);
  return pillarOf;
}
