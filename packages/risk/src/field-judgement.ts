import { informRiskClasses } from './classify.js';

/**
 * The class a field team's judgement stands for: the highest likelihood × impact (each 1–5) of
 * an endorsed joint assessment's identified risks, read on the usual five-by-five matrix —
 * 1–2 very low, 3–4 low, 5–9 medium, 10–15 high, 16–25 very high. The bands are the matrix's
 * diagonals, so that "almost certain but minor" (5 × 1) and "rare but catastrophic" (1 × 5)
 * both read as medium, and only a risk at least likely (4) and severe (4) reads as very high.
 */
export function judgementClass(likelihoodTimesImpact: number): string | undefined {
  if (!(likelihoodTimesImpact >= 1 && likelihoodTimesImpact <= 25)) return undefined;
  if (likelihoodTimesImpact >= 16) return 'very-high';
  if (likelihoodTimesImpact >= 10) return 'high';
  if (likelihoodTimesImpact >= 5) return 'medium';
  if (likelihoodTimesImpact >= 3) return 'low';
  return 'very-low';
}

/**
 * How many classes apart two classes of the five are (0 for the same class), or undefined when
 * either is not one of them.
 */
export function classDistance(a: string, b: string): number | undefined {
  const order = informRiskClasses.map((c) => c.id);
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  return i < 0 || j < 0 ? undefined : Math.abs(i - j);
}
