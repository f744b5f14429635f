import { AppError, type Actor, type Organisation } from '@prevention/core';
import {
  findOrganisations,
  findPlanById,
  findPlans,
  recordAuditEntries,
  type PlanRecord,
} from '@prevention/db';
import { iatiActivitiesXml, planCsvLines, type IatiReportingOrg } from '@prevention/planning';
import { auditEntry } from '../audit-trail.js';
import type { ImportContext } from '../imports/run-import.js';
import { planReaderFor } from './plan-access.js';

/** What a plan is exported as: IATI 2.03 activity XML, or the plan's CSV. */
export const planExportFormats = ['iati', 'csv'] as const;
export type PlanExportFormat = (typeof planExportFormats)[number];

/**
 * Which plan: one by id (and of this country, if one is named), or a country's current one: its
 * active plan, else its newest.
 */
export type PlanSelection = { planId: string; countryCode?: string } | { countryCode: string };

export interface PlanExportRequest {
  plan: PlanSelection;
  format: PlanExportFormat;
  /** Who publishes the IATI file (the host's configuration); IATI needs one. */
  reportingOrg?: IatiReportingOrg | undefined;
}

/** An export ready to be written: what to call the file, what it is, and its chunks. */
export interface PlanExport {
  planId: string;
  fileName: string;
  contentType: string;
  chunks: Iterable<string>;
}

/**
 * A plan as a file, if the caller may read it: the same reader as `plans.byId` (their countries,
 * clearance, and published plans only for a partner), so a plan they may not see is not found,
 * exactly like a missing one. The export is audited before its first byte; the chunks are
 * written a line or an activity at a time.
 */
export async function exportPlan(
  ctx: ImportContext,
  actor: Actor,
  request: PlanExportRequest,
): Promise<PlanExport> {
  const write = fileWriter(ctx, request);
  const plan = await selectPlan(ctx, actor, request.plan);
  await recordAuditEntries(ctx.db, [
    auditEntry(ctx, actor, {
      action: 'export.plan',
      resourceType: 'plan',
      resourceId: plan.id,
      changes: [
        { field: 'format', before: null, after: request.format },
        { field: 'revision', before: null, after: plan.revision },
      ],
    }),
  ]);
  const organisations = new Map((await findOrganisations(ctx.db)).map((o) => [o.id, o]));
  return { planId: plan.id, ...write(plan, organisations) };
}

type FileWriter = (
  plan: PlanRecord,
  organisations: ReadonlyMap<string, Organisation>,
) => Omit<PlanExport, 'planId'>;

/** How the requested format is written; refused before anything is read when it cannot be. */
function fileWriter(ctx: ImportContext, request: PlanExportRequest): FileWriter {
  const baseName = (plan: PlanRecord) =>
    `plan-${plan.countryCode}-${plan.startYear}-${plan.endYear}`;
  if (request.format === 'csv')
    return (plan, organisations) => ({
      fileName: `${baseName(plan)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      chunks: planCsvLines(plan.content, {
        organisationName: (id) => organisations.get(id)?.name ?? id,
      }),
    });
  const { reportingOrg } = request;
  if (!reportingOrg)
    throw new AppError(
      'PRECONDITION_FAILED',
      'IATI exports are not set up: the server names no reporting organisation.',
    );
  return (plan, organisations) => ({
    fileName: `${baseName(plan)}.iati.xml`,
    contentType: 'application/xml; charset=utf-8',
    chunks: iatiActivitiesXml({
      plan,
      organisations,
      reportingOrg,
      generatedAt: ctx.now(),
      updatedAt: plan.updatedAt,
    }),
  });
}

async function selectPlan(
  ctx: ImportContext,
  actor: Actor,
  selection: PlanSelection,
): Promise<PlanRecord> {
  const reader = planReaderFor(actor);
  if ('planId' in selection) {
    const plan = await findPlanById(ctx.db, reader, selection.planId);
    const { countryCode } = selection;
    if (!plan || (countryCode !== undefined && plan.countryCode !== countryCode))
      throw AppError.notFound(countryCode ? `The plan of ${countryCode}` : 'The plan');
    return plan;
  }
  // Newest cycle first; a country has one plan per cycle, a few at most.
  const plans = await findPlans(ctx.db, reader, { countryCode: selection.countryCode }, 50);
  const chosen = plans.find((plan) => plan.status === 'active') ?? plans[0];
  const plan = chosen && (await findPlanById(ctx.db, reader, chosen.id));
  if (!plan)
    throw new AppError('NOT_FOUND', `${selection.countryCode} has no plan that you may read.`);
  return plan;
}
