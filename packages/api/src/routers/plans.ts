import { DiffEntry } from '@prevention/assessment';
import {
  CountryCode,
  Id,
  IsoDate,
  LocalisedText,
  Month,
  Organisation,
  Sensitivity,
} from '@prevention/core';
import { findOrganisations } from '@prevention/db';
import type { PlanHeader, PlanRevisionSummary } from '@prevention/db';
import {
  DecisionView,
  GapAnalysis,
  IndicatorProgress,
  LateAction,
  Lateness,
  OrganisationInPlan,
  PlanContent,
  PlanFinancing,
  PlanLifecycleAction,
  PlanStatus,
  ProfileRiskDriver,
  ProgressReport,
  WomenInMediationYear,
} from '@prevention/planning';
import { z } from 'zod';
import { safeText, unstorablePath } from '../input-schemas.js';
import {
  analysePlan,
  dueFromMe,
  getPlanDetail,
  getPlanDiff,
  getPlanHistory,
  listPlans,
} from '../services/plans/plan-reads.js';
import {
  addProgressReport,
  createPlan,
  savePlan,
  transitionPlan,
} from '../services/plans/plan-writes.js';
import { procedure, router } from '../trpc.js';

const RevisionNumber = z.int().min(1).max(2_147_483_647);
const Note = safeText(1, 4000);

/** Plan content whose text the database can store as it was sent. */
const StorablePlanContent = PlanContent.superRefine((content, context) => {
  const path = unstorablePath(content);
  if (path)
    context.addIssue({
      code: 'custom',
      path,
      message: 'Contains characters that cannot be stored',
    });
});

const ZPerson = z.object({ id: Id, name: z.string() });

export const ZPlanHeader = z.object({
  id: Id,
  countryCode: CountryCode,
  startYear: z.number().int(),
  endYear: z.number().int(),
  title: z.string(),
  status: PlanStatus,
  revision: z.number().int(),
  sensitivity: Sensitivity,
  submittedBy: Id.nullable(),
  createdBy: Id,
  createdAt: z.string(),
  updatedBy: ZPerson,
  updatedAt: z.string(),
});

export const ZPlanDetail = ZPlanHeader.extend({
  content: PlanContent,
  reports: z.array(ProgressReport),
  availableActions: z.array(PlanLifecycleAction),
  mayEdit: z.boolean(),
});

export const ZPlanRevision = z.object({
  revision: z.number().int(),
  action: z.enum(['create', 'save', ...PlanLifecycleAction.options]),
  status: PlanStatus,
  sensitivity: Sensitivity,
  note: z.string().nullable(),
  changes: z.number().int(),
  author: ZPerson,
  savedAt: z.string(),
});

export const ZPlanAnalysis = z.object({
  today: IsoDate,
  financing: PlanFinancing,
  gaps: GapAnalysis,
  late: z.array(LateAction),
  organisations: z.array(OrganisationInPlan),
  indicators: z.array(IndicatorProgress),
  riskProfile: z
    .object({ modelVersionId: Id, month: Month, drivers: z.array(ProfileRiskDriver) })
    .nullable(),
  riskNodeTitles: z.record(z.string(), LocalisedText),
  womenInMediation: z.array(WomenInMediationYear),
});

export const ZPlansListRequest = z
  .object({ countryCode: CountryCode.optional(), status: PlanStatus.optional() })
  .strict()
  .default({});
export const ZPlansByIdRequest = z.object({ id: Id }).strict();
export const ZPlansDiffRequest = z
  .object({ id: Id, from: RevisionNumber, to: RevisionNumber })
  .strict();
export const ZPlansCreateRequest = z
  .object({ countryCode: CountryCode, sensitivity: Sensitivity, content: StorablePlanContent })
  .strict();
export const ZPlansSaveRequest = z
  .object({
    id: Id,
    /** The revision the editor started from; a stale one is refused with CONFLICT. */
    baseRevision: RevisionNumber,
    content: StorablePlanContent,
    sensitivity: Sensitivity.optional(),
    note: Note.optional(),
  })
  .strict();
