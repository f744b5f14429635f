import { monthFromIndex } from '@prevention/core';
import { informRiskClasses } from '@prevention/risk';
import type { IndexedHistory } from './indexed-history.js';
import type { ClassShiftRule, RiskClassId } from './rule.js';
import { formatNumber, seriesWindow, tolerance, type RuleTest } from './rule-hit.js';
import type { z } from 'zod';

type ClassShift = z.infer<typeof ClassShiftRule>;

/**
 * A class shift up, month by month. A *run* is a stretch of consecutive months whose score is in
 * `toClass` or higher (at or above the class's lower edge). A run counts as a shift up only when
 * the month before it has a score below the edge: a series that starts high, or comes back from a
 * month without a score, is not seen shifting. The shift is *established* in the first month of
 * the run in which it has held for `persistMonths` months or the score clears the edge by
 * `margin` or more, and the rule fires in that month and every later month of the run, so that
 * an open alert is kept up to date while the shift lasts; it stops with the run. A margin of 0
 * therefore fires on the first month in the class.
 */
export const testClassShift: RuleTest<ClassShift> = (condition, history, index) => {
  const runs = shiftRuns(condition, history);
  const offset = index - runs.start;
  const runStart = runs.establishedRunStart[offset];
  if (runStart === undefined || runStart < 0) return null;
  return {
    strong: false,
    evidence: () => {
      const series = history.score(condition.node);
      const observed = series.values[offset] ?? NaN;
      const before = series.values[runStart - series.start - 1] ?? NaN;
      const edge = classEdge(condition.toClass);
      const held = index - runStart + 1;
      const month = monthFromIndex(index);
      const how =
        held >= condition.persistMonths
          ? `for ${held} month${held === 1 ? '' : 's'} since ${monthFromIndex(runStart)}`
          : `clearing its lower edge of ${formatNumber(edge)} by ${formatNumber(condition.margin)} or more`;
      return {
        measure: `${condition.node} score`,
        series: seriesWindow(series, index),
        observed,
        baseline: before,
        threshold: edge,
        reason: `${condition.node} scored ${formatNumber(observed)} in ${month}, ${condition.toClass} or higher ${how}, up from ${formatNumber(before)} in ${monthFromIndex(runStart - 1)}.`,
        sourceIds: [],
      };
    },
  };
};

/** The lower edge of a class on the five-class scale the risk engine classifies on. */
export function classEdge(id: RiskClassId): number {
  const found = informRiskClasses.find((c) => c.id === id);
  if (found === undefined) throw new RangeError(`Unknown risk class ${id}`);
  return found.from;
}

interface ShiftRuns {
  readonly start: number;
  /** Per month: the index of the first month of its run where the shift is established, else -1. */
  readonly establishedRunStart: Int32Array;
}

/** One pass over the node's series, computed once per layer and condition. */
function shiftRuns(condition: ClassShift, history: IndexedHistory): ShiftRuns {
  const key = `class-shift:${condition.node}:${condition.toClass}:${condition.persistMonths}:${condition.margin}`;
  return history.memo(key, () => {
    const series = history.score(condition.node);
    const edge = classEdge(condition.toClass);
    const marked = new Int32Array(series.values.length).fill(-1);
    let runStart = -1; // index of the run's first month; -2 for a run that is no shift up
    let established = false;
    let belowBefore = false;
    series.values.forEach((score, offset) => {
      if (Number.isNaN(score) || score < edge) {
        belowBefore = !Number.isNaN(score);
        runStart = -1;
        established = false;
        return;
      }
      if (runStart === -1) runStart = belowBefore ? series.start + offset : -2;
      belowBefore = false;
      if (runStart < 0) return;
      const held = series.start + offset - runStart + 1;
      if (held >= condition.persistMonths || score >= edge + condition.margin - tolerance)
        established = true;
      if (established) marked[offset] = runStart;
    });
    return { start: series.start, establishedRunStart: marked };
  });
}
