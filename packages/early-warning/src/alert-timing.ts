import { alertLevelRank } from './rule.js';
import type { Alert } from './alert.js';

/** An open alert is overdue once its acknowledge-by time has passed unacknowledged. */
export function isOverdue(alert: Pick<Alert, 'status' | 'acknowledgeBy'>, now: Date): boolean {
  return alert.status === 'open' && now.getTime() > Date.parse(alert.acknowledgeBy);
}

/**
 * Whether an alert is snoozed at `now`. A snooze lasts until its date begins (a snooze "until
 * 2026-12-10" ends at 00:00 UTC that day) and only while the level has not risen above the level
 * it was snoozed at; either bound may be absent, not both. A closed alert is never snoozed.
 */
export function isSnoozed(
  alert: Pick<Alert, 'status' | 'level' | 'snoozedUntil' | 'snoozedAtLevel'>,
  now: Date,
): boolean {
  if (alert.status === 'closed') return false;
  if (alert.snoozedUntil === null && alert.snoozedAtLevel === null) return false;
  if (alert.snoozedUntil !== null && now.getTime() >= Date.parse(`${alert.snoozedUntil}T00:00:00Z`))
    return false;
  return (
    alert.snoozedAtLevel === null ||
    alertLevelRank(alert.level) <= alertLevelRank(alert.snoozedAtLevel)
  );
}
