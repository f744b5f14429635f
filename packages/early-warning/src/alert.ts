import { AreaCode, CountryCode, Id, IsoDate, Month, Sensitivity } from '@prevention/core';
import { z } from 'zod';
import { AlertLevel, RuleId } from './rule.js';

/**
 * Why a rule fired, kept with the alert so that it can be explained and re-checked later: the
 * series the rule read (for a chart), the value that crossed, the baseline it was compared with
 * and the threshold it had to pass, and the records it rests on.
 */
export const Evidence = z.object({
  /** What the series measures, e.g. `prevention-risk` score or `conflict-event` count. */
  measure: z.string().min(1).max(200),
  series: z.array(z.object({ month: Month, value: z.number().finite() })).max(240),
  observed: z.number().finite(),
  /** The baseline compared against (trailing mean, previous record, score N months ago), if any. */
  baseline: z.number().finite().nullable(),
  /** The value `observed` had to reach. */
  threshold: z.number().finite(),
  /** One sentence in English, e.g. "12 events in 2026-11, more than 2 × the 4-month mean of 4.5". */
  reason: z.string().min(1).max(500),
  /** Signals or assessments the firing rests on (at most 50, the most recent). */
  sourceIds: z.array(Id).max(50),
});
export type Evidence = z.infer<typeof Evidence>;

/** One rule firing for one area in one month: what evaluation produces. */
export const Firing = z.object({
  ruleId: RuleId,
  ruleVersion: z.number().int().min(1),
  areaCode: AreaCode,
  countryCode: CountryCode,
  period: Month,
  level: AlertLevel,
  evidence: Evidence,
  /** The strictest sensitivity of what the firing rests on: who may see the alert. */
  sensitivity: Sensitivity,
});
export type Firing = z.infer<typeof Firing>;

export const alertStatuses = ['open', 'acknowledged', 'responded', 'closed'] as const;
export const AlertStatus = z.enum(alertStatuses);
export type AlertStatus = z.infer<typeof AlertStatus>;

export const AlertOutcome = z.enum(['addressed', 'no-longer-relevant', 'false-alarm']);
export type AlertOutcome = z.infer<typeof AlertOutcome>;

/** What answered an alert: plan actions or logged decisions, by id. */
export const AlertResponseLinks = z
  .object({
    planActionIds: z.array(Id).max(20),
    decisionIds: z.array(Id).max(20),
  })
  .refine(
    (links) => links.planActionIds.length + links.decisionIds.length > 0,
    'A response links at least one plan action or decision',
  );
export type AlertResponseLinks = z.infer<typeof AlertResponseLinks>;

/** A step someone took on an alert, as its history shows it. */
export const AlertStep = z.object({
  status: AlertStatus,
  by: Id,
  at: z.iso.datetime(),
  note: z.string().max(2000).nullable(),
});
export type AlertStep = z.infer<typeof AlertStep>;

/** An alert: one per rule and area while it is not closed. */
export const Alert = z.object({
  id: Id,
  ruleId: RuleId,
  ruleVersion: z.number().int().min(1),
  areaCode: AreaCode,
  countryCode: CountryCode,
  level: AlertLevel,
  status: AlertStatus,
  /** The month of the first firing and of the latest. */
  firstPeriod: Month,
  period: Month,
  /** How many evaluations have fired it (1 when raised). */
  firings: z.number().int().min(1),
  evidence: Evidence,
  sensitivity: Sensitivity,
  raisedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** When it becomes overdue if not acknowledged. */
  acknowledgeBy: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: Id.nullable(),
  respondedAt: z.iso.datetime().nullable(),
  respondedBy: Id.nullable(),
  response: AlertResponseLinks.nullable(),
  responseNote: z.string().max(2000).nullable(),
  closedAt: z.iso.datetime().nullable(),
  closedBy: Id.nullable(),
  outcome: AlertOutcome.nullable(),
  closingNote: z.string().max(2000).nullable(),
  /** Snoozed until this date, or until the level rises above `snoozedAtLevel`. */
  snoozedUntil: IsoDate.nullable(),
  snoozedAtLevel: AlertLevel.nullable(),
});
export type Alert = z.infer<typeof Alert>;
