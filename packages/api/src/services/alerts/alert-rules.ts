import {
  addMonths,
  AppError,
  hasAnyRole,
  isCountryInScope,
  isGlobalScope,
  mayView,
  monthsBetween,
  type Actor,
  type Month,
} from '@prevention/core';
import {
  appendAuditEntries,
  findAlertRule,
  findAreaCodes,
  listAlertRules,
  listAlertRuleVersions,
  loadAreaHistories,
  saveAlertRule,
  type DatabaseClient,
} from '@prevention/db';
import {
  backtest,
  defaultBacktestHorizon,
  defaultRules,
  inputsOfRules,
  ruleEditorRoles,
  type AlertRule,
  type AlertRuleDraft,
  type AreaHistory,
  type RuleInputs,
  type BacktestReport,
  type OnsetDefinition,
} from '@prevention/early-warning';
import { preventionRiskModel } from '@prevention/risk';
import type { Context } from '../../context.js';
import { auditEntry, type AuditContext } from '../audit-trail.js';
import { evaluationModelVersion, historyMonths } from './alert-evaluation.js';

export function listRules(ctx: Context): Promise<AlertRule[]> {
  return listAlertRules(ctx.db, {});
}

export async function getRule(
  ctx: Context,
  id: string,
  version: number | undefined,
): Promise<{ rule: AlertRule; versions: number[] }> {
  const rule = await findAlertRule(ctx.db, id, version);
  if (!rule) throw AppError.notFound('The rule');
  const versions = await listAlertRuleVersions(ctx.db, id);
  return { rule, versions: versions.map((saved) => saved.rule.version) };
}

/**
 * Saves a rule as its next version: a global rule by an editor who works in every country, a
 * country's own by one who works in it.
 */
export async function saveRule(
  ctx: Context,
  actor: Actor,
  draft: AlertRuleDraft,
): Promise<AlertRule> {
  if (!hasAnyRole(actor, ruleEditorRoles))
    throw new AppError('FORBIDDEN', 'Only administrators and HQ planners edit warning rules.');
  const inScope =
    draft.countryCode === null
      ? isGlobalScope(actor.scope)
      : isCountryInScope(actor.scope, draft.countryCode);
  if (!inScope)
    throw new AppError(
      'FORBIDDEN',
      draft.countryCode === null
        ? 'A global rule is edited by someone who works in every country.'
        : 'You can only edit the rules of the countries you work on.',
    );
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findAlertRule(trx, draft.id);
    if (before && before.countryCode !== draft.countryCode)
      throw new AppError(
        'CONFLICT',
        'A rule keeps its country across versions: save a country’s own rule under another id.',
      );
    const saved = await saveAlertRule(trx, draft, actor.userId, ctx.now());
    await appendAuditEntries(trx, [ruleAudit(ctx, actor, before ?? null, saved)]);
    return saved;
  });
}

function ruleAudit(
  ctx: Pick<AuditContext, 'now' | 'requestId'>,
  actor: Actor | null,
  before: AlertRule | null,
  after: AlertRule,
) {
  return auditEntry(ctx, actor, {
    action: 'alert-rule.save',
    resourceType: 'alert-rule',
    resourceId: after.id,
    changes: [
      { field: 'version', before: before?.version ?? null, after: after.version },
      { field: 'enabled', before: before?.enabled ?? null, after: after.enabled },
      { field: 'countryCode', before: before?.countryCode ?? null, after: after.countryCode },
      { field: 'level', before: before?.level ?? null, after: after.level },
      { field: 'condition', before: before?.condition ?? null, after: after.condition },
    ].filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after)),
  });
}

/**
 * The shipped rule set, stored when no rule is stored yet: what a new installation warns with
 * until an administrator changes it. Nobody saved these versions (`savedBy` is null) and the
 * audit entries have no actor: the system stored them. Returns how many.
 */
export async function ensureDefaultAlertRules(
  ctx: Pick<AuditContext, 'now' | 'requestId'> & { db: DatabaseClient },
): Promise<number> {
  if ((await listAlertRules(ctx.db, {})).length > 0) return 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const rule of defaultRules) {
      const { version: _version, ...draft } = rule;
      const saved = await saveAlertRule(trx, draft, null, ctx.now());
      // The system stored them: the audit entry has no actor.
      await appendAuditEntries(trx, [ruleAudit(ctx, null, null, saved)]);
    }
  });
  return defaultRules.length;
}

