import type { IsoDate, PillarId, Role, Sensitivity } from '@prevention/core';
import type {
  ActivityStatus,
  DecisionKind,
  DecisionStatus,
  FlowStatus,
  IndicatorMeasure,
  Marker,
  OrganisationRole,
  PlanLifecycleAction,
  PlanStatus,
  Stage,
} from '@prevention/planning';

/*
 * The shape in which the demo's plans are written down: a story per country, in the words and
 * figures a country team would use, which `generateDemoPlans` turns into plan documents,
 * revisions, progress reports and decisions that pass the planning schemas. Stories refer to
 * organisations, outcomes, actions and people by short keys, so they read as prose.
 */

/** The day the demo's plans stand on: what is late and overdue is late and overdue from here. */
export const demoPlansAsOf: IsoDate = '2026-11-30';

/** The demo users the plans name, by the role each holds in the demo. */
export type DemoPerson = Extract<
  Role,
  'country-team-lead' | 'reviewer' | 'hq-planner' | 'field-officer'
>;
export type DemoPeople = Readonly<Record<DemoPerson, string>>;

/**
 * An organisation as a story names it: an international one by its acronym (`UNDP`, `AU`,
 * `PBF` …), a donor government by its country code (`NOR`), or one of the plan country's own
 * by its place in the demo: its government, its two civil-society groups, its academic
 * institution or its business association.
 */
export type OrganisationKey =
  | 'government'
  | 'civil-society-1'
  | 'civil-society-2'
  | 'academia'
  | 'private-sector'
  | (string & {});

/**
 * The US dollars one unit of each currency is worth in the demo's flows: invented round figures
 * near those of 2025, stated once so every flow converts at the same rate.
 */
export const demoUsdRates: Readonly<Record<string, string>> = {
  USD: '1',
  EUR: '1.08',
  GBP: '1.27',
  CHF: '1.13',
  NOK: '0.094',
  SEK: '0.096',
  SDG: '0.0017',
  SSP: '0.00022',
  XOF: '0.00165',
};

export interface IndicatorStory {
  title: string;
  measure: IndicatorMeasure;
  /** Whether a higher value is better. */
  ascending: boolean;
  baseline: { year: string; value?: number; narrative?: string };
  targets: { date: IsoDate; value?: number; narrative?: string }[];
  actuals: { date: IsoDate; value?: number; narrative?: string }[];
}

export interface OutcomeStory {
  key: string;
  title: string;
  description: string;
  pillars: PillarId[];
  sdgTargets: string[];
  riskNodes: string[];
  indicators: IndicatorStory[];
}

/** How the lead of an action under way has reported on it. */
export type ReportingStory =
  /** Every quarter, up to the last few weeks. */
  | 'quarterly'
  /** Every quarter until this date, then nothing: the action is late for want of a report. */
  | { until: IsoDate };

export interface ActionStory {
  key: string;
  title: string;
  outcomes: string[];
  pillars: PillarId[];
  stage: Stage;
  lead: OrganisationKey;
  partners: [OrganisationKey, OrganisationRole][];
  /** Names of first-level units of the plan's country; none for an action across the country. */
  areas: string[];
  planned: [start: IsoDate, end: IsoDate];
  started?: IsoDate;
  ended?: IsoDate;
  /** Where it came to rest, if not simply under way (or pipeline, before it starts): since when. */
  settled?: { status: ActivityStatus; since: IsoDate };
  gender: Marker;
  humanRights: Marker;
  riskDrivers: string[];
  /** US dollars needed, by year of the cycle. */
  budget: Record<string, number>;
  focalPoint?: DemoPerson;
  reporting?: ReportingStory;
  /** How well it goes, 0–1: milestones met against time elapsed, and so the rating. */
  pace?: number;
  /** A save after the plan was created brought it in. */
  addedOn?: IsoDate;
}

export interface FlowStory {
  from: OrganisationKey;
  /** An action's key, or `outcome:` and an outcome's key for money given to the outcome. */
  to: string;
  amount: number;
  currency: keyof typeof demoUsdRates & string;
  /** The statuses the flow has passed through, oldest first: its latest one up to a day counts. */
  history: [FlowStatus, IsoDate][];
  description?: string;
}

/** A step in the plan's life: the document as it stood that day, saved or moved on. */
export interface RevisionStory {
  action: 'create' | 'save' | PlanLifecycleAction;
  by: DemoPerson;
  at: string;
  note?: string;
}

export interface FollowUpStory {
  date: IsoDate;
  by: DemoPerson;
  text: string;
  status: DecisionStatus;
}

export interface DecisionStory {
  meeting: { title: string; date: IsoDate };
  text: string;
  kind: DecisionKind;
  owner?: DemoPerson;
  due?: IsoDate;
  outcomes?: string[];
  actions?: string[];
  followUps?: FollowUpStory[];
}

export interface PlanStory {
  countryCode: string;
  title: string;
  cycle: [startYear: string, endYear: string];
  /** Where the revisions leave it. */
  status: PlanStatus;
  sensitivity: Sensitivity;
  revisions: RevisionStory[];
  outcomes: OutcomeStory[];
  actions: ActionStory[];
  flows: FlowStory[];
  /** The country team's meetings: its body's name and what they decided. */
  countryTeam: { bodyName: string; recordedBy: DemoPerson; decisions: DecisionStory[] };
}
