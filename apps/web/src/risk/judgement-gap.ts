import type { RiskClasses } from '@prevention/core';

/** Which way, and by how many classes, the field's judgement stands from the computed class. */
export interface JudgementGap {
  direction: 'higher' | 'lower';
  classes: number;
}

/**
 * How the field team's judgement compares with the computed class, on the order of `classes`
 * (lowest first): higher or lower by so many classes, or null when the two are the same class,
 * there is no computed class, or either is not one of `classes`.
 */
export function judgementGap(
  judged: string,
  computed: string | null,
  classes: RiskClasses,
): JudgementGap | null {
  if (computed === null) return null;
  const order = classes.map((riskClass) => riskClass.id);
  const judgedAt = order.indexOf(judged);
  const computedAt = order.indexOf(computed);
  if (judgedAt < 0 || computedAt < 0 || judgedAt === computedAt) return null;
  return {
    direction: judgedAt > computedAt ? 'higher' : 'lower',
    classes: Math.abs(judgedAt - computedAt),
  };
}
