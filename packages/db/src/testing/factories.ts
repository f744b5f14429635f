import { countryCodeOfArea, newId, type Signal, type UserAccount } from '@prevention/core';
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
