import { findAuditEntries } from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@prevention/core';
import { actorOf, callerFor, failure, testDependencies } from './harness.js';

describe.each(databaseKinds())('user management on %s', (kind) => {
  const database = useTestDatabase(kind);
  let admin: Actor;
  const caller = () => callerFor(testDependencies(database.db, kind), admin);

  beforeAll(async () => {
    admin = actorOf(
      await createTestUser(database.db, { roles: ['administrator'], scope: { kind: 'global' } }),
    );
  });

  const newUser = {
    email: 'New.Officer@Example.org',
    displayName: 'New officer',
    roles: ['field-officer' as const],
    scope: { kind: 'countries' as const, countries: ['SDN'] },
    clearance: 'confidential' as const,
    password: 'a long and unusual password',
  };

  it('creates a user, audits it without the password, and refuses a second with the same email', async () => {
    const user = await caller().users.create(newUser);
    expect(user).toMatchObject({
      email: 'new.officer@example.org',
      secondFactor: false,
      demo: false,
    });
    const { entries } = await findAuditEntries(database.db, { resourceId: user.id }, { limit: 5 });
    expect(entries[0]?.changes.map((c) => c.field)).toEqual([
      'email',
      'displayName',
      'roles',
      'scope',
      'clearance',
      'disabled',
      'password',
    ]);
    expect(JSON.stringify(entries)).not.toContain(newUser.password);
    const duplicate = await failure(
      caller().users.create({ ...newUser, email: newUser.email.toUpperCase() }),
    );
    expect(duplicate.code).toBe('CONFLICT');
  });

  it('refuses a common password and says why', async () => {
    const error = await failure(
      caller().users.create({ ...newUser, email: 'other@example.org', password: 'iloveyou123' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });

  it('updates roles, scope and clearance, auditing before and after', async () => {
    const target = await createTestUser(database.db);
    const updated = await caller().users.update({
      id: target.id,
      roles: ['reviewer'],
      scope: { kind: 'countries', countries: ['SDN', 'SSD'] },
      clearance: 'confidential',
    });
    expect(updated).toMatchObject({ roles: ['reviewer'], clearance: 'confidential' });
    const { entries } = await findAuditEntries(
      database.db,
      { resourceId: target.id },
      { limit: 5 },
    );
    expect(entries[0]?.changes).toEqual([
      { field: 'roles', before: ['field-officer'], after: ['reviewer'] },
      {
        field: 'scope',
        before: { kind: 'countries', countries: ['SDN'] },
        after: { kind: 'countries', countries: ['SDN', 'SSD'] },
      },
      { field: 'clearance', before: 'restricted', after: 'confidential' },
    ]);
  });

  it('does not let administrators lock themselves out', async () => {
    for (const change of [
      { disabled: true },
      { roles: ['reviewer' as const] },
      { scope: { kind: 'countries' as const, countries: ['SDN'] } },
    ]) {
      const error = await failure(caller().users.update({ id: admin.userId, ...change }));
      expect(error.code).toBe('PRECONDITION_FAILED');
    }
  });

  it('reports an unknown user as NOT_FOUND', async () => {
    const id = '01932b6e-8f3a-7c00-8000-00000000beef';
    expect((await failure(caller().users.byId({ id }))).code).toBe('NOT_FOUND');
    expect((await failure(caller().users.update({ id, disabled: true }))).code).toBe('NOT_FOUND');
    expect((await failure(caller().users.resetSecondFactor({ id }))).code).toBe('NOT_FOUND');
    expect(
      (await failure(caller().users.resetPassword({ id, password: 'some new password' }))).code,
    ).toBe('NOT_FOUND');
  });
});
