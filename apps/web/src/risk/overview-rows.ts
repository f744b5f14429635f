import type { RouterOutputs } from '@prevention/api';
import type { RiskClasses } from '@prevention/core';
import { classIdOf } from './risk-classes.js';

export type ProfileSummary = RouterOutputs['risk']['overview']['countries'][number];

/** One node's figures in a row: the composite's or a pillar's. */
export interface NodeFigures {
  score: number | null;
  classId: string;
  change3: number | null;
  completeness: number;
}

/** One country in the overview: its figures for the composite and each pillar, by node id. */
export interface OverviewRow {
  areaCode: string;
  name: string;
  hasData: boolean;
  nodes: Readonly<Record<string, NodeFigures>>;
}

const missing: NodeFigures = { score: null, classId: 'no-data', change3: null, completeness: 0 };

/**
 * A row for every country, with or without a profile: a country the overview does not list
 * has no data at all. A node's class is the profile's where it has one (the root), otherwise
 * its score classed under the model's classes (the pillars carry none of their own).
 */
export function overviewRows(
  countries: readonly { code: string; name: string }[],
  summaries: readonly ProfileSummary[],
  nodeIds: readonly string[],
  classes: RiskClasses,
): OverviewRow[] {
  const byArea = new Map(summaries.map((summary) => [summary.areaCode, summary]));
  return countries.map((country) => {
    const summary = byArea.get(country.code);
    const nodes: Record<string, NodeFigures> = {};
    for (const id of nodeIds) {
      const node = summary?.nodes[id];
      nodes[id] = node
        ? {
            score: node.score,
            classId: node.class ?? classIdOf(node.score, classes),
            change3: node.change3,
            completeness: node.completeness,
          }
        : missing;
    }
    return { areaCode: country.code, name: country.name, hasData: summary !== undefined, nodes };
  });
}

export function figuresOf(row: OverviewRow, nodeId: string): NodeFigures {
  return row.nodes[nodeId] ?? missing;
}

export type SortColumn = 'name' | 'score' | 'change3' | 'completeness';

export interface RowOrder {
  column: SortColumn;
  /** The node whose figure is sorted on (the composite or a pillar); unused for names. */
  nodeId: string;
  direction: 'ascending' | 'descending';
}

/**
 * The rows in the order asked for. Countries without the figure come last in either direction,
 * and ties go by name, so the order is stable and the countries with data are on top.
 */
export function sortRows(
  rows: readonly OverviewRow[],
  order: RowOrder,
  compareNames: (a: string, b: string) => number,
): OverviewRow[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const value = (row: OverviewRow): number | null => {
    if (order.column === 'name') return null;
    return figuresOf(row, order.nodeId)[order.column];
  };
  return [...rows].sort((a, b) => {
    if (order.column === 'name') return sign * compareNames(a.name, b.name);
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return sign * (x - y);
    return compareNames(a.name, b.name);
  });
}

export interface RowFilter {
  /** Part of a name (in the reader's language) or an ISO3 code. */
  query: string;
  /** A class id, `no-data`, or '' for any class. */
  classId: string;
  nodeId: string;
}

export function filterRows(rows: readonly OverviewRow[], filter: RowFilter): OverviewRow[] {
  const needle = filter.query.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (needle === '' ||
        row.name.toLocaleLowerCase().includes(needle) ||
        row.areaCode.toLocaleLowerCase() === needle) &&
      (filter.classId === '' || figuresOf(row, filter.nodeId).classId === filter.classId),
  );
}

/** The countries whose score rose most over three months (rises only), largest first. */
export function risingFastest(
  rows: readonly OverviewRow[],
  nodeId: string,
  count = 5,
): OverviewRow[] {
  return rows
    .filter((row) => (figuresOf(row, nodeId).change3 ?? 0) > 0)
    .sort((a, b) => (figuresOf(b, nodeId).change3 ?? 0) - (figuresOf(a, nodeId).change3 ?? 0))
    .slice(0, count);
}

/** The countries with the highest scores, highest first. */
export function highest(rows: readonly OverviewRow[], nodeId: string, count = 5): OverviewRow[] {
  return rows
    .filter((row) => figuresOf(row, nodeId).score !== null)
    .sort((a, b) => (figuresOf(b, nodeId).score ?? 0) - (figuresOf(a, nodeId).score ?? 0))
    .slice(0, count);
}
