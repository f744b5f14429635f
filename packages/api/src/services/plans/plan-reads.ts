import {
  AppError,
  isAppError,
  mayView,
  nodesOf,
  type Actor,
  type IsoDate,
  type LocalisedText,
} from '@prevention/core';
import type { DiffEntry } from '@prevention/assessment';
import {
  findDecisions,
  findPlanById,
  findPlanRevisionContents,
  findPlanRevisions,
  findPlans,
  findPlansWithFocalPoint,
  findProgressReports,
  findVisibleRiskProfiles,
  type PlanFilter,
  type PlanHeader,
  type PlanRecord,
  type PlanRevisionSummary,
} from '@prevention/db';
import {
  analysePlanGaps,
  availablePlanActions,
  computePlanFinancing,
  decidePlanEdit,
  diffPlans,
  dueFrom,
  indicatorProgress,
  lateActions,
  mediationSignalKind,
  organisationsInPlan,
  riskDriversOfProfile,
  viewDecision,
  womenInMediationOverTime,
  type DecisionView,
  type GapAnalysis,
  type IndicatorProgress,
  type LateAction,
  type Lateness,
  type OrganisationInPlan,
  type PlanFinancing,
  type PlanLifecycleAction,
  type ProfileRiskDriver,
  type ProgressReport,
  type WomenInMediationYear,
} from '@prevention/planning';
import type { Context } from '../../context.js';
import { nodeOrderOf, profileRange, readStoredProfile } from '../risk/recompute.js';
import { modelVersionFor } from '../risk/risk-views.js';
import { listSignals } from '../signals.js';
import { planReaderFor } from './plan-access.js';

/** How many plans a list holds: one per country and cycle, so a few hundred at most. */
const listLimit = 500;

export function listPlans(ctx: Context, actor: Actor, filter: PlanFilter): Promise<PlanHeader[]> {
  return findPlans(ctx.db, planReaderFor(actor), filter, listLimit);
}

/** A plan as its page shows it: the document, its reports, and what the caller may do to it. */
export interface PlanDetail extends PlanRecord {
  reports: ProgressReport[];
  availableActions: PlanLifecycleAction[];
  mayEdit: boolean;
}

export async function getPlanDetail(ctx: Context, actor: Actor, id: string): Promise<PlanDetail> {
  const plan = await visiblePlan(ctx, actor, id);
  const reports = (await findProgressReports(ctx.db, [plan.id])).get(plan.id) ?? [];
  return {
    ...plan,
    reports,
    availableActions: availablePlanActions(actor, plan),
    mayEdit: decidePlanEdit(actor, plan).allowed,
  };
}

