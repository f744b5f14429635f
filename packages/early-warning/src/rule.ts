import { CountryCode, LocalisedText, VerificationStatus } from '@prevention/core';
import { z } from 'zod';

/**
 * How urgently an alert asks for attention, in increasing order. A rule names the level it
 * raises; a firing that is stronger than the rule's threshold may raise it one step (see the
 * evaluation), and a new firing of an open alert never lowers it.
 */
export const alertLevels = ['watch', 'warning', 'urgent'] as const;
export const AlertLevel = z.enum(alertLevels);
export type AlertLevel = z.infer<typeof AlertLevel>;

export function alertLevelRank(level: AlertLevel): number {
  return alertLevels.indexOf(level);
}

/** The class identifiers of the five-class scale the risk engine classifies scores on. */
export const RiskClassId = z.enum(['very-low', 'low', 'medium', 'high', 'very-high']);
export type RiskClassId = z.infer<typeof RiskClassId>;

/** A rule's identifier: a slug, stable across its versions. */
export const RuleId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,62}$/, 'Expected a slug of lower-case letters, digits and hyphens');
export type RuleId = z.infer<typeof RuleId>;

/** A node of the risk model a rule watches: the composite, a pillar or a sub-node. */
export const ModelNodeId = z.string().regex(/^[a-z][a-z0-9.-]{0,119}$/, 'Expected a model node id');

/**
 * The composite or a pillar moves up into `toClass` (or higher). To keep a score that flickers
 * across a boundary from alerting every month, the shift counts only once it has held for
 * `persistMonths` consecutive months, or at once when the score clears the class's lower edge by
 * `margin` or more.
 */
export const ClassShiftRule = z.object({
  kind: z.literal('class-shift'),
  node: ModelNodeId,
  toClass: RiskClassId.exclude(['very-low']),
  persistMonths: z.number().int().min(1).max(12),
  margin: z.number().min(0).max(5),
});

/** A node's score rises by `delta` or more over `months` months. */
export const RiseRule = z.object({
  kind: z.literal('rise'),
  node: ModelNodeId,
  delta: z.number().positive().max(10),
  months: z.number().int().min(1).max(36),
});

/**
 * The monthly series a spike rule watches: an indicator's stored values in the area (e.g.
 * `peace-security.fatalities`), or the count of the area's signals of some kinds.
 */
export const CountSeries = z.discriminatedUnion('source', [
  z.object({ source: z.literal('indicator'), indicatorId: ModelNodeId }),
  z.object({
    source: z.literal('signals'),
    kinds: z
      .array(z.string().regex(/^[a-z][a-z0-9-]*$/))
      .min(1)
      .max(20),
  }),
]);
export type CountSeries = z.infer<typeof CountSeries>;

/**
 * A spike against the series' own history.
 * - `trailing-mean`: the month's value exceeds `ratio` × the mean of the `periods` months before
 *   it, tracked only where that mean is at least `minBaseline` (ACLED's trackers' guard against
 *   "from 1 to 3 is +200 %").
 * - `record`: the month's value is the highest in the last `window` months (itself included),
 *   and at least `floor` (HDX Signals' record rule).
 */
export const SpikeTest = z.discriminatedUnion('test', [
  z.object({
    test: z.literal('trailing-mean'),
    periods: z.number().int().min(2).max(24),
    ratio: z.number().gt(1).max(100),
    minBaseline: z.number().min(0),
  }),
  z.object({
    test: z.literal('record'),
    window: z.union([z.literal(12), z.literal(36)]),
    floor: z.number().min(0),
  }),
]);
export type SpikeTest = z.infer<typeof SpikeTest>;

export const SpikeRule = z.object({
  kind: z.literal('spike'),
  series: CountSeries,
  spike: SpikeTest,
});

/** A human-rights signal of one of `kinds`, at least `minSeverity`, with a verification listed. */
export const HumanRightsSignalRule = z.object({
  kind: z.literal('human-rights-signal'),
  signalKinds: z
    .array(z.string().regex(/^[a-z][a-z0-9-]*$/))
    .min(1)
    .max(20),
  minSeverity: z.number().int().min(1).max(5),
  verification: z.array(VerificationStatus).min(1),
});

/** An endorsed joint assessment identifies a risk with likelihood × impact ≥ `minScore` (1–25). */
export const FieldJudgementRule = z.object({
  kind: z.literal('field-judgement'),
  minScore: z.number().int().min(1).max(25),
});

export const RuleCondition = z.discriminatedUnion('kind', [
  ClassShiftRule,
  RiseRule,
  SpikeRule,
  HumanRightsSignalRule,
  FieldJudgementRule,
]);
export type RuleCondition = z.infer<typeof RuleCondition>;
export type RuleKind = RuleCondition['kind'];
export const ruleKinds: readonly RuleKind[] = [
  'class-shift',
  'rise',
  'spike',
  'human-rights-signal',
  'field-judgement',
];

/**
 * A warning rule: data, not code. Each save is a new `version`; an alert keeps the version that
 * raised it so it can be explained and re-checked later.
 */
export const AlertRule = z.object({
  id: RuleId,
  version: z.number().int().min(1),
  title: LocalisedText,
  /** Why the rule exists and why its parameters are what they are. */
  rationale: z.string().min(1).max(2000),
  /** Null for a global rule; a country's own rule applies in that country only. */
  countryCode: CountryCode.nullable(),
  enabled: z.boolean(),
  level: AlertLevel,
  condition: RuleCondition,
  /** How long after an alert of this rule and area is closed before it may fire again. */
  cooldownDays: z.number().int().min(0).max(365),
  /** An open alert not acknowledged within this many hours is overdue. */
  acknowledgeWithinHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type AlertRule = z.infer<typeof AlertRule>;

/** What an administrator writes: the rule without its version, which the store assigns. */
export const AlertRuleDraft = AlertRule.omit({ version: true });
export type AlertRuleDraft = z.infer<typeof AlertRuleDraft>;
