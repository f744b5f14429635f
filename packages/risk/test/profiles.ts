import type { Month, Reliability } from '@prevention/core';
import {
  compileModel,
  createRiskProfiler,
  type ProfileObservation,
  type RiskProfile,
  type RiskProfilerOptions,
} from '../src/index.js';
import { inner, leaf, model } from './models.js';

/** Test factories for risk profiles. */
export function observation(
  indicatorCode: string,
  period: string,
  value: number,
  overrides: Partial<ProfileObservation> = {},
): ProfileObservation {
  return { indicatorCode, period, value, reliability: 'high', ...overrides };
}

/**
 * A small model on 0–10 leaves (values are scores): `test.a`, `test.b` under `left`, `test.c`
 * and `test.d` under `right`, both weighted means under a weighted-mean root, with the INFORM
 * classes at the root.
 */
export function smallModel() {
  return compileModel(
    model(
      inner('root', 'weighted-mean', [
        inner('left', 'weighted-mean', [leaf('test.a'), leaf('test.b', { weight: 2 })]),
        inner('right', 'weighted-mean', [leaf('test.c'), leaf('test.d')]),
      ]),
    ),
  );
}

/** A catalogue for the small model: every indicator with the given origin and window. */
export function smallCatalogue(
  carryForwardMonths: Partial<Record<string, number>> = {},
): NonNullable<RiskProfilerOptions['indicators']> {
  return ['test.a', 'test.b', 'test.c', 'test.d'].map((code) => {
    const months = carryForwardMonths[code];
    return months === undefined
      ? { code, origin: 'signals' as const }
      : { code, origin: 'external' as const, validity: { carryForwardMonths: months } };
  });
}

/** The profile of one month of one area, computed over `from`…`to`. */
export function profileOf(
  observations: readonly ProfileObservation[],
  month: Month,
  options: RiskProfilerOptions & { from?: Month; to?: Month } = {},
  compiled = smallModel(),
): RiskProfile {
  const { from = month, to = month, ...rest } = options;
  const profiler = createRiskProfiler(compiled, { indicators: smallCatalogue(), ...rest });
  return profiler.compute({ area: 'AFG', observations }, { from, to }).profile(month);
}

export const reliabilities: readonly Reliability[] = ['high', 'medium', 'low'];
