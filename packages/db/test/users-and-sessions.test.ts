import { newId } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import {
  claimTotpStep,
  deleteStaleSessions,
  countDemoUsers,
  endSession,
  endUserSessions,
  findLiveSession,
  findUserByEmail,
  findUserCredentialsByEmail,
  findUsers,
  insertSession,
  touchSession,
  updateUser,
} from '../src/index.js';
import { createTestUser, databaseKinds, useTestDatabase } from '../src/testing/index.js';

const minutes = (n: number) => n * 60_000;

describe.each(databaseKinds())('users on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('stores the email in lower case and finds the user whatever the case typed', async () => {
    const user = await createTestUser(database.db, { email: 'Amina.K@Example.ORG' });
    expect(user.email).toBe('amina.k@example.org');
    expect((await findUserByEmail(database.db, 'AMINA.K@example.org'))?.id).toBe(user.id);
    const credentials = await findUserCredentialsByEmail(database.db, 'amina.k@example.org');
    expect(credentials?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second user with the same email', async () => {
    await createTestUser(database.db, { email: 'twice@example.org' });
    await expect(createTestUser(database.db, { email: 'TWICE@example.org' })).rejects.toThrow();
  });

  it('updates roles, scope, clearance and the disabled flag, returning before and after', async () => {
    const user = await createTestUser(database.db);
    const result = await updateUser(
      database.db,
      user.id,
      {
        roles: ['reviewer', 'partner'],
        scope: { kind: 'global' },
        clearance: 'confidential',
        disabled: true,
      },
      new Date(),
    );
    expect(result?.before).toEqual(user);
    expect(result?.after).toMatchObject({
      roles: ['reviewer', 'partner'],
      scope: { kind: 'global' },
      clearance: 'confidential',
      disabled: true,
    });
    expect(await updateUser(database.db, newId(), { disabled: true }, new Date())).toBeUndefined();
  });

  it('lists users by email, a page at a time, filtered by text and role', async () => {
    const tag = `list${kind}`;
    for (const name of ['c', 'a', 'b']) {
      await createTestUser(database.db, {
        email: `${name}-${tag}@example.org`,
        roles: name === 'b' ? ['reviewer'] : ['partner'],
      });
    }
    const first = await findUsers(database.db, { search: tag }, { limit: 2 });
    expect(first.users.map((u) => u.email[0])).toEqual(['a', 'b']);
    expect(first.nextCursor).toBe(`b-${tag}@example.org`);
    const second = await findUsers(
      database.db,
      { search: tag },
      { limit: 2, afterEmail: first.nextCursor ?? '' },
    );
    expect(second.users.map((u) => u.email[0])).toEqual(['c']);
    expect(second.nextCursor).toBeNull();
    const reviewers = await findUsers(database.db, { search: tag, role: 'reviewer' }, { limit: 9 });
    expect(reviewers.users.map((u) => u.email[0])).toEqual(['b']);
    // LIKE wildcards typed by the user match themselves only.
    expect((await findUsers(database.db, { search: '%' }, { limit: 9 })).users).toEqual([]);
  });

  it('accepts each TOTP time step once, and never an older one', async () => {
    const user = await createTestUser(database.db);
    expect(await claimTotpStep(database.db, user.id, 100)).toBe(true);
    expect(await claimTotpStep(database.db, user.id, 100)).toBe(false);
    expect(await claimTotpStep(database.db, user.id, 99)).toBe(false);
    expect(await claimTotpStep(database.db, user.id, 101)).toBe(true);
  });

  it('counts demo users', async () => {
    const before = await countDemoUsers(database.db);
    await createTestUser(database.db, { demo: true });
    expect(await countDemoUsers(database.db)).toBe(before + 1);
  });
});