export const ZPlansTransitionRequest = z
  .object({
    id: Id,
    action: PlanLifecycleAction,
    /** The revision the caller saw; a stale one is refused with CONFLICT. */
    revision: RevisionNumber,
    note: Note.optional(),
  })
  .strict();
export const ZPlansAddReportRequest = z
  .object({
    planId: Id,
    report: ProgressReport.omit({ id: true, authorId: true }).extend({
      narrative: safeText(1, 8000),
    }),
  })
  .strict();

export const ZDueFromMe = z.object({
  today: IsoDate,
  decisions: z.array(DecisionView),
  actions: z.array(
    z.object({
      planId: Id,
      countryCode: CountryCode,
      actionId: Id,
      title: z.string(),
      late: z.array(Lateness),
    }),
  ),
});

function headerView<T extends Omit<PlanHeader, 'createdAt' | 'updatedAt'>>(
  plan: T & { createdAt: Date; updatedAt: Date },
): T & { createdAt: string; updatedAt: string } {
  return {
    ...plan,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

function revisionView(revision: PlanRevisionSummary) {
  return { ...revision, savedAt: revision.savedAt.toISOString() };
}

export const plansRouter = router({
  list: procedure
    .input(ZPlansListRequest)
    .output(z.array(ZPlanHeader))
    .query(async ({ ctx, input }) => {
      const filter = {
        ...(input.countryCode ? { countryCode: input.countryCode } : {}),
        ...(input.status ? { status: input.status } : {}),
      };
      return (await listPlans(ctx, ctx.actor, filter)).map(headerView);
    }),

  byId: procedure
    .input(ZPlansByIdRequest)
    .output(ZPlanDetail)
    .query(async ({ ctx, input }) => headerView(await getPlanDetail(ctx, ctx.actor, input.id))),

  analysis: procedure
    .input(ZPlansByIdRequest)
    .output(ZPlanAnalysis)
    .query(({ ctx, input }) => analysePlan(ctx, ctx.actor, input.id)),

  history: procedure
    .input(ZPlansByIdRequest)
    .output(z.array(ZPlanRevision))
    .query(async ({ ctx, input }) =>
      (await getPlanHistory(ctx, ctx.actor, input.id)).map(revisionView),
    ),

  diff: procedure
    .input(ZPlansDiffRequest)
    .output(z.array(DiffEntry))
    .query(({ ctx, input }) => getPlanDiff(ctx, ctx.actor, input.id, input.from, input.to)),

  dueFromMe: procedure.output(ZDueFromMe).query(({ ctx }) => dueFromMe(ctx, ctx.actor)),

  /** The organisations a plan may name: reference data, the same for every reader. */
  organisations: procedure
    .output(z.array(Organisation))
    .query(({ ctx }) => findOrganisations(ctx.db)),

  create: procedure
    .input(ZPlansCreateRequest)
    .output(ZPlanDetail)
    .mutation(async ({ ctx, input }) => {
      const id = await createPlan(ctx, ctx.actor, input);
      return headerView(await getPlanDetail(ctx, ctx.actor, id));
    }),

  save: procedure
    .input(ZPlansSaveRequest)
    .output(ZPlanDetail)
    .mutation(async ({ ctx, input }) => {
      await savePlan(ctx, ctx.actor, input);
      return headerView(await getPlanDetail(ctx, ctx.actor, input.id));
    }),

  transition: procedure
    .input(ZPlansTransitionRequest)
    .output(ZPlanDetail)
    .mutation(async ({ ctx, input }) => {
      await transitionPlan(ctx, ctx.actor, input);
      return headerView(await getPlanDetail(ctx, ctx.actor, input.id));
    }),

  addReport: procedure
    .input(ZPlansAddReportRequest)
    .output(ProgressReport)
    .mutation(({ ctx, input }) => addProgressReport(ctx, ctx.actor, input.planId, input.report)),
});