export async function getPlanHistory(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<PlanRevisionSummary[]> {
  const plan = await visiblePlan(ctx, actor, id);
  return findPlanRevisions(ctx.db, plan.id);
}

/**
 * The changes between two revisions, field by field. A revision kept at a level above the
 * caller's clearance (the plan was lowered since) is not theirs to compare.
 */
export async function getPlanDiff(
  ctx: Context,
  actor: Actor,
  id: string,
  from: number,
  to: number,
): Promise<DiffEntry[]> {
  const plan = await visiblePlan(ctx, actor, id);
  const contents = await findPlanRevisionContents(ctx.db, plan.id, [from, to]);
  const before = contents.get(from);
  const after = contents.get(to);
  if (
    !before ||
    !after ||
    !mayView(actor, before.sensitivity) ||
    !mayView(actor, after.sensitivity)
  )
    throw AppError.notFound('The revision');
  return diffPlans(before.content, after.content);
}

/** What the plan's analysis shows besides the plan: its money, gaps, lateness and people. */
export interface PlanAnalysis {
  /** The day the analysis is taken on (lateness and overdue depend on it). */
  today: IsoDate;
  financing: PlanFinancing;
  gaps: GapAnalysis;
  late: LateAction[];
  organisations: OrganisationInPlan[];
  indicators: IndicatorProgress[];
  /** The risk profile whose drivers the gap analysis read; null when the country has none yet. */
  riskProfile: { modelVersionId: string; month: string; drivers: ProfileRiskDriver[] } | null;
  /** The titles of the model's nodes, for the drivers and the plan's risk references. */
  riskNodeTitles: Record<string, LocalisedText>;
  womenInMediation: WomenInMediationYear[];
}

export async function analysePlan(ctx: Context, actor: Actor, id: string): Promise<PlanAnalysis> {
  const plan = await visiblePlan(ctx, actor, id);
  const today = todayOf(ctx);
  const [reports, riskProfile, mediation] = await Promise.all([
    findProgressReports(ctx.db, [plan.id]),
    currentRiskDrivers(ctx, actor, plan.countryCode),
    mediationSignals(ctx, actor, plan.countryCode),
  ]);
  const financing = computePlanFinancing(plan.content);
  return {
    today,
    financing,
    gaps: analysePlanGaps(plan.content, riskProfile?.drivers ?? [], {
      ...(riskProfile ? { pillars: riskProfile.pillars } : {}),
    }),
    late: lateActions(plan.content, reports.get(plan.id) ?? [], today),
    organisations: organisationsInPlan(plan.content, financing),
    indicators: plan.content.outcomes.flatMap((o) => o.indicators.map(indicatorProgress)),
    riskProfile: riskProfile
      ? {
          modelVersionId: riskProfile.modelVersionId,
          month: riskProfile.month,
          drivers: riskProfile.drivers,
        }
      : null,
    riskNodeTitles: riskProfile?.titles ?? {},
    womenInMediation: womenInMediationOverTime(mediation).filter(
      (year) => year.countryCode === plan.countryCode,
    ),
  };
}

/** What a user owes: their open decisions, and the actions of readable plans they answer for. */
export interface DueFromMe {
  today: IsoDate;
  decisions: DecisionView[];
  actions: {
    planId: string;
    countryCode: string;
    actionId: string;
    title: string;
    late: Lateness[];
  }[];
}

export async function dueFromMe(ctx: Context, actor: Actor): Promise<DueFromMe> {
  const today = todayOf(ctx);
  const reader = planReaderFor(actor);
  const [plans, owned] = await Promise.all([
    findPlansWithFocalPoint(ctx.db, reader, actor.userId),
    findDecisions(ctx.db, reader, { ownerId: actor.userId }, 200),
  ]);
  const reports = await findProgressReports(
    ctx.db,
    plans.map((p) => p.id),
  );
  const actions = plans.flatMap((plan) => {
    const titles = new Map(plan.content.actions.map((a) => [a.id, a.title]));
    return dueFrom(actor.userId, plan.content, reports.get(plan.id) ?? [], [], today).actions.map(
      (due) => ({
        planId: plan.id,
        countryCode: plan.countryCode,
        actionId: due.actionId,
        title: titles.get(due.actionId) ?? '',
        late: due.late,
      }),
    );
  });
  const decisions = owned
    .map((record) => viewDecision(record.decision, today))
    .sort((a, b) => (a.decision.dueDate ?? '9999').localeCompare(b.decision.dueDate ?? '9999'));
  return { today, decisions, actions };
}

export function todayOf(ctx: Pick<Context, 'now'>): IsoDate {
  return ctx.now().toISOString().slice(0, 10);
}

async function visiblePlan(ctx: Context, actor: Actor, id: string): Promise<PlanRecord> {
  const plan = await findPlanById(ctx.db, planReaderFor(actor), id);
  if (!plan) throw AppError.notFound('The plan');
  return plan;
}

/**
 * The drivers of the country's newest profile the caller may see, under the platform's global
 * prevention model; null before any profile is computed.
 */
async function currentRiskDrivers(
  ctx: Context,
  actor: Actor,
  countryCode: string,
): Promise<{
  modelVersionId: string;
  month: string;
  drivers: ProfileRiskDriver[];
  pillars: string[];
  titles: Record<string, LocalisedText>;
} | null> {
  let version;
  try {
    version = await modelVersionFor(ctx, actor, undefined);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  const filter = { modelVersionId: version.id, areaCode: countryCode };
  const series = await findVisibleRiskProfiles(ctx.db, actor, {
    ...filter,
    ...profileRange(ctx.now()),
    summaryOnly: true,
  });
  const month = series.at(-1)?.month;
  if (!month) return null;
  const [stored] = await findVisibleRiskProfiles(ctx.db, actor, {
    ...filter,
    from: month,
    to: month,
  });
  if (!stored) return null;
  const profile = readStoredProfile(stored.profile, nodeOrderOf(version));
  const root = version.definition.root;
  return {
    modelVersionId: version.id,
    month,
    drivers: riskDriversOfProfile(version.definition, profile),
    pillars: root.kind === 'aggregate' ? root.children.map((child) => child.id) : [],
    titles: Object.fromEntries(nodesOf(root).map((node) => [node.id, node.title])),
  };
}

/** The country's mediation engagements the caller sees whole (none of their fields withheld). */
async function mediationSignals(ctx: Context, actor: Actor, countryCode: string) {
  const { items } = await listSignals(
    ctx,
    actor,
    { areaCode: countryCode, kind: mediationSignalKind },
    { limit: 500 },
  );
  return items.filter((signal) => signal.withheldPaths.length === 0);
}
