import { Id, IsoDate, NodeId, PillarId, SdgTargetCode, Year } from '@prevention/core';
import { z } from 'zod';
import { isDistinct } from './distinct.js';

/** UN INFO links a result to at most this many SDG targets. */
export const MAX_SDG_TARGETS = 10;

/** How an indicator is measured, after IATI's IndicatorMeasure (unit, percentage, qualitative). */
export const IndicatorMeasure = z.enum(['unit', 'percentage', 'qualitative']);
export type IndicatorMeasure = z.infer<typeof IndicatorMeasure>;

/** A value of an indicator: a number for unit and percentage measures, words for qualitative. */
const Reading = {
  value: z.number().finite().nullable(),
  narrative: z.string().max(2000).nullable(),
};

export const IndicatorBaseline = z.object({ year: Year, ...Reading }).strict();
export type IndicatorBaseline = z.infer<typeof IndicatorBaseline>;

/** A target to reach by a date, or an actual value reported on a date. */
export const DatedReading = z.object({ date: IsoDate, ...Reading }).strict();
export type DatedReading = z.infer<typeof DatedReading>;

export const OutcomeIndicator = z
  .object({
    id: Id,
    title: z.string().min(1).max(300),
    measure: IndicatorMeasure,
    /** Whether a higher value is better (IATI's `ascending`). */
    ascending: z.boolean(),
    baseline: IndicatorBaseline,
    targets: z.array(DatedReading).max(50),
    /** Actual values as they are reported over time. */
    actuals: z.array(DatedReading).max(500),
  })
  .strict()
  .superRefine((indicator, context) => {
    const readings = [
      { path: ['baseline'], reading: indicator.baseline },
      ...indicator.targets.map((reading, i) => ({ path: ['targets', i], reading })),
      ...indicator.actuals.map((reading, i) => ({ path: ['actuals', i], reading })),
    ];
    for (const { path, reading } of readings) {
      const message = readingProblem(indicator.measure, reading);
      if (message) context.addIssue({ code: 'custom', message, path });
    }
  });
export type OutcomeIndicator = z.infer<typeof OutcomeIndicator>;

function readingProblem(
  measure: IndicatorMeasure,
  { value, narrative }: { value: number | null; narrative: string | null },
): string | undefined {
  if (measure === 'qualitative')
    return narrative === null ? 'A qualitative indicator is read in words' : undefined;
  if (value === null) return `A ${measure} indicator needs a number`;
  if (measure === 'percentage' && (value < 0 || value > 100))
    return 'A percentage is between 0 and 100';
  return undefined;
}

/**
 * A collective outcome: a result that needs the combined effort of several actors, and so of
 * several pillars. One that only one pillar serves is that pillar's own result, and is refused.
 */
export const CollectiveOutcome = z
  .object({
    id: Id,
    title: z.string().min(1).max(300),
    description: z.string().max(4000).nullable(),
    pillars: z
      .array(PillarId)
      .refine(isDistinct, 'A pillar is listed twice')
      .refine((pillars) => pillars.length >= 2, {
        message:
          'A collective outcome needs the combined effort of at least two pillars; a result ' +
          'that one pillar achieves alone is that pillar’s own, not a collective outcome',
      }),
    indicators: z.array(OutcomeIndicator).max(30),
    sdgTargets: z
      .array(SdgTargetCode)
      .max(MAX_SDG_TARGETS, `An outcome links at most ${MAX_SDG_TARGETS} SDG targets (UN INFO)`)
      .refine(isDistinct, 'An SDG target is listed twice'),
    /** The risk-model nodes the outcome aims to reduce. */
    riskNodes: z.array(NodeId).max(50).refine(isDistinct, 'A risk node is listed twice'),
  })
  .strict();
export type CollectiveOutcome = z.infer<typeof CollectiveOutcome>;
