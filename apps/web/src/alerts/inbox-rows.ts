import { alertLevelRank, alertLevels, type AlertLevel } from '@prevention/early-warning';
import type { AlertView } from './alert-types.js';

/** How the inbox orders alerts: most urgent first, or oldest first whatever the level. */
export type InboxOrder = 'level' | 'age';

export interface InboxRow {
  alert: AlertView;
  /** Whole hours since the alert was raised. */
  ageHours: number;
}

type InboxAlert = Pick<AlertView, 'id' | 'level' | 'raisedAt' | 'snoozed'>;

/**
 * The alerts the inbox lists, in its order: snoozed ones only when asked for, and within a level
 * (or among equals in age) the oldest first, since it has waited longest for an answer.
 */
export function inboxRows<A extends InboxAlert>(
  alerts: readonly A[],
  options: { now: Date; showSnoozed: boolean; order: InboxOrder },
): { alert: A; ageHours: number }[] {
  const byAge = (a: A, b: A) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt);
  const byLevel = (a: A, b: A) => alertLevelRank(b.level) - alertLevelRank(a.level);
  return alerts
    .filter((alert) => options.showSnoozed || !alert.snoozed)
    .toSorted((a, b) =>
      options.order === 'level' ? byLevel(a, b) || byAge(a, b) : byAge(a, b) || byLevel(a, b),
    )
    .map((alert) => ({
      alert,
      ageHours: Math.max(
        0,
        Math.floor((options.now.getTime() - Date.parse(alert.raisedAt)) / 3_600_000),
      ),
    }));
}

/** Rows grouped by level, most urgent first; a level without alerts is left out. */
export function groupByLevel<R extends { alert: { level: AlertLevel } }>(
  rows: readonly R[],
): { level: AlertLevel; rows: R[] }[] {
  return [...alertLevels]
    .reverse()
    .map((level) => ({ level, rows: rows.filter((row) => row.alert.level === level) }))
    .filter((group) => group.rows.length > 0);
}

/** How many alerts a list hides because they are snoozed. */
export function snoozedCount(alerts: readonly Pick<AlertView, 'snoozed'>[]): number {
  return alerts.filter((alert) => alert.snoozed).length;
}
