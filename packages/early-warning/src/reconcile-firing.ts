import type { Alert, Firing } from './alert.js';
import { isSnoozed } from './alert-timing.js';
import { alertLevelRank, type AlertLevel, type AlertRule } from './rule.js';

/** What `reconcileFiring` needs of the latest alert of a rule and area, open or closed. */
export type AlertFacts = Pick<
  Alert,
  'id' | 'status' | 'level' | 'period' | 'closedAt' | 'snoozedUntil' | 'snoozedAtLevel'
>;

/**
 * What to do with a firing: raise a new alert, update the open one, or skip it.
 * - `update.level` is the higher of the alert's and the firing's levels, never lower;
 *   `raised` says it went up; `notify` says whether to tell anyone (not while snoozed, unless
 *   the level rose above the level it was snoozed at).
 */
export type Reconciliation =
  | { kind: 'raise' }
  | { kind: 'update'; alertId: string; level: AlertLevel; raised: boolean; notify: boolean }
  | { kind: 'skip'; reason: 'cooldown' | 'same-period' };

const dayMs = 24 * 60 * 60 * 1000;

/**
 * One open alert per rule and area. A firing of an alert that is not closed updates it, unless
 * it is for a month already recorded (the alert's period or earlier, as a re-evaluation of past
 * months gives) at no higher level, which is skipped. After a close, the rule is quiet for
 * `cooldownDays` from `closedAt`; after that a firing raises a new alert, except one for a month
 * the closed alert already covered at no higher level.
 */
export function reconcileFiring(
  firing: Firing,
  latest: AlertFacts | null,
  rule: Pick<AlertRule, 'cooldownDays'>,
  now: Date,
): Reconciliation {
  if (latest === null) return { kind: 'raise' };
  const recorded =
    firing.period <= latest.period && alertLevelRank(firing.level) <= alertLevelRank(latest.level);
  if (latest.status === 'closed') {
    const closedAt = latest.closedAt === null ? Number.NaN : Date.parse(latest.closedAt);
    if (now.getTime() - closedAt < rule.cooldownDays * dayMs)
      return { kind: 'skip', reason: 'cooldown' };
    return recorded ? { kind: 'skip', reason: 'same-period' } : { kind: 'raise' };
  }
  if (recorded) return { kind: 'skip', reason: 'same-period' };
  const raised = alertLevelRank(firing.level) > alertLevelRank(latest.level);
  const level = raised ? firing.level : latest.level;
  return {
    kind: 'update',
    alertId: latest.id,
    level,
    raised,
    notify: !isSnoozed({ ...latest, level }, now),
  };
}
