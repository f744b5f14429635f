import { AppError } from '@prevention/core';
import type { NodeProfile, ProfileTrend, RiskProfile, TrendDirection } from './risk-profile.js';

/**
 * A risk profile as it is stored: the same numbers as a `RiskProfile`, about a fifth of the
 * size. The nodes are a list in the order of the model's `nodeOrder` (parents first, as a
 * profile lists them) instead of an object keyed by id, their fields have one-letter keys, and a
 * driver names its node by its position in that order. Packing needs the order, and so does
 * unpacking: it is the profiler's (`RiskProfiler.nodeOrder`), fixed for a model version.
 *
 * A profile row of the world's recomputation is written 23,000 times; at 12 KB of JSON each,
 * reading, converting and compressing that text was most of the recomputation's time.
 */
export interface PackedRiskProfile {
  /** The format: 1. */
  packed: 1;
  area: string;
  month: string;
  model: { id: string; version: string };
  root: string;
  draws: number;
  nodes: PackedNode[];
}

/** One node: score, completeness, reliability, then what the node has of the optional fields. */
export interface PackedNode {
  s: number | null;
  c: number;
  r: number;
  /** Class id; null for a missing score; absent for a node without classes. */
  k?: string | null;
  /** The period of the observation a leaf rests on. */
  o?: string;
  /** Trends over 3 and 12 months: change, direction, change, direction. */
  t?: [number | null, DirectionCode, number | null, DirectionCode];
  /** Drivers: node position, contribution, node position, contribution … */
  d?: number[];
  /** Band: low, high; null when the node has a band but no draws or no score. */
  b?: [number, number] | null;
}

type DirectionCode = 'r' | 'f' | 's' | 'u';

const directionCode: Record<TrendDirection, DirectionCode> = {
  rising: 'r',
  falling: 'f',
  stable: 's',
  unknown: 'u',
};
const directionOf: Record<DirectionCode, TrendDirection> = {
  r: 'rising',
  f: 'falling',
  s: 'stable',
  u: 'unknown',
};

/** Packs a profile whose nodes are those of `nodeOrder`, in any order. */
export function packRiskProfile(
  profile: RiskProfile,
  nodeOrder: readonly string[],
): PackedRiskProfile {
  const position = new Map(nodeOrder.map((id, i) => [id, i]));
  const nodes = nodeOrder.map((id): PackedNode => {
    const node = profile.nodes[id];
    if (!node)
      throw new AppError('INTERNAL_SERVER_ERROR', `The profile has no node ${id} of its model`);
    const packed: PackedNode = { s: node.score, c: node.completeness, r: node.reliability };
    if (node.class !== undefined) packed.k = node.class;
    if (node.observed !== undefined) packed.o = node.observed;
    if (node.trend3 && node.trend12)
      packed.t = [
        node.trend3.change,
        directionCode[node.trend3.direction],
        node.trend12.change,
        directionCode[node.trend12.direction],
      ];
    if (node.drivers)
      packed.d = node.drivers.flatMap((driver) => {
        const at = position.get(driver.node);
        if (at === undefined)
          throw new AppError(
            'INTERNAL_SERVER_ERROR',
            `Driver ${driver.node} is not a node of the model`,
          );
        return [at, driver.contribution];
      });
    if (node.band !== undefined) packed.b = node.band ? [node.band.low, node.band.high] : null;
    return packed;
  });
  if (nodes.length !== Object.keys(profile.nodes).length)
    throw new AppError('INTERNAL_SERVER_ERROR', 'The profile has nodes its model does not');
  return {
    packed: 1,
    area: profile.area,
    month: profile.month,
    model: { ...profile.model },
    root: profile.root,
    draws: profile.draws,
    nodes,
  };
}

/** Whether a stored value is a packed profile (rather than a profile stored whole). */
export function isPackedRiskProfile(value: unknown): value is PackedRiskProfile {
  return (
    typeof value === 'object' && value !== null && (value as { packed?: unknown }).packed === 1
  );
}

/** The profile a packed one holds, with its nodes in `nodeOrder`. */
export function unpackRiskProfile(
  packed: PackedRiskProfile,
  nodeOrder: readonly string[],
): RiskProfile {
  if (packed.nodes.length !== nodeOrder.length)
    throw new AppError(
      'INTERNAL_SERVER_ERROR',
      `A stored profile has ${packed.nodes.length} nodes; its model version has ${nodeOrder.length}`,
    );
  const nodes: Record<string, NodeProfile> = {};
  packed.nodes.forEach((p, i) => {
    const node: NodeProfile = { score: p.s, completeness: p.c, reliability: p.r };
    if (p.k !== undefined) node.class = p.k;
    if (p.o !== undefined) node.observed = p.o;
    if (p.t) {
      node.trend3 = trend(p.t[0], p.t[1]);
      node.trend12 = trend(p.t[2], p.t[3]);
    }
    if (p.d) {
      node.drivers = [];
      for (let k = 0; k + 1 < p.d.length; k += 2)
        node.drivers.push({
          node: nodeOrder[p.d[k] as number] as string,
          contribution: p.d[k + 1] as number,
        });
    }
    if (p.b !== undefined) node.band = p.b ? { low: p.b[0], high: p.b[1] } : null;
    nodes[nodeOrder[i] as string] = node;
  });
  return {
    area: packed.area,
    month: packed.month,
    model: { ...packed.model },
    root: packed.root,
    draws: packed.draws,
    nodes,
  };
}

function trend(change: number | null, code: DirectionCode): ProfileTrend {
  return { change, direction: directionOf[code] ?? 'unknown' };
}
