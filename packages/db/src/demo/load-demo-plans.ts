import type { Kysely } from 'kysely';
import type { NewAuditEntry } from '../audit/audit-entry.js';
import type { Database } from '../database.js';
import { appendAuditEntries } from '../repositories/audit-log.js';
import { insertDecision, updateDecision } from '../repositories/decisions.js';
import { findOrganisations, insertOrganisations } from '../repositories/organisations.js';
import {
  insertProgressReport,
  lockCountryPlans,
  writePlanRevision,
  type PlanWrite,
} from '../repositories/plans.js';
import { recordSeedRun } from '../repositories/seed-runs.js';
import { insertSignal } from '../repositories/signals.js';
import type { DemoPeople } from './demo-plan-story.js';
import type { DemoData } from './generate-demo-data.js';
import { generateDemoPlans } from './generate-demo-plans.js';

export type LoadDemoPlansResult =
  | {
      loaded: true;
      plans: number;
      revisions: number;
      reports: number;
      decisions: number;
      mediation: number;
      /** Countries left out because a plan of theirs already shares a year with the demo's. */
      skipped: string[];
    }
  | { loaded: false; reason: 'already-loaded' };

/**
 * Loads the demo's plans, decision logs and mediation engagements once, in one transaction,
 * through the repositories the API writes them with, each step with its audit entry as the
 * API would have left it (values up to restricted in clear; the plan documents, which the API
 * logs as keyed hashes, are left out: the revisions hold them). Run after the demo users exist:
 * the records name them. A seed run of its own lets a demo database loaded before plans existed
 * gain them at its next start; the funders they name are added to it if missing.
 */
export async function loadDemoPlans(
  db: Kysely<Database>,
  data: DemoData,
  people: DemoPeople,
): Promise<LoadDemoPlansResult> {
  const roles = new Map(Object.entries(people).map(([role, id]) => [id, role]));
  const entry = (
    by: string,
    at: Date,
    action: string,
    resource: { type: string; id: string },
    changes: NewAuditEntry['changes'],
  ): NewAuditEntry => {
    const role = roles.get(by);
    if (role === undefined)
      throw new Error(`A demo record names ${by}, who is none of the demo people`);
    return {
      occurredAt: at,
      actorUserId: by,
      actorRoles: [role],
      action,
      resourceType: resource.type,
      resourceId: resource.id,
      outcome: 'success',
      requestId: 'demo-seed',
      changes,
    };
  };

  return db.transaction().execute(async (trx) => {
    if (!(await recordSeedRun(trx, 'demo-plans', data.seed)))
      return { loaded: false, reason: 'already-loaded' } as const;
    // Generated only now: a later start, which finds them loaded, does not pay for it.
    const { plans, decisions, mediation } = generateDemoPlans(data, people);
    const known = new Set((await findOrganisations(trx)).map((o) => o.id));
    await insertOrganisations(
      trx,
      data.organisations.filter((o) => !known.has(o.id)),
    );

    const audit: NewAuditEntry[] = [];
    const skipped: string[] = [];
    let revisions = 0;
    let reports = 0;
    for (const plan of plans) {
      const [first] = plan.revisions;
      if (!first) continue;
      const cycles = await lockCountryPlans(trx, plan.countryCode);
      const start = Number(first.content.cycle.startYear);
      const end = Number(first.content.cycle.endYear);
      if (cycles.some((c) => c.startYear <= end && start <= c.endYear)) {
        skipped.push(plan.countryCode);
        continue;
      }
      let before: PlanWrite | null = null;
      for (const write of plan.revisions) {
        await writePlanRevision(trx, write, before === null);
        audit.push(
          entry(write.by, write.at, `plan.${write.action}`, { type: 'plan', id: write.id }, [
            { field: 'revision', before: before?.revision ?? null, after: write.revision },
            { field: 'status', before: before?.status ?? null, after: write.status },
            ...(before === null
              ? [
                  { field: 'sensitivity', before: null, after: write.sensitivity },
                  { field: 'title', before: null, after: write.content.title },
                ]
              : []),
            ...(write.note ? [{ field: 'note', before: null, after: write.note }] : []),
          ]),
        );
        before = write;
        revisions += 1;
      }
      for (const report of plan.reports) {
        const at = new Date(`${report.date}T17:00:00Z`);
        await insertProgressReport(trx, plan.id, report, at);
        audit.push(
          entry(report.authorId, at, 'plan.report', { type: 'plan', id: plan.id }, [
            { field: 'reportId', before: null, after: report.id },
            { field: 'actionId', before: null, after: report.actionId },
            { field: 'date', before: null, after: report.date },
            { field: 'status', before: null, after: report.status },
            { field: 'rating', before: null, after: report.rating },
            { field: 'milestonesMetPercent', before: null, after: report.milestonesMetPercent },
            { field: 'narrative', before: null, after: report.narrative },
          ]),
        );
        reports += 1;
      }
    }

    const logged = decisions.filter(
      ({ decision }) => decision.countryCode === null || !skipped.includes(decision.countryCode),
    );
    for (const { decision, sensitivity, recordedBy, recordedAt } of logged) {
      // Recorded as the meeting left it, then followed up entry by entry, as the API does it.
      await insertDecision(
        trx,
        { ...decision, followUps: [] },
        { sensitivity, by: recordedBy, at: recordedAt },
      );
      audit.push(
        entry(recordedBy, recordedAt, 'decision.create', { type: 'decision', id: decision.id }, [
          { field: 'countryCode', before: null, after: decision.countryCode },
          { field: 'sensitivity', before: null, after: sensitivity },
          { field: 'kind', before: null, after: decision.kind },
          { field: 'ownerId', before: null, after: decision.ownerId },
          { field: 'dueDate', before: null, after: decision.dueDate },
          { field: 'text', before: null, after: decision.text },
        ]),
      );
      for (const [i, followUp] of decision.followUps.entries()) {
        const at = new Date(`${followUp.date}T15:00:00Z`);
        await updateDecision(
          trx,
          { ...decision, followUps: decision.followUps.slice(0, i + 1) },
          at,
        );
        audit.push(
          entry(
            followUp.authorId,
            at,
            'decision.follow-up',
            { type: 'decision', id: decision.id },
            [
              {
                field: 'status',
                before: decision.followUps[i - 1]?.status ?? 'open',
                after: followUp.status,
              },
              { field: 'followUps', before: i, after: i + 1 },
              { field: 'text', before: null, after: followUp.text },
            ],
          ),
        );
      }
    }

    for (const { signal, countryCode, recordedAt } of mediation) {
      await insertSignal(trx, signal, {
        countryCode,
        createdBy: people['field-officer'],
        now: recordedAt,
      });
      // A confidential record: the API logs its values as keyed hashes; only its level here.
      audit.push(
        entry(
          people['field-officer'],
          recordedAt,
          'signal.create',
          { type: 'signal', id: signal.id },
          [{ field: 'sensitivity', before: null, after: signal.sensitivity }],
        ),
      );
    }
    await appendAuditEntries(trx, audit);
    return {
      loaded: true,
      plans: plans.length - skipped.length,
      revisions,
      reports,
      decisions: logged.length,
      mediation: mediation.length,
      skipped,
    } as const;
  });
}
