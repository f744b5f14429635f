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
 * What rules are evaluated over: one area's history as seen from one sensitivity level. The
 * store hands over one such layer per level the area's data reaches, least sensitive first; a
 * rule's firing comes from the least sensitive layer in which it fires, so that an alert is seen
 * by everyone who may know why it fired and by nobody else.
 */

/** One month of a model node's score (null where the profile could not be computed). */
export const ScorePoint = z.object({ month: Month, score: z.number().min(0).max(10).nullable() });
export type ScorePoint = z.infer<typeof ScorePoint>;

/** One month of a count or indicator (a month without a value is absent, not zero). */
export const CountPoint = z.object({ month: Month, value: z.number().finite() });
export type CountPoint = z.infer<typeof CountPoint>;

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
 * One area's history up to one sensitivity level: nothing in it is more sensitive than
 * `sensitivity`. `scores` holds each model node's monthly scores (keyed by node id:
 * `prevention-risk`, `peace-security`, …), oldest first; `indicators` each indicator's monthly
 * values, oldest first; `signals` the area's signals of any kind, in any order.
 */
export interface AreaHistory {
  readonly areaCode: AreaCode;
  readonly countryCode: CountryCode;
  readonly sensitivity: Sensitivity;
  readonly scores: Readonly<Record<string, readonly ScorePoint[]>>;
  readonly indicators: Readonly<Record<string, readonly CountPoint[]>>;
  readonly signals: readonly SignalFact[];
  readonly judgements: readonly JudgementFact[];
}
