import { z } from 'zod';
import type { FlowStatus } from './codes.js';
import { UsdCents } from './money.js';

/**
 * What is needed and what is given, in US cents. Pledges are shown but counted nowhere else (as
 * in OCHA FTS); a disbursement counts as committed too, since money paid was first promised.
 * Gaps are signed: below zero, more is committed (or disbursed) than is required.
 */
export const MoneyTotals = z
  .object({
    requiredUsd: UsdCents,
    pledgedUsd: UsdCents,
    committedUsd: UsdCents,
    disbursedUsd: UsdCents,
    /** required − committed */
    gapCommittedUsd: UsdCents,
    /** required − disbursed */
    gapDisbursedUsd: UsdCents,
  })
  .strict();
export type MoneyTotals = z.infer<typeof MoneyTotals>;

/** The four sums every total is made of. */
export const Measure = z.enum(['requiredUsd', 'pledgedUsd', 'committedUsd', 'disbursedUsd']);
export type Measure = z.infer<typeof Measure>;

/** The totals a flow of each status is counted in. */
export const countedIn: Readonly<Record<FlowStatus, readonly Measure[]>> = {
  pledged: ['pledgedUsd'],
  committed: ['committedUsd'],
  disbursed: ['committedUsd', 'disbursedUsd'],
};

export const zeroSums = (): Record<Measure, UsdCents> => ({
  requiredUsd: 0,
  pledgedUsd: 0,
  committedUsd: 0,
  disbursedUsd: 0,
});

export function withGaps(sums: Record<Measure, UsdCents>): MoneyTotals {
  return {
    ...sums,
    gapCommittedUsd: sums.requiredUsd - sums.committedUsd,
    gapDisbursedUsd: sums.requiredUsd - sums.disbursedUsd,
  };
}

/** The totals of nothing: zero required, zero given. */
export function noMoney(): MoneyTotals {
  return withGaps(zeroSums());
}

/** Sums per key of one view, every key of the plan present (with zeros) even without money. */
export class MoneyTotalsByKey {
  readonly #sums = new Map<string, Record<Measure, UsdCents>>();

  constructor(keys: Iterable<string>) {
    for (const key of keys) this.#sums.set(key, zeroSums());
  }

  add(key: string, measures: readonly Measure[], usd: UsdCents): void {
    let sums = this.#sums.get(key);
    if (!sums) {
      sums = zeroSums();
      this.#sums.set(key, sums);
    }
    for (const measure of measures) sums[measure] += usd;
  }

  /** The totals of one key; zeros for a key nothing was added to. */
  totalsOf(key: string): MoneyTotals {
    const sums = this.#sums.get(key);
    return sums ? withGaps(sums) : noMoney();
  }

  totals(): Record<string, MoneyTotals> {
    return Object.fromEntries([...this.#sums].map(([key, sums]) => [key, withGaps(sums)]));
  }
}
