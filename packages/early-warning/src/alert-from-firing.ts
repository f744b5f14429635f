import { stricterSensitivity, type Id } from '@prevention/core';
import type { Alert, Firing } from './alert.js';
import { alertLevelRank, type AlertRule } from './rule.js';

/**
 * The alert a firing raises: open, at the firing's level, due to be acknowledged
 * `acknowledgeWithinHours` after `now`.
 */
export function alertFromFiring(
  firing: Firing,
  id: Id,
  now: Date,
  rule: Pick<AlertRule, 'acknowledgeWithinHours'>,
): Alert {
  const at = now.toISOString();
  return {
    id,
    ruleId: firing.ruleId,
    ruleVersion: firing.ruleVersion,
    areaCode: firing.areaCode,
    countryCode: firing.countryCode,
    level: firing.level,
    status: 'open',
    firstPeriod: firing.period,
    period: firing.period,
    firings: 1,
    evidence: firing.evidence,
    sensitivity: firing.sensitivity,
    raisedAt: at,
    updatedAt: at,
    acknowledgeBy: new Date(now.getTime() + rule.acknowledgeWithinHours * 3_600_000).toISOString(),
    acknowledgedAt: null,
    acknowledgedBy: null,
    respondedAt: null,
    respondedBy: null,
    response: null,
    responseNote: null,
    closedAt: null,
    closedBy: null,
    outcome: null,
    closingNote: null,
    snoozedUntil: null,
    snoozedAtLevel: null,
  };
}

/**
 * An open alert updated by a new firing (after `reconcileFiring` said `update`): its level is
 * the higher of the two, never lower; its period the later; the evidence and rule version those
 * of the firing when the firing is for its latest month or later; one more firing counted. Its
 * sensitivity never goes down: notes and responses written under the stricter level stay
 * behind it. Status, deadline and snooze are the people's, and stay as they are.
 */
export function applyFiring(alert: Alert, firing: Firing, now: Date): Alert {
  const latest = firing.period >= alert.period;
  return {
    ...alert,
    level: alertLevelRank(firing.level) > alertLevelRank(alert.level) ? firing.level : alert.level,
    period: latest ? firing.period : alert.period,
    firstPeriod: firing.period < alert.firstPeriod ? firing.period : alert.firstPeriod,
    ruleVersion: latest ? firing.ruleVersion : alert.ruleVersion,
    evidence: latest ? firing.evidence : alert.evidence,
    sensitivity: stricterSensitivity(alert.sensitivity, firing.sensitivity),
    firings: alert.firings + 1,
    updatedAt: now.toISOString(),
  };
}
