import type { RiskClasses } from '@prevention/core';

/** The class of a score: the last class whose lower bound is at most the score. */
export function classify(score: number, classes: RiskClasses): RiskClasses[number] | undefined {
  if (Number.isNaN(score)) return undefined;
  let found: RiskClasses[number] | undefined;
  for (const c of classes) if (c.from <= score) found = c;
  return found;
}

/**
 * The five risk classes of the INFORM Risk Index: very low < 2.0 ≤ low < 3.5 ≤ medium < 5.0
 * ≤ high < 6.5 ≤ very high. The platform's own model uses the same thresholds.
 */
export const informRiskClasses: RiskClasses = [
  { id: 'very-low', label: { en: 'Very low', fr: 'Très faible', ar: 'منخفض جداً' }, from: 0 },
  { id: 'low', label: { en: 'Low', fr: 'Faible', ar: 'منخفض' }, from: 2 },
  { id: 'medium', label: { en: 'Medium', fr: 'Moyen', ar: 'متوسط' }, from: 3.5 },
  { id: 'high', label: { en: 'High', fr: 'Élevé', ar: 'مرتفع' }, from: 5 },
  { id: 'very-high', label: { en: 'Very high', fr: 'Très élevé', ar: 'مرتفع جداً' }, from: 6.5 },
];
