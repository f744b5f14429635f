import { addMonths, monthRange, newId, type Month } from '@prevention/core';
import {
  appendAlertEvent,
  appendAuditEntries,
  findAlertRule,
  findAreaCodes,
  findLatestAlert,
  findRiskModelVersions,
  insertAlert,
  listAlertRules,
  loadAreaHistories,
  lockAlert,
  updateAlert,
  type DatabaseClient,
} from '@prevention/db';
import {
  alertFromFiring,
  applyFiring,
  evaluateArea,
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
 * update of the open one, or nothing (cooldown, a period already recorded). Each area's
 * alerts, their events and their audit entries are written in one transaction, as the system.
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
  });
  const results: EvaluatedAlert[] = [];
  const areas = [...histories.keys()].sort();
  for (const areaCode of areas) {
    const layers = histories.get(areaCode) ?? [];
    const firings = months.flatMap((month) => evaluateArea(rules, layers, month));
    if (firings.length === 0) continue;
    results.push(...(await reconcileArea(ctx, rules, firings)));
  }
  return results;
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

async function reconcileArea(
  ctx: EvaluationContext,
  rules: readonly AlertRule[],
  firings: readonly Firing[],
): Promise<EvaluatedAlert[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const done: EvaluatedAlert[] = [];
    for (const firing of firings) {
      const rule =
        ruleOf(rules, firing) ?? (await findAlertRule(trx, firing.ruleId, firing.ruleVersion));
      if (!rule) continue;
      const now = ctx.now();
      // Locked, so that a person's step on the alert waits for this update, or comes first.
      const found = await findLatestAlert(trx, firing.ruleId, firing.areaCode);
      const latest = (found && (await lockAlert(trx, found.id))) ?? null;
      const decision = reconcileFiring(firing, latest, rule, now);
      if (decision.kind === 'skip') continue;
      if (decision.kind === 'raise') {
        const alert = alertFromFiring(firing, newId(now.getTime()), now, rule);
        // The unique index keeps one open alert per rule and area: an evaluation racing this
        // one raised it first. This firing is left to the next evaluation, which updates it.
        if (!(await insertAlert(trx, alert))) continue;
        await appendAlertEvent(trx, {
          alertId: alert.id,
          action: 'raise',
          level: alert.level,
          actorId: null,
          at: now.toISOString(),
          note: null,
          period: firing.period,
        });
        await appendAuditEntries(trx, [
          auditEntry(ctx, null, {
            action: 'alert.raise',
            resourceType: 'alert',
            resourceId: alert.id,
            changes: [
              { field: 'ruleId', before: null, after: `${rule.id}@${rule.version}` },
              { field: 'areaCode', before: null, after: alert.areaCode },
              { field: 'level', before: null, after: alert.level },
              { field: 'period', before: null, after: alert.period },
              { field: 'sensitivity', before: null, after: alert.sensitivity },
            ],
          }),
        ]);
        done.push(evaluated(alert, 'raised'));
        continue;
      }
      if (!latest) continue;
      const updated = applyFiring(latest, firing, now);
      await updateAlert(trx, latest.id, {
        ruleVersion: updated.ruleVersion,
        level: updated.level,
        firstPeriod: updated.firstPeriod,
        period: updated.period,
        firings: updated.firings,
        evidence: updated.evidence,
        sensitivity: updated.sensitivity,
        updatedAt: updated.updatedAt,
      });
      await appendAlertEvent(trx, {
        alertId: latest.id,
        action: 'update',
        level: updated.level,
        actorId: null,
        at: now.toISOString(),
        note: null,
        period: firing.period,
      });
      await appendAuditEntries(trx, [
        auditEntry(ctx, null, {
          action: 'alert.update',
          resourceType: 'alert',
          resourceId: latest.id,
          changes: [
            { field: 'level', before: latest.level, after: updated.level },
            { field: 'period', before: latest.period, after: updated.period },
            { field: 'firings', before: latest.firings, after: updated.firings },
            { field: 'sensitivity', before: latest.sensitivity, after: updated.sensitivity },
          ].filter((change) => change.before !== change.after),
        }),
      ]);
      done.push(evaluated(updated, 'updated'));
    }
    return done;
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
