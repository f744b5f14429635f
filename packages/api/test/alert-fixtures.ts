import type { Sensitivity } from '@prevention/core';
import { insertAlert, saveAlertRule, type DatabaseClient } from '@prevention/db';
import { testAlert, testAlertRuleDraft } from '@prevention/db/testing';
import type { Alert, AlertRule, AlertRuleDraft, Digest } from '@prevention/early-warning';

export function storeRule(
  db: DatabaseClient,
  savedBy: string,
  overrides: Partial<AlertRuleDraft> = {},
): Promise<AlertRule> {
  return saveAlertRule(db, testAlertRuleDraft(overrides), savedBy, new Date());
}

/** An alert of `rule` in Sudan, raised an hour ago, due in two days, with any field overridden. */
export async function storeAlert(
  db: DatabaseClient,
  rule: AlertRule,
  overrides: Partial<Alert> = {},
): Promise<Alert> {
  const raisedAt = new Date(Date.now() - 3_600_000).toISOString();
  const alert = testAlert(rule, {
    raisedAt,
    updatedAt: raisedAt,
    acknowledgeBy: new Date(Date.now() + 47 * 3_600_000).toISOString(),
    sensitivity: 'restricted',
    ...overrides,
  });
  if (!(await insertAlert(db, alert))) throw new Error('An alert of this rule and area is open');
  return alert;
}

/** A closed alert: what the authorisation matrix steps on without changing it. */
export function closedAlert(
  db: DatabaseClient,
  rule: AlertRule,
  sensitivity: Sensitivity,
  closedBy: string,
): Promise<Alert> {
  return storeAlert(db, rule, {
    sensitivity,
    status: 'closed',
    closedAt: new Date().toISOString(),
    closedBy,
    outcome: 'false-alarm',
  });
}

/** Every alert a digest names, whatever its country, level and kind. */
export function digestAlertIds(digest: Digest): string[] {
  return digest.countries.flatMap((country) =>
    country.levels.flatMap((level) =>
      [...level.overdue, ...level.new, ...level.updated].map((item) => item.id),
    ),
  );
}
