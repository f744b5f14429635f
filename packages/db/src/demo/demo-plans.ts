import { newId, type Area, type IsoDate, type Organisation } from '@prevention/core';
import {
  PlanContent,
  diffPlans,
  planLifecycleSteps,
  type CollectiveOutcome,
  type FundingFlow,
  type PlanAction,
  type PlanStatus,
  type ProgressReport,
} from '@prevention/planning';
import type { PlanWrite } from '../repositories/plans.js';
import { activityStatusOn, generateProgressReports } from './demo-progress-reports.js';
import {
  demoUsdRates,
  type ActionStory,
  type DemoPeople,
  type FlowStory,
  type IndicatorStory,
  type OrganisationKey,
  type OutcomeStory,
  type PlanStory,
} from './demo-plan-story.js';
import type { Random } from './random.js';

/** A demo plan as the loader stores it: its revisions in order (the first creates it) and its reports. */
export interface DemoPlan {
  id: string;
  countryCode: string;
  revisions: PlanWrite[];
  reports: ProgressReport[];
  /** The ids its outcomes and actions were given, by their keys in the story. */
  outcomeIds: ReadonlyMap<string, string>;
  actionIds: ReadonlyMap<string, string>;
}

export interface DemoPlanContext {
  random: Random;
  organisations: readonly Organisation[];
  subnationalAreas: readonly Area[];
  people: DemoPeople;
}

/**
 * Writes out a plan story: every revision holds the plan as it stood on its day (the actions
 * added by then, the dates and indicator values reached, each flow in its latest status), so
 * the history reads as a country team's year would, and each one passes `PlanContent`. An
 * active plan gets its actions' progress reports.
 */
export function generateDemoPlan(story: PlanStory, context: DemoPlanContext): DemoPlan {
  const { random } = context;
  const created = story.revisions[0]?.at;
  if (story.revisions[0]?.action !== 'create' || created === undefined)
    throw new Error(`The ${story.countryCode} plan story does not begin with its creation`);
  const id = (at: string) => newId(Date.parse(at), random.bytes(10));
  const planId = id(created);
  const organisationOf = organisationResolver(context.organisations, story.countryCode);
  const areaOf = areaResolver(context.subnationalAreas, story.countryCode);

  const outcomes = story.outcomes.map((outcome) => ({
    story: outcome,
    id: id(created),
    indicatorIds: outcome.indicators.map(() => id(created)),
  }));
  const outcomeIds = new Map(outcomes.map((o) => [o.story.key, o.id]));
  const actions = story.actions.map((action) => ({
    story: action,
    id: id(action.addedOn ?? created),
  }));
  const actionIds = new Map(actions.map((a) => [a.story.key, a.id]));
  const flows = story.flows.map((flow) => ({
    story: flow,
    id: id(flow.history[0]?.[1] ?? created),
  }));
  const keyed = <T>(ids: ReadonlyMap<string, T>, key: string, what: string): T => {
    const found = ids.get(key);
    if (found === undefined) throw new Error(`The ${story.countryCode} plan has no ${what} ${key}`);
    return found;
  };

  const contentOn = (day: IsoDate): PlanContent => {
    const present = actions.filter((a) => (a.story.addedOn ?? created.slice(0, 10)) <= day);
    const presentIds = new Set(present.map((a) => a.id));
    return PlanContent.parse({
      title: story.title,
      cycle: { startYear: story.cycle[0], endYear: story.cycle[1] },
      outcomes: outcomes.map((o) => outcomeOn(o.story, o.id, o.indicatorIds, day)),
      actions: present.map((a) =>
        actionOn(a.story, a.id, day, {
          outcomeId: (key) => keyed(outcomeIds, key, 'outcome'),
          organisationOf,
          areaOf,
          people: context.people,
        }),
      ),
      flows: flows.flatMap(({ story: flow, id: flowId }) =>
        flowOn(flow, flowId, day, organisationOf, () => {
          const outcome = flow.to.startsWith('outcome:') ? flow.to.slice('outcome:'.length) : null;
          if (outcome !== null)
            return { kind: 'outcome', outcomeId: keyed(outcomeIds, outcome, 'outcome') };
          const actionId = keyed(actionIds, flow.to, 'action');
          if (!presentIds.has(actionId))
            throw new Error(`A flow to ${flow.to} is dated before the action joined the plan`);
          return { kind: 'action', actionId };
        }),
      ),
    });
  };

  const revisions = revisionsOf(story, planId, contentOn, context.people);
  // Progress is reported on a plan being carried out, and only there (as the API has it).
  const activated = story.revisions.find((r) => r.action === 'activate')?.at.slice(0, 10);
  const reports =
    story.status === 'active' && activated !== undefined
      ? actions.flatMap((a) =>
          generateProgressReports(a.story, a.id, { random, people: context.people, activated }),
        )
      : [];
  return { id: planId, countryCode: story.countryCode, revisions, reports, outcomeIds, actionIds };
}

