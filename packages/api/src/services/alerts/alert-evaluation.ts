import { addMonths, monthRange, newId, type Month } from '@prevention/core';
import {
  alertKey,
  appendAlertEvents,
  appendAuditEntries,
  findAreaCodes,
  findRiskModelVersions,
  insertAlerts,
  listAlertRules,
  loadAreaHistories,
  lockLatestAlerts,
  updateAlertFirings,
  type DatabaseClient,
  type NewAlertEvent,
  type NewAuditEntry,
} from '@prevention/db';
import {
  alertFromFiring,
  applyFiring,
  evaluateArea,
  inputsOfRules,
  reconcileFiring,
  type Alert,
  type AlertLevel,
  type AlertRule,
  type Firing,
} from '@prevention/early-warning';
import { preventionRiskModel } from '@prevention/risk';
import { auditEntry, type AuditContext } from '../audit-trail.js';

export type EvaluationContext = AuditContext & { db: DatabaseClient };

export interface EvaluationRequest {
  areaCodes?: readonly string[] | undefined;
  countryCode?: string | undefined;
  /** Evaluate this month only. */
  month?: Month | undefined;
  /** Without `month`: the earliest month whose data changed (the window starts no earlier). */
  from?: Month | undefined;
}

/** What one evaluation did to one alert: what `prevention alerts evaluate` prints a line of. */
export interface EvaluatedAlert {
  alertId: string;
  area: string;
  countryCode: string;
  rule: string;
  level: AlertLevel;
  period: Month;
  action: 'raised' | 'updated';
}

/**
 * Months a routine evaluation looks at, up to the current one. Data arrives late (a month's
 * events are imported in the next), so the last three are evaluated, oldest first; older
 * months are history, read by the rules but never alerted on again.
 */
export const evaluationWindowMonths = 3;

/** History a rule reads behind the month it evaluates: the longest record window (36) and a year. */
export const historyMonths = 48;

/**
 * Evaluates every enabled rule for the areas asked (every area with data when none are named)
 * and reconciles each firing with the latest alert of its rule and area: a new alert, an
 * update of the open one, or nothing (cooldown, a period already recorded). The alerts, their
 * events and their audit entries are written in one transaction, as the system, in a fixed
 * number of statements however many areas fire (see `reconcileAll`).
 */
export async function evaluateAlerts(
  ctx: EvaluationContext,
  request: EvaluationRequest = {},
): Promise<EvaluatedAlert[]> {
  const rules = (await listAlertRules(ctx.db, {})).filter((rule) => rule.enabled);
  if (rules.length === 0) return [];
  const months = monthsToEvaluate(ctx.now(), request);
  const to = months.at(-1);
  if (!to) return [];
  const areaCodes = await areasToEvaluate(ctx, request);
  if (areaCodes?.length === 0) return [];
  const modelVersionId = await evaluationModelVersion(ctx.db);
  const histories = await loadAreaHistories(ctx.db, {
    ...(areaCodes ? { areaCodes } : {}),
    modelVersionId,
    to,
    months: historyMonths + months.length,
    inputs: inputsOfRules(rules),
  });
  const firings = [...histories.keys()].sort().flatMap((areaCode) => {
    const layers = histories.get(areaCode) ?? [];
    return months.flatMap((month) => evaluateArea(rules, layers, month));
  });
  return firings.length === 0 ? [] : reconcileAll(ctx, rules, firings);
}

/** The months to evaluate: the one asked, or the window up to now (from `from` at the earliest). */
export function monthsToEvaluate(now: Date, request: Pick<EvaluationRequest, 'month' | 'from'>) {
  if (request.month) return [request.month];
  const current = now.toISOString().slice(0, 7);
  const windowStart = addMonths(current, 1 - evaluationWindowMonths);
  const from = request.from && request.from > windowStart ? request.from : windowStart;
  return from > current ? [] : monthRange(from, current);
}

async function areasToEvaluate(
  ctx: EvaluationContext,
  request: Pick<EvaluationRequest, 'areaCodes' | 'countryCode'>,
): Promise<string[] | undefined> {
  if (!request.countryCode) return request.areaCodes ? [...request.areaCodes] : undefined;
  const inCountry = (await findAreaCodes(ctx.db))
    .filter((area) => area.countryCode === request.countryCode)
    .map((area) => area.code);
  if (!request.areaCodes) return inCountry;
  const asked = new Set(request.areaCodes);
  return inCountry.filter((code) => asked.has(code));
}

/** Rules read the scores of the platform's own model, under its newest global version. */
export async function evaluationModelVersion(db: DatabaseClient): Promise<string> {
  const versions = (await findRiskModelVersions(db, [])).filter(
    (version) => version.modelId === preventionRiskModel.id && version.countryCode === null,
  );
  // With no version stored yet there are no scores: the rules over counts still run.
  return versions.at(-1)?.id ?? '00000000-0000-7000-8000-000000000000';
}

