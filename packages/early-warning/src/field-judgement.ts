import { monthFromIndex } from '@prevention/core';
import { judgementClass } from '@prevention/risk';
import type { z } from 'zod';
import type { FieldJudgementRule } from './rule.js';
import { evidenceMonths, type RuleTest } from './rule-hit.js';

type FieldJudgement = z.infer<typeof FieldJudgementRule>;

/**
 * A field team's high-risk judgement: an assessment endorsed in the month identifies a risk
 * whose likelihood × impact is at least `minScore`. Only the month of endorsement fires: the
 * endorsement is the event, and the alert it opens stays open until someone closes it, so
 * firing again every month after would only push a closed alert back past its cooldown. Never
 * strong (the score is bounded at 25). The evidence's series is the highest likelihood × impact
 * endorsed in each month that had an endorsement; its baseline the highest of the latest earlier
 * endorsement within the window, if any.
 */
export const testFieldJudgement: RuleTest<FieldJudgement> = (condition, history, index) => {
  const found = history
    .judgementsIn(index)
    .filter((j) => j.likelihood * j.impact >= condition.minScore);
  if (found.length === 0) return null;
  return {
    strong: false,
    evidence: () => {
      const series = [];
      let baseline: number | null = null;
      for (let i = index - evidenceMonths + 1; i <= index; i += 1) {
        const judgements = history.judgementsIn(i);
        if (judgements.length === 0) continue;
        const value = Math.max(...judgements.map((j) => j.likelihood * j.impact));
        series.push({ month: monthFromIndex(i), value });
        if (i < index) baseline = value;
      }
      const worst = found.reduce((a, b) =>
        b.likelihood * b.impact > a.likelihood * a.impact ? b : a,
      );
      const score = worst.likelihood * worst.impact;
      return {
        measure: 'likelihood × impact of identified risks',
        series,
        observed: score,
        baseline,
        threshold: condition.minScore,
        reason: `An assessment endorsed in ${monthFromIndex(index)} rates "${worst.title.slice(0, 200)}" ${worst.likelihood} × ${worst.impact} = ${score} (${judgementClass(score) ?? 'unrated'}), at least ${condition.minScore}.`,
        sourceIds: [...new Set(found.map((j) => j.assessmentId))].slice(-50),
      };
    },
  };
};
