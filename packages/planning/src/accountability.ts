import type { Id, IsoDate } from '@prevention/core';
import { daysBetween } from './calendar-days.js';
import { endedActivityStatuses, type OrganisationRole } from './codes.js';
import { decisionStatus, isOverdue, type LoggedDecision } from './decision-log.js';
import type { PlanFinancing } from './financing.js';
import type { FundingFlow } from './funding-flow.js';
import type { UsdCents } from './money.js';
import type { DatedReading, OutcomeIndicator } from './outcome.js';
import type { PlanAction } from './action.js';
import type { PlanContent } from './plan.js';
import type { ProgressReport } from './progress-report.js';

/** Why an action is late. */
export type Lateness = 'start-overdue' | 'end-overdue' | 'no-recent-report';

export interface LateAction {
  actionId: Id;
  reasons: Lateness[];
  lastReportOn: IsoDate | null;
}

export interface LatenessOptions {
  /** An action under way reports at least this often, in days. Default 90 (a quarter). */
  reportEveryDays?: number;
}

/**
 * What is late on `today`: an action not started by its planned start, not ended by its planned
 * end, or under way (started, not ended) with no progress report for more than `reportEveryDays`
 * — counted from its last report, or from its actual start when it has none. Ended actions (closed, cancelled)
 * are never late.
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

export interface OrganisationRoleInPlan {
  organisationId: Id;
  /** The actions it leads. */
  leads: Id[];
  /** The actions it is a partner of, in its IATI role. */
  partnerIn: { actionId: Id; role: OrganisationRole }[];
  /** Its share of the plan's actions as lead, 0–1. */
  actionShare: number;
  /** Committed money it gives (as the source of flows), and its share of the plan's. */
  committedUsd: UsdCents;
  moneyShare: number | null;
}

/**
 * Who leads what, and each organisation's share of the plan: of its actions (as lead) and of its
 * committed money (as the source of flows). Organisations in id order.
 */
export function organisationsInPlan(
  content: PlanContent,
  financing: PlanFinancing,
): OrganisationRoleInPlan[] {
  const entries = new Map<Id, Omit<OrganisationRoleInPlan, 'actionShare' | 'moneyShare'>>();
  const entry = (organisationId: Id) => {
    let found = entries.get(organisationId);
    if (!found) {
      found = { organisationId, leads: [], partnerIn: [], committedUsd: 0 };
      entries.set(organisationId, found);
    }
    return found;
  };
  for (const action of content.actions) {
    entry(action.leadOrganisationId).leads.push(action.id);
    for (const { organisationId, role } of action.partners)
      entry(organisationId).partnerIn.push({ actionId: action.id, role });
  }
  const flows = new Map<Id, FundingFlow>(content.flows.map((flow) => [flow.id, flow]));
  for (const apportionment of financing.apportionments) {
    if (apportionment.source.kind !== 'flow' || !apportionment.countedIn.includes('committedUsd'))
      continue;
    const flow = flows.get(apportionment.source.flowId);
    if (flow) entry(flow.sourceOrganisationId).committedUsd += apportionment.usd;
  }
  const actions = content.actions.length;
  const committed = financing.plan.committedUsd;
  return [...entries.values()]
    .sort((a, b) => a.organisationId.localeCompare(b.organisationId))
    .map((e) => ({
      ...e,
      actionShare: actions === 0 ? 0 : e.leads.length / actions,
      moneyShare: committed === 0 ? null : e.committedUsd / committed,
    }));
}

export interface TargetProgress {
  target: DatedReading;
  /** The latest actual reported on or before the target's date. */
  actual: DatedReading | null;
  /** Whether the actual reaches the target (in the indicator's direction); null for qualitative measures or without an actual. */
  met: boolean | null;
}

export interface IndicatorProgress {
  indicatorId: Id;
  /** Actual values, oldest first. */
  actuals: DatedReading[];
  targets: TargetProgress[];
}

/** An outcome indicator's actuals against each of its targets over time. */
export function indicatorProgress(indicator: OutcomeIndicator): IndicatorProgress {
  const actuals = [...indicator.actuals].sort((a, b) => a.date.localeCompare(b.date));
  const targets = [...indicator.targets]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((target) => {
      const actual = actuals.filter((a) => a.date <= target.date).at(-1) ?? null;
      return { target, actual, met: targetMet(indicator, target, actual) };
    });
  return { indicatorId: indicator.id, actuals, targets };
}

function targetMet(
  indicator: Pick<OutcomeIndicator, 'measure' | 'ascending'>,
  target: DatedReading,
  actual: DatedReading | null,
): boolean | null {
  if (indicator.measure === 'qualitative' || actual?.value == null || target.value === null)
    return null;
  return indicator.ascending ? actual.value >= target.value : actual.value <= target.value;
}

export interface DueFromUser {
  /** Decisions they own that are not completed, the earliest due first, overdue derived. */
  decisions: { decision: LoggedDecision; overdue: boolean }[];
  /** Actions they are the focal point of that have not ended, with whether each is late. */
  actions: { actionId: Id; late: Lateness[] }[];
}

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
      .map((decision) => ({ decision, overdue: isOverdue(decision, today) })),
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
