import { Id, IsoDate } from '@prevention/core';
import { z } from 'zod';
import type { PlanAction } from './action.js';
import { daysBetween } from './calendar-days.js';
import { endedActivityStatuses } from './codes.js';
import type { PlanContent } from './plan.js';
import type { ProgressReport } from './progress-report.js';

/** Why an action is late. */
export const Lateness = z.enum(['start-overdue', 'end-overdue', 'no-recent-report']);
export type Lateness = z.infer<typeof Lateness>;

export const LateAction = z
  .object({ actionId: Id, reasons: z.array(Lateness), lastReportOn: IsoDate.nullable() })
  .strict();
export type LateAction = z.infer<typeof LateAction>;

export interface LatenessOptions {
  /** An action under way reports at least this often, in days. Default 90 (a quarter). */
  reportEveryDays?: number;
}

/**
 * What is late on `today`: an action not started by its planned start, not ended by its planned
 * end, or under way (started, not ended) with no progress report for more than `reportEveryDays`,
 * counted from its last report or, without one, from its actual start. Ended actions (closed,
 * cancelled) are never late.
 */
export function lateActions(
  content: PlanContent,
  reports: readonly ProgressReport[],
  today: IsoDate,
  { reportEveryDays = 90 }: LatenessOptions = {},
): LateAction[] {
  const lastReport = latestReportDates(reports);
  return content.actions.flatMap((action) => {
    if (endedActivityStatuses.includes(action.status)) return [];
    const lastReportOn = lastReport.get(action.id) ?? null;
    const reasons = latenessOf(action, lastReportOn, today, reportEveryDays);
    return reasons.length === 0 ? [] : [{ actionId: action.id, reasons, lastReportOn }];
  });
}

function latenessOf(
  action: PlanAction,
  lastReportOn: IsoDate | null,
  today: IsoDate,
  reportEveryDays: number,
): Lateness[] {
  const reasons: Lateness[] = [];
  if (action.actualStart === null && action.plannedStart < today) reasons.push('start-overdue');
  if (action.actualEnd === null && action.plannedEnd < today) reasons.push('end-overdue');
  const underWay = action.actualStart !== null && action.actualEnd === null;
  const since = lastReportOn ?? action.actualStart;
  if (underWay && since !== null && daysBetween(since, today) > reportEveryDays)
    reasons.push('no-recent-report');
  return reasons;
}

function latestReportDates(reports: readonly ProgressReport[]): Map<Id, IsoDate> {
  const latest = new Map<Id, IsoDate>();
  for (const { actionId, date } of reports) {
    const seen = latest.get(actionId);
    if (seen === undefined || seen < date) latest.set(actionId, date);
  }
  return latest;
}
