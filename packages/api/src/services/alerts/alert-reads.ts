import { AppError, mayView, type Actor, type LocalisedText } from '@prevention/core';
import {
  alertResponseTimes,
  countOpenAlertsByCountry,
  findAlert,
  findAlertRule,
  listAlertEvents,
  listAlertRules,
  listAlerts,
  recordAuditEntries,
  type AlertEventRecord,
} from '@prevention/db';
import {
  availableAlertActions,
  dailyDigest,
  isOverdue,
  isSnoozed,
  mayReadAlert,
  type Alert,
  type AlertAction,
  type AlertLevel,
  type AlertRule,
  type AlertStatus,
  type Digest,
} from '@prevention/early-warning';
import type { Context } from '../../context.js';
import { auditEntry } from '../audit-trail.js';
import { alertReaderFor } from './alert-access.js';

/** An alert as the inbox and the alert page show it on a day, for one reader. */
export type AlertView = Alert & {
  overdue: boolean;
  snoozed: boolean;
  ruleTitle: LocalisedText;
  actions: AlertAction[];
};

export interface AlertFilter {
  status?: AlertStatus[] | undefined;
  countryCode?: string | undefined;
  areaCode?: string | undefined;
  level?: AlertLevel | undefined;
}

export async function listAlertViews(
  ctx: Context,
  actor: Actor,
  filter: AlertFilter,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: AlertView[]; nextCursor: string | null }> {
  const { items, nextCursor } = await listAlerts(ctx.db, alertReaderFor(actor), {
    ...definedOnly(filter),
    limit: page.limit,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  await auditStrictlyConfidentialReads(ctx, actor, items);
  const titles = await ruleTitles(ctx);
  return { items: items.map((alert) => present(ctx, actor, alert, titles)), nextCursor };
}

/** An alert with its history and the rule version that raised it; not found when not readable. */
export async function getAlertView(
  ctx: Context,
  actor: Actor,
  id: string,
  options: { auditRead: boolean } = { auditRead: true },
): Promise<AlertView> {
  const alert = await findAlert(ctx.db, id);
  if (!alert || !mayReadAlert(actor, alert)) throw AppError.notFound('The alert');
  if (options.auditRead) await auditStrictlyConfidentialReads(ctx, actor, [alert]);
  return present(ctx, actor, alert, await ruleTitles(ctx));
}

export async function getAlertDetail(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<AlertView & { events: AlertEventRecord[]; rule: AlertRule }> {
  const view = await getAlertView(ctx, actor, id);
  const [events, rule] = await Promise.all([
    listAlertEvents(ctx.db, id),
    findAlertRule(ctx.db, view.ruleId, view.ruleVersion),
  ]);
  if (!rule) throw new Error(`The alert ${id} names a rule version that is not stored`);
  return { ...view, events, rule };
}

/** How many alerts a digest reads: the open ones of the reader's countries. */
const digestLimit = 500;

/** What is new, raised and overdue for the caller since the day before. */
export async function alertDigest(ctx: Context, actor: Actor): Promise<Digest> {
  const { items } = await listAlerts(ctx.db, alertReaderFor(actor), {
    status: ['open', 'acknowledged', 'responded'],
    limit: digestLimit,
  });
  return dailyDigest(items, ctx.now());
}

export function alertCountsByCountry(ctx: Context, actor: Actor) {
  return countOpenAlertsByCountry(ctx.db, alertReaderFor(actor));
}

/** By default, the response times of the last year. */
export function alertResponseTimesOf(ctx: Context, actor: Actor, since: Date | undefined) {
  return alertResponseTimes(ctx.db, alertReaderFor(actor), {
    since: since ?? new Date(ctx.now().getTime() - 365 * 86_400_000),
  });
}

function present(
  ctx: Context,
  actor: Actor,
  alert: Alert,
  titles: ReadonlyMap<string, LocalisedText>,
): AlertView {
  const now = ctx.now();
  return {
    ...alert,
    overdue: isOverdue(alert, now),
    snoozed: isSnoozed(alert, now),
    ruleTitle: titles.get(alert.ruleId) ?? { en: alert.ruleId },
    actions: availableAlertActions(actor, alert),
  };
}

/** The latest title of every rule, by id (a country's own rule shares its id with the global). */
async function ruleTitles(ctx: Context): Promise<Map<string, LocalisedText>> {
  const rules = await listAlertRules(ctx.db, {});
  return new Map(rules.map((rule) => [rule.id, rule.title]));
}

/** Every read that hands out an alert on strictly confidential data leaves an audit entry. */
async function auditStrictlyConfidentialReads(
  ctx: Context,
  actor: Actor,
  alerts: readonly Alert[],
): Promise<void> {
  if (!mayView(actor, 'strictly-confidential')) return;
  const disclosed = alerts.filter((alert) => alert.sensitivity === 'strictly-confidential');
  if (disclosed.length === 0) return;
  await recordAuditEntries(
    ctx.db,
    disclosed.map((alert) =>
      auditEntry(ctx, actor, { action: 'alert.read', resourceType: 'alert', resourceId: alert.id }),
    ),
  );
}

function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