/**
 * What a back-test counts as the onset to foresee unless told otherwise: the composite risk
 * reaching "very high", the class at which prevention has largely failed.
 */
export const defaultBacktestOnset: OnsetDefinition = {
  kind: 'class-reached',
  node: preventionRiskModel.id,
  toClass: 'very-high',
};

/** The longest history a back-test reads: ten years, as the risk profiles keep. */
export const maxBacktestMonths = 120;

export interface BacktestRequest {
  rule: AlertRuleDraft | { id: string; version?: number | undefined };
  from?: Month | undefined;
  to?: Month | undefined;
  onset?: OnsetDefinition | undefined;
}

/**
 * How a rule — stored, or a draft not yet saved — would have done over the stored history of
 * the caller's countries, at their clearance, beside the naive baseline.
 */
export async function backtestRule(
  ctx: Context,
  actor: Actor,
  request: BacktestRequest,
): Promise<BacktestReport> {
  const rule = await ruleToTest(ctx, request.rule);
  return backtestRules(ctx, actor, [rule], request);
}

/**
 * The back-test of `rules` over the stored history, from the areas and layers `actor` may read
 * (null: all of them, for the command line), each rule tested as if enabled.
 */
export async function backtestRules(
  ctx: { db: DatabaseClient; now: () => Date },
  actor: Actor | null,
  rules: readonly AlertRule[],
  request: Pick<BacktestRequest, 'from' | 'to' | 'onset'>,
): Promise<BacktestReport> {
  const range = backtestRange(ctx.now(), request);
  const onset = request.onset ?? defaultBacktestOnset;
  const areas = await historiesFor(ctx.db, actor, range, inputsOfRules(rules, onset));
  return backtest(
    rules.map((rule) => ({ ...rule, enabled: true })),
    areas,
    { from: range.from, to: range.to, onset, horizon: defaultBacktestHorizon },
  );
}

async function ruleToTest(ctx: Context, asked: BacktestRequest['rule']): Promise<AlertRule> {
  if (!('condition' in asked)) {
    const rule = await findAlertRule(ctx.db, asked.id, asked.version);
    if (!rule) throw AppError.notFound('The rule');
    return rule;
  }
  const latest = await findAlertRule(ctx.db, asked.id);
  // A draft is tried as the version it would be saved as.
  return { ...asked, version: (latest?.version ?? 0) + 1 };
}

/** The months asked, bounded to the last `maxBacktestMonths` up to the current month. */
export function backtestRange(
  now: Date,
  asked: { from?: Month | undefined; to?: Month | undefined },
): { from: Month; to: Month } {
  const current = now.toISOString().slice(0, 7);
  const to = asked.to && asked.to < current ? asked.to : current;
  const earliest = addMonths(to, 1 - maxBacktestMonths);
  const from = asked.from && asked.from > earliest ? asked.from : earliest;
  if (from > to)
    throw new AppError('BAD_REQUEST', 'The back-test starts after it ends.', {
      issues: [{ path: ['from'], message: 'After the end of the back-test' }],
    });
  return { from, to };
}

/**
 * Each area's layers up to the caller's clearance, in the caller's countries (null: all), with
 * what `inputs` names (everything without it).
 */
export async function historiesFor(
  db: DatabaseClient,
  actor: Actor | null,
  range: { from: Month; to: Month },
  inputs?: RuleInputs,
): Promise<AreaHistory[][]> {
  const areaCodes =
    actor && !isGlobalScope(actor.scope)
      ? (await findAreaCodes(db))
          .filter((area) => isCountryInScope(actor.scope, area.countryCode))
          .map((area) => area.code)
      : undefined;
  const histories = await loadAreaHistories(db, {
    ...(areaCodes ? { areaCodes } : {}),
    modelVersionId: await evaluationModelVersion(db),
    to: range.to,
    // The rules read up to 48 months behind the first month tested.
    months: monthsBetween(range.from, range.to) + 1 + historyMonths,
    ...(inputs ? { inputs } : {}),
  });
  const areas: AreaHistory[][] = [];
  for (const layers of histories.values()) {
    const visible = actor ? layers.filter((layer) => mayView(actor, layer.sensitivity)) : layers;
    if (visible.length > 0) areas.push(visible);
  }
  return areas;
}
