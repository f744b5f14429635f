import { Id } from '@prevention/core';
import { z } from 'zod';
import { DatedReading, type OutcomeIndicator } from './outcome.js';

export const TargetProgress = z
  .object({
    target: DatedReading,
    /** The latest actual reported on or before the target's date. */
    actual: DatedReading.nullable(),
    /**
     * Whether the actual reaches the target in the indicator's direction; null for a qualitative
     * measure or without an actual.
     */
    met: z.boolean().nullable(),
  })
  .strict();
export type TargetProgress = z.infer<typeof TargetProgress>;

export const IndicatorProgress = z
  .object({
    indicatorId: Id,
    /** Actual values, oldest first. */
    actuals: z.array(DatedReading),
    targets: z.array(TargetProgress),
  })
  .strict();
export type IndicatorProgress = z.infer<typeof IndicatorProgress>;

/** An outcome indicator's actuals against each of its targets over time. */
export function indicatorProgress(indicator: OutcomeIndicator): IndicatorProgress {
  const actuals = [...indicator.actuals].sort((a, b) => a.date.localeCompare(b.date));
  const targets = [...indicator.targets]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((target) => {
      const actual = actuals.filter((a) => a.date <= target.date).at(-1) ?? null;
      return { target, actual, met: targetMet(indicator, target, actual) };
    });
  return { indicatorId: indicator.id, actuals, targets };
}

function targetMet(
  indicator: Pick<OutcomeIndicator, 'measure' | 'ascending'>,
  target: DatedReading,
  actual: DatedReading | null,
): boolean | null {
  if (indicator.measure === 'qualitative' || actual?.value == null || target.value === null)
    return null;
  return indicator.ascending ? actual.value >= target.value : actual.value <= target.value;
}
