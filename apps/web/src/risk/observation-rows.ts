import type { RouterOutputs } from '@prevention/api';

export type ObservationsAnswer = RouterOutputs['risk']['observations'];
export type ObservationBehind = ObservationsAnswer['observations'][number];

/** An observation as the panel lists it, with the title of the leaf it feeds. */
export interface ObservationRow extends ObservationBehind {
  indicatorTitle: string;
}

/**
 * The panel's rows, in the server's order (by leaf, the one the score uses first, then the
 * newest), each titled by its leaf's title (`titles`, by node id), or else its code.
 */
export function observationRows(
  answer: Pick<ObservationsAnswer, 'leaves' | 'observations'>,
  titles: ReadonlyMap<string, string>,
): ObservationRow[] {
  const leafOf = new Map<string, string>();
  for (const leaf of answer.leaves)
    if (!leafOf.has(leaf.indicator)) leafOf.set(leaf.indicator, leaf.node);
  return answer.observations.map((row) => {
    const node = leafOf.get(row.indicatorCode);
    return { ...row, indicatorTitle: (node && titles.get(node)) ?? row.indicatorCode };
  });
}

/** A batch's id short enough for a table cell: its last eight characters (random in a UUIDv7). */
export function shortBatchId(id: string): string {
  return id.slice(-8);
}