function revisionsOf(
  story: PlanStory,
  planId: string,
  contentOn: (day: IsoDate) => PlanContent,
  people: DemoPeople,
): PlanWrite[] {
  const writes: PlanWrite[] = [];
  let status: PlanStatus = 'draft';
  let submittedBy: string | null = null;
  let content: PlanContent | undefined;
  for (const step of story.revisions) {
    const by = people[step.by];
    let changes = 0;
    if (step.action === 'create' || step.action === 'save') {
      const next = contentOn(step.at.slice(0, 10));
      if (content) {
        changes = diffPlans(content, next).length;
        // A save that changes nothing stores nothing, as the API's save does.
        if (changes === 0) continue;
      }
      content = next;
    } else {
      const lifecycle = planLifecycleSteps[step.action];
      if (lifecycle.from !== status || !lifecycle.roles.includes(step.by))
        throw new Error(`The ${story.countryCode} plan cannot be ${lifecycle.pastTense} here`);
      if (step.action === 'endorse' && submittedBy === by)
        throw new Error(`The ${story.countryCode} plan is endorsed by the one who submitted it`);
      status = lifecycle.to;
      submittedBy = step.action === 'submit' ? by : step.action === 'return' ? null : submittedBy;
    }
    if (!content) throw new Error(`The ${story.countryCode} plan has no content`);
    writes.push({
      id: planId,
      countryCode: story.countryCode,
      status,
      revision: writes.length + 1,
      sensitivity: story.sensitivity,
      content,
      submittedBy,
      action: step.action,
      note: step.note ?? null,
      changes,
      by,
      at: new Date(step.at),
    });
  }
  if (status !== story.status)
    throw new Error(`The ${story.countryCode} plan ends ${status}, its story says ${story.status}`);
  return writes;
}

function outcomeOn(
  outcome: OutcomeStory,
  id: string,
  indicatorIds: readonly string[],
  day: IsoDate,
): CollectiveOutcome {
  return {
    id,
    title: outcome.title,
    description: outcome.description,
    pillars: outcome.pillars,
    indicators: outcome.indicators.map((indicator, i) =>
      indicatorOn(indicator, indicatorIds[i] ?? '', day),
    ),
    sdgTargets: outcome.sdgTargets,
    riskNodes: outcome.riskNodes,
  };
}

function indicatorOn(indicator: IndicatorStory, id: string, day: IsoDate) {
  const reading = (r: { value?: number; narrative?: string }) => ({
    value: r.value ?? null,
    narrative: r.narrative ?? null,
  });
  return {
    id,
    title: indicator.title,
    measure: indicator.measure,
    ascending: indicator.ascending,
    baseline: { year: indicator.baseline.year, ...reading(indicator.baseline) },
    targets: indicator.targets.map((t) => ({ date: t.date, ...reading(t) })),
    // A value is in the plan once it has been reported: on its date or after.
    actuals: indicator.actuals
      .filter((a) => a.date <= day)
      .map((a) => ({ date: a.date, ...reading(a) })),
  };
}

