import type { RiskClasses } from '@prevention/core';
import type { ProfileSummary } from './overview-rows.js';
import { classIdOf, noDataClass } from './risk-classes.js';

/** One column of the comparison: a country, or a country under one model version. */
export interface ComparedColumn {
  /** The figures of the month compared; undefined when there is no profile for it. */
  summary: ProfileSummary | undefined;
  /** The id of the column's model's root: the composite. */
  rootId: string;
  classes: RiskClasses;
}

export interface Band {
  low: number;
  high: number;
}

type NumberFigure = 'score' | 'change3' | 'change12' | 'completeness' | 'reliability';

/**
 * A row of the comparison: one figure in every column, in the columns' order, and, when two
 * columns are compared as versions A and B, what B changes (undefined when not asked for, null
 * when either side has no value).
 */
export type ComparisonRow =
  | { figure: NumberFigure; values: (number | null)[]; difference?: number | null }
  | {
      figure: 'pillar';
      nodeId: string;
      title: string;
      values: (number | null)[];
      difference?: number | null;
    }
  | { figure: 'class'; values: string[]; difference?: { from: string; to: string } }
  | { figure: 'band'; values: (Band | null)[]; difference?: Band | null };

const numberFigures: readonly NumberFigure[] = [
  'change3',
  'change12',
  'completeness',
  'reliability',
];

function minus(b: number | null | undefined, a: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : b - a;
}

/**
 * The comparison's rows: the composite's score, class, changes, completeness, reliability and
 * band, then each pillar's score. A column without a profile for the month has no value in any
 * row (its class is "no data"), nor has a column whose model lacks a pillar in that pillar's
 * row. With `difference`, the first two columns are A and B and each row carries B − A.
 */
export function comparisonRows(
  columns: readonly ComparedColumn[],
  pillars: readonly { id: string; title: string }[],
  options: { difference: boolean } = { difference: false },
): ComparisonRow[] {
  const [a, b] = options.difference ? columns : [];
  const withDifference = a !== undefined && b !== undefined;
  const numbers = (valueOf: (column: ComparedColumn) => number | null | undefined) => {
    const values = columns.map((column) => valueOf(column) ?? null);
    return withDifference ? { values, difference: minus(valueOf(b), valueOf(a)) } : { values };
  };
  const classOf = (column: ComparedColumn) =>
    column.summary
      ? (column.summary.class ?? classIdOf(column.summary.score, column.classes))
      : noDataClass;
  const bandOf = (column: ComparedColumn) => column.summary?.nodes[column.rootId]?.band ?? null;

  const bandValues = columns.map(bandOf);
  const [bandA, bandB] = withDifference ? [bandOf(a), bandOf(b)] : [null, null];
  return [
    { figure: 'score', ...numbers((column) => column.summary?.score) },
    {
      figure: 'class',
      values: columns.map(classOf),
      ...(withDifference ? { difference: { from: classOf(a), to: classOf(b) } } : {}),
    },
    ...numberFigures.map((figure) => ({
      figure,
      ...numbers((column) => column.summary?.[figure]),
    })),
    {
      figure: 'band',
      values: bandValues,
      ...(withDifference
        ? {
            difference:
              bandA && bandB ? { low: bandB.low - bandA.low, high: bandB.high - bandA.high } : null,
          }
        : {}),
    },
    ...pillars.map((pillar) => ({
      figure: 'pillar' as const,
      nodeId: pillar.id,
      title: pillar.title,
      ...numbers((column) => column.summary?.nodes[pillar.id]?.score),
    })),
  ];
}

/**
 * The pillars of every column's model, each once, in the order the models list them: versions
 * of different models (the prevention model and INFORM) have pillars of their own.
 */
export function pillarsOf(
  figureLists: readonly (readonly { id: string; title: string }[])[],
): { id: string; title: string }[] {
  const seen = new Map<string, { id: string; title: string }>();
  for (const [, ...pillars] of figureLists) {
    for (const pillar of pillars) if (!seen.has(pillar.id)) seen.set(pillar.id, pillar);
  }
  return [...seen.values()];
}

/** The months any column has a profile for, newest first. */
export function monthsOf(series: readonly (readonly ProfileSummary[])[]): string[] {
  return [...new Set(series.flatMap((list) => list.map((summary) => summary.month)))].sort((x, y) =>
    y.localeCompare(x),
  );
}