/** The rule that produced a firing: the country's own when it has one, else the global one. */
function ruleOf(rules: readonly AlertRule[], firing: Firing): AlertRule | undefined {
  const candidates = rules.filter(
    (rule) =>
      rule.id === firing.ruleId &&
      rule.version === firing.ruleVersion &&
      (rule.countryCode === null || rule.countryCode === firing.countryCode),
  );
  return candidates.find((rule) => rule.countryCode !== null) ?? candidates[0];
}

/**
 * Reconciles firings (oldest month first within each rule and area) with the stored alerts in
 * one transaction: the latest alert of every rule and area concerned read and locked in one
 * statement, so that a person's step on one of them waits for this evaluation or comes first;
 * each firing decided in memory against the state the earlier ones left; then the new alerts,
 * the updates, the events and the audit entries written in one statement each.
 */
async function reconcileAll(
  ctx: EvaluationContext,
  rules: readonly AlertRule[],
  firings: readonly Firing[],
): Promise<EvaluatedAlert[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const keys = [...new Map(firings.map((f) => [alertKey(f.ruleId, f.areaCode), f])).values()];
    const latest: Map<string, Alert> = await lockLatestAlerts(trx, keys);
    const raised = new Map<string, Alert>();
    const updated = new Map<string, { before: Alert; after: Alert }>();
    const events: NewAlertEvent[] = [];
    for (const firing of firings) {
      const rule = ruleOf(rules, firing);
      if (!rule) continue;
      const key = alertKey(firing.ruleId, firing.areaCode);
      const current = latest.get(key) ?? null;
      const decision = reconcileFiring(firing, current, rule, now);
      if (decision.kind === 'skip') continue;
      let next: Alert;
      if (decision.kind === 'raise') {
        next = alertFromFiring(firing, newId(now.getTime()), now, rule);
        raised.set(next.id, next);
      } else {
        if (!current) continue;
        next = applyFiring(current, firing, now);
        // An alert raised earlier in this evaluation is stored as it ends up; a stored one is
        // updated, its audit entry comparing with what was stored.
        if (raised.has(next.id)) raised.set(next.id, next);
        else updated.set(next.id, { before: updated.get(next.id)?.before ?? current, after: next });
      }
      latest.set(key, next);
      events.push({
        alertId: next.id,
        action: decision.kind === 'raise' ? 'raise' : 'update',
        level: next.level,
        actorId: null,
        at: now.toISOString(),
        note: null,
        period: firing.period,
      });
    }
    // The unique index keeps one open alert per rule and area: an evaluation racing this one
    // raised some first. Those firings are left to the next evaluation, which updates them.
    const stored = await insertAlerts(trx, [...raised.values()]);
    const written = (id: string) => stored.has(id) || updated.has(id);
    await updateAlertFirings(
      trx,
      [...updated.values()].map(({ after }) => after),
    );
    await appendAlertEvents(
      trx,
      events.filter((event) => written(event.alertId)),
    );
    const done = [
      ...[...raised.values()]
        .filter((alert) => stored.has(alert.id))
        .map((alert) => ({ alert, audit: raiseAudit(ctx, alert), action: 'raised' as const })),
      ...[...updated.values()].map(({ before, after }) => ({
        alert: after,
        audit: updateAudit(ctx, before, after),
        action: 'updated' as const,
      })),
    ];
    await appendAuditEntries(
      trx,
      done.map((d) => d.audit),
    );
    return done.map(({ alert, action }) => evaluated(alert, action));
  });
}

function raiseAudit(ctx: EvaluationContext, alert: Alert): NewAuditEntry {
  return auditEntry(ctx, null, {
    action: 'alert.raise',
    resourceType: 'alert',
    resourceId: alert.id,
    changes: [
      { field: 'ruleId', before: null, after: `${alert.ruleId}@${alert.ruleVersion}` },
      { field: 'areaCode', before: null, after: alert.areaCode },
      { field: 'level', before: null, after: alert.level },
      { field: 'period', before: null, after: alert.period },
      { field: 'sensitivity', before: null, after: alert.sensitivity },
    ],
  });
}

function updateAudit(ctx: EvaluationContext, before: Alert, after: Alert): NewAuditEntry {
  return auditEntry(ctx, null, {
    action: 'alert.update',
    resourceType: 'alert',
    resourceId: after.id,
    changes: [
      { field: 'level', before: before.level, after: after.level },
      { field: 'period', before: before.period, after: after.period },
      { field: 'firings', before: before.firings, after: after.firings },
      { field: 'sensitivity', before: before.sensitivity, after: after.sensitivity },
    ].filter((change) => change.before !== change.after),
  });
}

function evaluated(alert: Alert, action: EvaluatedAlert['action']): EvaluatedAlert {
  return {
    alertId: alert.id,
    area: alert.areaCode,
    countryCode: alert.countryCode,
    rule: alert.ruleId,
    level: alert.level,
    period: alert.period,
    action,
  };
}