interface ActionResolvers {
  outcomeId: (key: string) => string;
  organisationOf: (key: OrganisationKey) => string;
  areaOf: (name: string) => string;
  people: DemoPeople;
}

function actionOn(
  action: ActionStory,
  id: string,
  day: IsoDate,
  resolve: ActionResolvers,
): PlanAction {
  const reached = (date: IsoDate | undefined) => (date !== undefined && date <= day ? date : null);
  return {
    id,
    title: action.title,
    outcomeIds: action.outcomes.map(resolve.outcomeId),
    pillars: action.pillars,
    stage: action.stage,
    leadOrganisationId: resolve.organisationOf(action.lead),
    partners: action.partners.map(([key, role]) => ({
      organisationId: resolve.organisationOf(key),
      role,
    })),
    areas: action.areas.map(resolve.areaOf),
    plannedStart: action.planned[0],
    plannedEnd: action.planned[1],
    actualStart: reached(action.started),
    actualEnd: reached(action.ended),
    status: activityStatusOn(action, day),
    genderMarker: action.gender,
    humanRightsMarker: action.humanRights,
    riskDrivers: action.riskDrivers,
    alertIds: [],
    requiredBudget: Object.entries(action.budget)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([year, amount]) => ({ year, amountUsd: String(amount) })),
    focalPointId: action.focalPoint ? resolve.people[action.focalPoint] : null,
  };
}

/** The flow as it stood on `day` (its latest status by then), or nothing before its first. */
function flowOn(
  flow: FlowStory,
  id: string,
  day: IsoDate,
  organisationOf: (key: OrganisationKey) => string,
  target: () => FundingFlow['target'],
): FundingFlow[] {
  const reached = flow.history.filter(([, date]) => date <= day).at(-1);
  if (!reached) return [];
  const usdRate = demoUsdRates[flow.currency];
  if (usdRate === undefined) throw new Error(`The demo states no rate for ${flow.currency}`);
  return [
    {
      id,
      sourceOrganisationId: organisationOf(flow.from),
      target: target(),
      status: reached[0],
      date: reached[1],
      amount: String(flow.amount),
      currency: flow.currency,
      usdRate,
      description: flow.description ?? null,
    },
  ];
}

/**
 * Finds the organisation a story names: the country's own by kind (its two civil-society
 * groups in the order the demo made them), a donor government by its country code, or an
 * international organisation by its acronym.
 */
function organisationResolver(
  organisations: readonly Organisation[],
  countryCode: string,
): (key: OrganisationKey) => string {
  const national = organisations.filter((o) => o.countryCode === countryCode);
  const ofKind = (kind: Organisation['kind']) => national.filter((o) => o.kind === kind);
  const byKey = new Map<string, Organisation | undefined>([
    ['government', ofKind('government')[0]],
    ['civil-society-1', ofKind('civil-society')[0]],
    ['civil-society-2', ofKind('civil-society')[1]],
    ['academia', ofKind('academia')[0]],
    ['private-sector', ofKind('private-sector')[0]],
  ]);
  return (key) => {
    const found =
      byKey.get(key) ??
      organisations.find((o) => o.kind === 'government' && o.countryCode === key) ??
      organisations.find((o) => o.countryCode === null && o.acronym === key);
    if (!found) throw new Error(`The demo has no organisation ${key} for ${countryCode}`);
    return found.id;
  };
}

function areaResolver(areas: readonly Area[], countryCode: string): (name: string) => string {
  const codes = new Map(
    areas.filter((a) => a.parentCode === countryCode).map((a) => [a.name, a.code]),
  );
  return (name) => {
    const code = codes.get(name);
    if (code === undefined) throw new Error(`${countryCode} has no demo area named ${name}`);
    return code;
  };
}