describe.each(databaseKinds())('sessions on %s', (kind) => {
  const database = useTestDatabase(kind);
  const idle = minutes(30);

  async function openSession(now: Date, expiresInMs = minutes(720)) {
    const user = await createTestUser(database.db);
    const tokenHash = newId();
    const session = await insertSession(database.db, {
      id: newId(),
      tokenHash,
      userId: user.id,
      stage: 'active',
      now,
      expiresAt: new Date(now.getTime() + expiresInMs),
    });
    return { user, session, tokenHash };
  }

  it('finds a live session with its user', async () => {
    const now = new Date();
    const { user, session, tokenHash } = await openSession(now);
    const live = await findLiveSession(database.db, tokenHash, now, idle);
    expect(live?.session.id).toBe(session.id);
    expect(live?.user).toEqual(user);
  });

  it('ends a session after the idle timeout, unless it was used in between', async () => {
    const start = new Date();
    const { session, tokenHash } = await openSession(start);
    const later = new Date(start.getTime() + minutes(20));
    await touchSession(database.db, session, later, minutes(1));
    expect(
      await findLiveSession(database.db, tokenHash, new Date(later.getTime() + minutes(29)), idle),
    ).toBeDefined();
    expect(
      await findLiveSession(database.db, tokenHash, new Date(later.getTime() + minutes(31)), idle),
    ).toBeUndefined();
  });

  it('writes the last use when it is due, exactly one granularity after the last mark', async () => {
    const start = new Date();
    const { session, tokenHash } = await openSession(start);
    const early = new Date(start.getTime() + minutes(1) - 1);
    expect(await touchSession(database.db, session, early, minutes(1))).toBe(false);
    const due = new Date(start.getTime() + minutes(1));
    expect(await touchSession(database.db, session, due, minutes(1))).toBe(true);
    const live = await findLiveSession(database.db, tokenHash, due, idle);
    expect(live?.session.lastSeenAt).toEqual(due);
  });

  it('ends a session at its absolute expiry, however active', async () => {
    const start = new Date();
    const { session, tokenHash } = await openSession(start, minutes(60));
    const almost = new Date(start.getTime() + minutes(59));
    await touchSession(database.db, session, almost, 0);
    expect(await findLiveSession(database.db, tokenHash, almost, idle)).toBeDefined();
    expect(
      await findLiveSession(database.db, tokenHash, new Date(start.getTime() + minutes(61)), idle),
    ).toBeUndefined();
  });

  it('finds no session once it is ended, or once its user is disabled', async () => {
    const now = new Date();
    const ended = await openSession(now);
    expect(await endSession(database.db, ended.session.id, 'sign-out', now)).toBe(true);
    expect(await findLiveSession(database.db, ended.tokenHash, now, idle)).toBeUndefined();

    const disabled = await openSession(now);
    await updateUser(database.db, disabled.user.id, { disabled: true }, now);
    expect(await findLiveSession(database.db, disabled.tokenHash, now, idle)).toBeUndefined();
  });

  it('forgets sessions that ended or expired before a given time, and only those', async () => {
    const now = new Date();
    const ended = await openSession(now);
    await endSession(database.db, ended.session.id, 'sign-out', now);
    const live = await openSession(now);
    expect(await deleteStaleSessions(database.db, new Date(now.getTime() + 1))).toBeGreaterThan(0);
    expect(await findLiveSession(database.db, live.tokenHash, now, idle)).toBeDefined();
    expect(await deleteStaleSessions(database.db, new Date(now.getTime() + 1))).toBe(0);
  });

  it("ends all of a user's sessions at once", async () => {
    const now = new Date();
    const { user, tokenHash } = await openSession(now);
    const second = newId();
    await insertSession(database.db, {
      id: newId(),
      tokenHash: second,
      userId: user.id,
      stage: 'active',
      now,
      expiresAt: new Date(now.getTime() + minutes(60)),
    });
    expect(await endUserSessions(database.db, user.id, 'password-changed', now)).toBe(2);
    expect(await findLiveSession(database.db, tokenHash, now, idle)).toBeUndefined();
    expect(await findLiveSession(database.db, second, now, idle)).toBeUndefined();
  });
});
