import { countryCodeOfArea, newId, type Signal, type UserAccount } from '@prevention/core';
import type { Alert, AlertRuleDraft } from '@prevention/early-warning';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { findAreaByCode, upsertAreas } from '../repositories/areas.js';
import { insertSignal, type SignalRecord } from '../repositories/signals.js';
import { insertUser, type NewUser } from '../repositories/users.js';

let counter = 0;

/**
 * A user with sensible defaults and any field overridden. The password hash is a placeholder that
 * matches no password: tests that sign in set a real one.
 */
export function createTestUser(
  db: Kysely<Database>,
  overrides: Partial<NewUser> = {},
): Promise<UserAccount> {
  counter += 1;
  const id = overrides.id ?? newId();
  return insertUser(db, {
    id,
    email: `user-${counter}-${id.slice(-12)}@example.org`,
    displayName: `Test user ${counter}`,
    roles: ['field-officer'],
    scope: { kind: 'countries', countries: ['SDN'] },
    clearance: 'restricted',
    passwordHash: '$argon2id$v=19$m=8,t=1,p=1$placeholder$placeholder',
    now: new Date(),
    ...overrides,
  });
}

/** A signal envelope with sensible defaults and any field overridden. */
export function testSignal(overrides: Partial<Signal> = {}): Signal {
  return {
    id: newId(),
    pillar: 'human-rights',
    kind: 'violation',
    areaCode: 'SDN',
    occurredOn: '2026-10-01',
    title: 'Reported detention of journalists',
    severity: 3,
    verification: 'reported',
    source: 'Field report',
    sensitivity: 'restricted',
    fieldSensitivity: {},
    payload: {},
    ...overrides,
  };
}

/** Stores a signal as `createdBy` recorded it. The area must exist (countries always do). */
export function createTestSignal(
  db: Kysely<Database>,
  createdBy: string,
  overrides: Partial<Signal> = {},
): Promise<SignalRecord> {
  const signal = testSignal(overrides);
  const countryCode = countryCodeOfArea(signal.areaCode);
  if (!countryCode) throw new Error(`No country for the area ${signal.areaCode}`);
  return insertSignal(db, signal, { countryCode, createdBy, now: new Date() });
}

/**
 * First-level units of a country, as the demo has them (`SD01` …, named `Unit 1` … unless
 * named), inserted or kept; returns their codes.
 */
export async function createTestSubnationalAreas(
  db: Kysely<Database>,
  countryCode: string,
  codes: readonly string[],
): Promise<string[]> {
  const country = await findAreaByCode(db, countryCode);
  if (!country) throw new Error(`No country ${countryCode}`);
  await upsertAreas(
    db,
    codes.map((code, i) => ({
      code,
      kind: 'subnational',
      name: `Unit ${i + 1} of ${countryCode}`,
      parent_code: countryCode,
      admin_level: 1,
      alpha2: null,
      m49: null,
      un_status: null,
      region_code: country.region.code,
      region_name: country.region.name,
      sub_region_code: country.subRegion.code,
      sub_region_name: country.subRegion.name,
      intermediate_region_code: country.intermediateRegion?.code ?? null,
      intermediate_region_name: country.intermediateRegion?.name ?? null,
    })),
  );
  return [...codes];
}

/** A warning rule as an administrator writes it, with sensible defaults and any field overridden. */
export function testAlertRuleDraft(overrides: Partial<AlertRuleDraft> = {}): AlertRuleDraft {
  counter += 1;
  return {
    id: `test-rule-${counter}`,
    title: { en: 'Violence more than doubles' },
    rationale: 'A test rule.',
    countryCode: null,
    enabled: true,
    level: 'warning',
    condition: {
      kind: 'spike',
      series: { source: 'indicator', indicatorId: 'peace-security.fatalities' },
      spike: { test: 'trailing-mean', periods: 4, ratio: 2, minBaseline: 1 },
    },
    cooldownDays: 30,
    acknowledgeWithinHours: 72,
    ...overrides,
  };
}

/**
 * A just-raised alert of a rule (which must be stored) in Sudan, with sensible defaults and any
 * field overridden.
 */
export function testAlert(
  rule: { id: string; version: number },
  overrides: Partial<Alert> = {},
): Alert {
  const raisedAt = overrides.raisedAt ?? '2026-12-01T10:00:00.000Z';
  return {
    id: newId(),
    ruleId: rule.id,
    ruleVersion: rule.version,
    areaCode: 'SDN',
    countryCode: 'SDN',
    level: 'warning',
    status: 'open',
    firstPeriod: '2026-11',
    period: '2026-11',
    firings: 1,
    evidence: {
      measure: 'peace-security.fatalities',
      series: [
        { month: '2026-10', value: 4 },
        { month: '2026-11', value: 12 },
      ],
      observed: 12,
      baseline: 4,
      threshold: 8,
      reason: '12 in 2026-11, more than 2 × the 4-month mean of 4',
      sourceIds: [],
    },
    sensitivity: 'public',
    raisedAt,
    updatedAt: raisedAt,
    acknowledgeBy: new Date(Date.parse(raisedAt) + 72 * 3_600_000).toISOString(),
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
    ...overrides,
  };
}
