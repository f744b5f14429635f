import {
  AreaCode,
  type CountryCode,
  Id,
  IsoDate,
  Month,
  Sensitivity,
  Severity,
  VerificationStatus,
} from '@prevention/core';
import { z } from 'zod';

/**
 * What rules are evaluated over: one area's history, as the store hands it over. Every part
 * carries its sensitivity, so that a firing knows the clearance needed to see it.
 */

/** One month of a model node's score (null where the profile could not be computed). */
export const ScorePoint = z.object({ month: Month, score: z.number().min(0).max(10).nullable() });
export type ScorePoint = z.infer<typeof ScorePoint>;

/** A node's monthly scores, oldest first, with the strictest sensitivity they were built on. */
export const ScoreSeries = z.object({
  points: z.array(ScorePoint),
  sensitivity: Sensitivity,
});
export type ScoreSeries = z.infer<typeof ScoreSeries>;

/** One month of a count or indicator (a month without a value is absent, not zero). */
export const CountPoint = z.object({ month: Month, value: z.number().finite() });
export type CountPoint = z.infer<typeof CountPoint>;

export const CountSeriesValues = z.object({
  points: z.array(CountPoint),
  sensitivity: Sensitivity,
});
export type CountSeriesValues = z.infer<typeof CountSeriesValues>;

/** The part of a signal the rules read. */
export const SignalFact = z.object({
  id: Id,
  pillar: z.string(),
  kind: z.string(),
  areaCode: AreaCode,
  occurredOn: IsoDate,
  severity: Severity,
  verification: VerificationStatus,
  sensitivity: Sensitivity,
});
export type SignalFact = z.infer<typeof SignalFact>;

/** An identified risk of an endorsed joint assessment. */
export const JudgementFact = z.object({
  assessmentId: Id,
  areaCode: AreaCode,
  /** The month the assessment was endorsed. */
  month: Month,
  /** The risk as the team named it. */
  title: z.string(),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  sensitivity: Sensitivity,
});
export type JudgementFact = z.infer<typeof JudgementFact>;

/**
 * One area's history. `scores` is keyed by model node id (`prevention-risk`, `peace-security`,
 * …); `indicators` by indicator id; `signals` are the area's signals of any kind, in any order.
 */
export interface AreaHistory {
  readonly areaCode: AreaCode;
  readonly countryCode: CountryCode;
  readonly scores: Readonly<Record<string, ScoreSeries>>;
  readonly indicators: Readonly<Record<string, CountSeriesValues>>;
  readonly signals: readonly SignalFact[];
  readonly judgements: readonly JudgementFact[];
}
