import { newId } from '@prevention/core';
import type { PlanContentView } from './plan-types.js';

type Outcome = PlanContentView['outcomes'][number];
type Action = PlanContentView['actions'][number];
type Flow = PlanContentView['flows'][number];

/*
 * The editor's changes to a plan, as pure functions from the content the reader has to the
 * content they save: the server validates the whole of it again, so these only shape it.
 */

export interface OutcomeDraft {
  title: string;
  description: string;
  pillars: Outcome['pillars'];
  /** SDG targets as typed, e.g. "16.1, 5.2". */
  sdgTargets: string;
}

export function withOutcome(content: PlanContentView, draft: OutcomeDraft): PlanContentView {
  const outcome: Outcome = {
    id: newId(),
    title: draft.title.trim(),
    description: draft.description.trim() || null,
    pillars: draft.pillars,
    indicators: [],
    sdgTargets: sdgTargetsOf(draft.sdgTargets),
    riskNodes: [],
  };
  return { ...content, outcomes: [...content.outcomes, outcome] };
}

/** "16.1, 5.2 16.a" → ["16.1", "5.2", "16.a"], each once. */
export function sdgTargetsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((target) => target !== ''))];
}

export interface ActionDraft {
  title: string;
  outcomeIds: string[];
  pillars: Action['pillars'];
  stage: Action['stage'];
  leadOrganisationId: string;
  plannedStart: string;
  plannedEnd: string;
  status: Action['status'];
  genderMarker: Action['genderMarker'];
  humanRightsMarker: Action['humanRightsMarker'];
  riskDrivers: string[];
  /** The budget required in one year of the cycle, in whole US dollars as typed. */
  budgetYear: string;
  budgetUsd: string;
}

export function withAction(content: PlanContentView, draft: ActionDraft): PlanContentView {
  const amount = draft.budgetUsd.trim();
  const action: Action = {
    id: newId(),
    title: draft.title.trim(),
    outcomeIds: draft.outcomeIds,
    pillars: draft.pillars,
    stage: draft.stage,
    leadOrganisationId: draft.leadOrganisationId,
    partners: [],
    areas: [],
    plannedStart: draft.plannedStart,
    plannedEnd: draft.plannedEnd,
    actualStart: null,
    actualEnd: null,
    status: draft.status,
    genderMarker: draft.genderMarker,
    humanRightsMarker: draft.humanRightsMarker,
    riskDrivers: draft.riskDrivers,
    alertIds: [],
    requiredBudget: amount === '' ? [] : [{ year: draft.budgetYear, amountUsd: amount }],
    focalPointId: null,
  };
  return { ...content, actions: [...content.actions, action] };
}

export interface FlowDraft {
  sourceOrganisationId: string;
  actionId: string;
  status: Flow['status'];
  date: string;
  amount: string;
  currency: string;
  usdRate: string;
}

export function withFlow(content: PlanContentView, draft: FlowDraft): PlanContentView {
  const flow: Flow = {
    id: newId(),
    sourceOrganisationId: draft.sourceOrganisationId,
    target: { kind: 'action', actionId: draft.actionId },
    status: draft.status,
    date: draft.date,
    amount: draft.amount.trim(),
    currency: draft.currency.trim().toUpperCase(),
    usdRate: draft.usdRate.trim(),
    description: null,
  };
  return { ...content, flows: [...content.flows, flow] };
}

/** The years of the cycle, as the budget's year field offers them. */
export function cycleYears(content: PlanContentView): string[] {
  const years: string[] = [];
  for (let year = Number(content.cycle.startYear); year <= Number(content.cycle.endYear); year += 1)
    years.push(String(year));
  return years;
}
