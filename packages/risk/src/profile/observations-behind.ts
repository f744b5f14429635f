import {
  Month,
  monthFromIndex,
  monthIndex,
  monthIndexBounds,
  nodesOf,
  quarterOf,
  type Period,
  type RiskNode,
} from '@prevention/core';
import { LeafTimeline, type ProfileObservation } from './leaf-timeline.js';
import { observationReliability } from './observation-reliability.js';
import type { RiskProfiler } from './risk-profiler.js';

/**
 * What a node of a month's profile rests on, read back: the indicator leaves under the node, the
 * periods whose observations may stand for the month, and which of those observations the
 * profiler takes. It answers with the profiler's own rules (its `LeafTimeline`, its validity
 * windows), so the observations shown behind a score are the ones the score was computed from.
 */

/** An indicator leaf and how many months past its period an observation of it may be carried. */
export interface LeafWindow {
  node: string;
  indicator: string;
  carryForwardMonths: number;
}

/**
 * The indicator leaves of a node's subtree (the node itself when it is a leaf), in the model's
 * order, each with its validity window; undefined when the profiler's model has no such node.
 */
export function leavesUnder(profiler: RiskProfiler, nodeId: string): LeafWindow[] | undefined {
  const found = findNode(profiler.compiled.model.root, nodeId);
  if (!found) return undefined;
  const { layout, compiled } = profiler;
  return nodesOf(found).flatMap((node) => {
    if (node.kind !== 'indicator') return [];
    const slot = layout.leafSlot[compiled.indexOf(node.id) ?? -1] ?? -1;
    return [
      {
        node: node.id,
        indicator: node.indicator ?? node.id,
        carryForwardMonths: layout.windows[slot] ?? 0,
      },
    ];
  });
}

function findNode(root: RiskNode, id: string): RiskNode | undefined {
  return nodesOf(root).find((node) => node.id === id);
}

/**
 * Every month, quarter and year an observation of which may stand for `month` when carried at
 * most `carryForwardMonths`: the periods that begin by the month and end no more than that many
 * months before it, newest first. Months before year 0 do not exist and are not listed.
 */
export function periodsInWindow(month: Month, carryForwardMonths: number): Period[] {
  const last = monthIndex(Month.parse(month));
  const first = Math.max(0, last - Math.max(0, Math.trunc(carryForwardMonths)));
  const periods: Period[] = [];
  for (let index = last; index >= first; index -= 1) periods.push(monthFromIndex(index));
  const quarters = new Set<Period>();
  for (let index = last; index >= first; index -= 1) quarters.add(quarterOf(monthFromIndex(index)));
  periods.push(...quarters);
  for (let year = Math.floor(last / 12); year >= Math.floor(first / 12); year -= 1)
    periods.push(String(year).padStart(4, '0'));
  return periods;
}

/** What one observation is to a month's profile. */
export interface ObservationUse {
  /** Whether a leaf's score rests on it in that month: the one the profiler takes. */
  counts: boolean;
  /** Months from the end of its period to the month; 0 when its period covers the month. */
  carriedMonths: number;
  /** Its reliability factor in that month: reported reliability times the age factor; 0 beyond its window. */
  reliabilityFactor: number;
}

/**
 * For each observation, what it is to the profile of `month`: whether it is the one its leaf's
 * score rests on, how many months it is carried, and the reliability factor it has there. The
 * observations come in the order a profile reads them — by period, then oldest recorded first —
 * because of two equal candidates the later one counts. Rows for one sex or age group never
 * count; observations of indicators outside the model count for nothing.
 */
export function observationUses(
  profiler: RiskProfiler,
  observations: readonly ProfileObservation[],
  month: Month,
): ObservationUse[] {
  const { layout } = profiler;
  const at = monthIndex(Month.parse(month));
  const timeline = new LeafTimeline(layout.leavesOf, layout.windows);
  timeline.place(observations, at, 1);
  const counting = new Set(timeline.observation);
  return observations.map((observation, index) => {
    const { first, last } = monthIndexBounds(observation.period);
    const carriedMonths = Math.max(0, at - last);
    const leaf = layout.leavesOf.get(observation.indicatorCode)?.[0];
    const window = leaf === undefined ? undefined : layout.windows[leaf];
    return {
      counts: counting.has(index),
      carriedMonths,
      reliabilityFactor:
        window === undefined || first > at
          ? 0
          : observationReliability(observation.reliability, carriedMonths, window),
    };
  });
}
