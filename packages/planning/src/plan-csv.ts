import type { Id } from '@prevention/core';
import { formatCsvLine } from '@prevention/exchange';
import { activityStatuses } from './codes.js';
import { computePlanFinancing } from './financing.js';
import { formatUsd } from './money.js';
import { noMoney, type MoneyTotals } from './money-totals.js';
import type { PlanContent } from './plan.js';

export const planCsvColumns = [
  'level',
  'id',
  'title',
  'outcome_ids',
  'pillars',
  'stage',
  'lead_organisation',
  'activity_status',
  'activity_status_name',
  'gender_marker',
  'human_rights_marker',
  'planned_start',
  'planned_end',
  'required_usd',
  'pledged_usd',
  'committed_usd',
  'disbursed_usd',
  'gap_committed_usd',
  'gap_disbursed_usd',
] as const;
export type PlanCsvColumn = (typeof planCsvColumns)[number];

type PlanCsvRow = Partial<Record<PlanCsvColumn, string>>;

export interface PlanCsvOptions {
  /** How an organisation is written: its name, say. Default its id. */
  organisationName?: (organisationId: Id) => string;
}

function moneyColumns(totals: MoneyTotals): PlanCsvRow {
  return {
    required_usd: formatUsd(totals.requiredUsd),
    pledged_usd: formatUsd(totals.pledgedUsd),
    committed_usd: formatUsd(totals.committedUsd),
    disbursed_usd: formatUsd(totals.disbursedUsd),
    gap_committed_usd: formatUsd(totals.gapCommittedUsd),
    gap_disbursed_usd: formatUsd(totals.gapDisbursedUsd),
  };
}

/**
 * The plan as CSV lines (RFC 4180, CRLF-terminated, every cell guarded against formula injection
 * by the exchange package's writer): a header, one row per action with its money, then one row
 * per outcome given money directly, so that the money columns add up to the plan's totals.
 * Amounts are US dollars with two decimals; lists are joined with `;`.
 */
export function planCsvLines(content: PlanContent, options: PlanCsvOptions = {}): string[] {
  const name = options.organisationName ?? ((id: Id) => id);
  const financing = computePlanFinancing(content);
  const actionRows = content.actions.map((action): PlanCsvRow => ({
    level: 'action',
    id: action.id,
    title: action.title,
    outcome_ids: action.outcomeIds.join(';'),
    pillars: action.pillars.join(';'),
    stage: action.stage,
    lead_organisation: name(action.leadOrganisationId),
    activity_status: String(action.status),
    activity_status_name: activityStatuses[action.status].en,
    gender_marker: String(action.genderMarker),
    human_rights_marker: String(action.humanRightsMarker),
    planned_start: action.plannedStart,
    planned_end: action.plannedEnd,
    ...moneyColumns(financing.byAction[action.id] ?? noMoney()),
  }));
  const outcomeRows = content.outcomes.flatMap((outcome): PlanCsvRow[] => {
    const direct = financing.outcomeLevelByOutcome[outcome.id];
    if (direct === undefined) return [];
    return [
      {
        level: 'outcome',
        id: outcome.id,
        title: outcome.title,
        outcome_ids: outcome.id,
        pillars: outcome.pillars.join(';'),
        ...moneyColumns(direct),
      },
    ];
  });
  const line = (row: PlanCsvRow) =>
    formatCsvLine(planCsvColumns.map((column) => row[column] ?? ''));
  return [formatCsvLine(planCsvColumns), ...actionRows.map(line), ...outcomeRows.map(line)];
}
