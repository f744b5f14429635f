import { Id, type IsoDate } from '@prevention/core';
import { z } from 'zod';
import { endedActivityStatuses } from './codes.js';
import { DecisionView, decisionStatus, viewDecision, type LoggedDecision } from './decision-log.js';
import { Lateness, lateActions, type LatenessOptions } from './lateness.js';
import type { PlanContent } from './plan.js';
import type { ProgressReport } from './progress-report.js';

export const DueFromUser = z
  .object({
    /** Decisions they own that are not completed, the earliest due first, overdue derived. */
    decisions: z.array(DecisionView),
    /** Actions they are the focal point of that have not ended, with why each is late. */
    actions: z.array(z.object({ actionId: Id, late: z.array(Lateness) }).strict()),
  })
  .strict();
export type DueFromUser = z.infer<typeof DueFromUser>;

/** A user's "due from me": the decisions they own and the actions they answer for. */
export function dueFrom(
  userId: Id,
  content: PlanContent,
  reports: readonly ProgressReport[],
  decisions: readonly LoggedDecision[],
  today: IsoDate,
  options: LatenessOptions = {},
): DueFromUser {
  const late = new Map(lateActions(content, reports, today, options).map((l) => [l.actionId, l]));
  return {
    decisions: decisions
      .filter((d) => d.ownerId === userId && decisionStatus(d) !== 'completed')
      .sort((a, b) => compareDueDates(a.dueDate, b.dueDate))
      .map((decision) => viewDecision(decision, today)),
    actions: content.actions
      .filter((a) => a.focalPointId === userId && !endedActivityStatuses.includes(a.status))
      .map((a) => ({ actionId: a.id, late: late.get(a.id)?.reasons ?? [] })),
  };
}

/** Earlier due dates first; no due date last. */
function compareDueDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return a.localeCompare(b);
}
