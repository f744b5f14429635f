import { z } from 'zod';
import { AreaCode } from './areas/area.js';
import { AgeGroup, Disaggregation, Sex } from './disaggregation.js';
import { LocalisedText } from './localised.js';
import { Period } from './period.js';
import { PillarId } from './pillar.js';

/**
 * An indicator code: the owning pillar's id, a dot, and a kebab-case name
 * (`peace-security.fatalities-per-100k`), so codes from different pillars cannot collide.
 */
export const IndicatorCode = z
  .string()
  .regex(
    /^[a-z][a-z0-9]*(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/,
    'Expected an indicator code such as peace-security.fatalities-per-100k',
  );
export type IndicatorCode = z.infer<typeof IndicatorCode>;

/** The pillar part of an indicator code. */
export function pillarOfIndicator(code: IndicatorCode): PillarId {
  return code.slice(0, code.indexOf('.'));
}

/** An SDG target code: goal, dot, target number or letter (`16.1`, `16.a`). */
export const SdgTargetCode = z
  .string()
  .regex(/^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-z])$/, 'Expected an SDG target code such as 16.1');
export type SdgTargetCode = z.infer<typeof SdgTargetCode>;

/** An SDG indicator code as in the global indicator framework (`16.1.1`, `16.a.1`). */
export const SdgIndicatorCode = z
  .string()
  .regex(
    /^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-z])\.[1-9][0-9]?$/,
    'Expected an SDG indicator code such as 16.1.1',
  );
export type SdgIndicatorCode = z.infer<typeof SdgIndicatorCode>;

/** The SDG target an indicator code belongs to (`16.1.2` → `16.1`). */
export function sdgTargetOf(code: SdgIndicatorCode): SdgTargetCode {
  return code.slice(0, code.lastIndexOf('.'));
}

const goalposts = <T extends { min: number; max: number }>(value: T) => value.max > value.min;

/**
 * How a raw value becomes a 0–10 score (10 is the worst). `min-max` maps the goalposts `min`
 * and `max` to 0 and 10 and clips values outside them; `log-min-max` does the same on
 * log10(1 + x), for skewed counts such as fatalities; `identity` takes a value that is
 * already a 0–10 score. Whether a high raw value is good is the indicator's polarity, not
 * the normalisation's: the risk model inverts the score of a higher-is-better indicator.
 */
export const Normalisation = z.discriminatedUnion('method', [
  z.object({ method: z.literal('identity') }).strict(),
  z
    .object({ method: z.literal('min-max'), min: z.number(), max: z.number() })
    .strict()
    .refine(goalposts, { message: 'max must be greater than min', path: ['max'] }),
  z
    .object({ method: z.literal('log-min-max'), min: z.number().min(0), max: z.number() })
    .strict()
    .refine(goalposts, { message: 'max must be greater than min', path: ['max'] }),
]);
export type Normalisation = z.infer<typeof Normalisation>;

export const Polarity = z.enum(['higher-is-worse', 'higher-is-better']);
export type Polarity = z.infer<typeof Polarity>;

export const IndicatorUnit = z.enum([
  'count',
  'events',
  'people',
  'per-100k',
  'percent',
  'ratio',
  'score',
  'usd',
  'yes-no',
]);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

/**
 * How long an observation of an indicator may stand for the months after its period: a yearly
 * structural figure may be carried forward for a stated number of months, with falling
 * reliability; a monthly count of events stands for its own month only. `carryForwardMonths`
 * counts the months after the last month of the observation's period (a year covers its twelve
 * months, a quarter its three) in which it is still used; after them the indicator is missing.
 */
export const IndicatorValidity = z
  .object({ carryForwardMonths: z.number().int().min(0).max(120) })
  .strict();
export type IndicatorValidity = z.infer<typeof IndicatorValidity>;

/**
 * An indicator in a pillar's catalogue. `origin` says whether the pillar derives its values
 * from signals (`deriveObservations`) or whether they come from an external dataset.
 * `validity` is optional: without it `carryForwardMonthsOf` applies the default for the origin.
 */
export const Indicator = z
  .object({
    code: IndicatorCode,
    pillar: PillarId,
    title: LocalisedText,
    description: LocalisedText.optional(),
    unit: IndicatorUnit,
    polarity: Polarity,
    normalisation: Normalisation,
    origin: z.enum(['signals', 'external']),
    source: z.string().min(1).max(300),
    sdgIndicators: z.array(SdgIndicatorCode),
    disaggregations: z.array(Disaggregation),
    validity: IndicatorValidity.optional(),
  })
  .strict()
  .refine((indicator) => pillarOfIndicator(indicator.code) === indicator.pillar, {
    message: 'An indicator code starts with the id of its pillar',
    path: ['code'],
  });
export type Indicator = z.infer<typeof Indicator>;

/**
 * Carry-forward months of an indicator that does not state its validity. A value derived from
 * signals is a monthly figure (events, victims, the month's latest rating) that the derivation
 * already computes for every month it holds, so it is never carried; an external figure is
 * taken to be a yearly structural one, usable for two years after its period.
 */
export const defaultCarryForwardMonths: Readonly<Record<Indicator['origin'], number>> = {
  signals: 0,
  external: 24,
};

/** The months an observation of the indicator may be carried forward past its period. */
export function carryForwardMonthsOf(indicator: Pick<Indicator, 'origin' | 'validity'>): number {
  return indicator.validity?.carryForwardMonths ?? defaultCarryForwardMonths[indicator.origin];
}

export const Reliability = z.enum(['high', 'medium', 'low']);
export type Reliability = z.infer<typeof Reliability>;

/** One value of an indicator for an area and a period, possibly for one sex or age group. */
export const Observation = z
  .object({
    indicatorCode: IndicatorCode,
    areaCode: AreaCode,
    period: Period,
    value: z.number().finite(),
    disaggregation: z.object({ sex: Sex.optional(), age: AgeGroup.optional() }).strict().optional(),
    source: z.string().min(1).max(300),
    reliability: Reliability,
  })
  .strict();
export type Observation = z.infer<typeof Observation>;
