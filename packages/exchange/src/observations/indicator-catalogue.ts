import type { Indicator } from '@prevention/core';
import { developmentIndicators } from '@prevention/development';
import { humanRightsIndicators } from '@prevention/human-rights';
import { peaceSecurityIndicators } from '@prevention/peace-security';

/** The indicators of the three pillars, by code: what an imported value may be a value of. */
export type IndicatorCatalogue = ReadonlyMap<string, Indicator>;

export function indicatorCatalogue(indicators: readonly Indicator[]): IndicatorCatalogue {
  return new Map(indicators.map((indicator) => [indicator.code, indicator]));
}

export const platformIndicators: readonly Indicator[] = [
  ...peaceSecurityIndicators,
  ...developmentIndicators,
  ...humanRightsIndicators,
];
