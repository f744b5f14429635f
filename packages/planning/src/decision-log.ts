import { CountryCode, Id, IsoDate } from '@prevention/core';
import { z } from 'zod';

/** The leadership bodies whose meetings the log records. */
export const DecisionBody = z.enum(['country-team', 'regional-body', 'hq-executive-committee']);
export type DecisionBody = z.infer<typeof DecisionBody>;

export const DecisionKind = z.enum(['decision', 'information', 'action']);
export type DecisionKind = z.infer<typeof DecisionKind>;

/** A decision's stored status. Overdue is not among them: it is derived from the date. */
export const DecisionStatus = z.enum(['open', 'ongoing', 'completed']);
export type DecisionStatus = z.infer<typeof DecisionStatus>;

export const Meeting = z
  .object({
    body: DecisionBody,
    /** The body's name, e.g. "UN Country Team Sudan". */
    bodyName: z.string().min(1).max(200),
    title: z.string().min(1).max(300),
    date: IsoDate,
  })
  .strict();
export type Meeting = z.infer<typeof Meeting>;

/** An entry in a decision's history: what was done, and the status it left the decision in. */
export const FollowUp = z
  .object({
    date: IsoDate,
    authorId: Id,
    text: z.string().min(1).max(4000),
    status: DecisionStatus,
  })
  .strict();
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * What a leadership meeting decided, who owns it, by when, what it concerns (alerts, outcomes,
 * actions) and what became of it. The status is the latest follow-up's, or `open` before any.
 */
export const LoggedDecision = z
  .object({
    id: Id,
    /** The country it concerns; null for a decision across countries (HQ's, a region's). */
    countryCode: CountryCode.nullable(),
    meeting: Meeting,
    text: z.string().min(1).max(8000),
    kind: DecisionKind,
    ownerId: Id.nullable(),
    dueDate: IsoDate.nullable(),
    links: z
      .object({
        alertIds: z.array(Id).max(100),
        outcomeIds: z.array(Id).max(100),
        actionIds: z.array(Id).max(100),
      })
      .strict(),
    followUps: z.array(FollowUp).max(500),
  })
  .strict()
  .refine((d) => d.kind === 'information' || (d.ownerId !== null && d.dueDate !== null), {
    message: 'A decision or an action has an owner and a due date',
    path: ['ownerId'],
  })
  .refine(
    (d) => d.followUps.every((f, i) => i === 0 || (d.followUps[i - 1]?.date ?? '') <= f.date),
    {
      message: 'Follow-ups are in date order',
      path: ['followUps'],
    },
  );
export type LoggedDecision = z.infer<typeof LoggedDecision>;

/** A decision's current status: its latest follow-up's, `open` before any. */
export function decisionStatus(decision: Pick<LoggedDecision, 'followUps'>): DecisionStatus {
  return decision.followUps.at(-1)?.status ?? 'open';
}

/** Overdue: not completed and past its due date on `today`. Derived every time, never stored. */
export function isOverdue(
  decision: Pick<LoggedDecision, 'dueDate' | 'followUps'>,
  today: IsoDate,
): boolean {
  return (
    decision.dueDate !== null &&
    decision.dueDate < today &&
    decisionStatus(decision) !== 'completed'
  );
}

/** A decision as a view shows it on a day: its derived status and whether it is overdue. */
export const DecisionView = z
  .object({ decision: LoggedDecision, status: DecisionStatus, overdue: z.boolean() })
  .strict();
export type DecisionView = z.infer<typeof DecisionView>;

export function viewDecision(decision: LoggedDecision, today: IsoDate): DecisionView {
  return { decision, status: decisionStatus(decision), overdue: isOverdue(decision, today) };
}
