import type { Sensitivity } from '@prevention/core';
import { verifyAuditChain, findAuditEntries } from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpCode } from '../src/auth/totp.js';
import { hashPassword, type ApiDependencies } from '../src/index.js';
import {
  actorOf,
  browserCaller,
  callerFor,
  failure,
  testClock,
  testDependencies,
  testSecurity,
} from './harness.js';

const password = 'correct horse battery staple';
const minutes = (n: number) => n * 60_000;

describe.each(databaseKinds())('signing in and sessions on %s', (kind) => {
  const database = useTestDatabase(kind);
  let passwordHash: string;
  let counter = 0;

  beforeAll(async () => {
    // Hashed once: every test user shares this password.
    passwordHash = await hashPassword(password, testSecurity.passwordHashing);
  });

  async function user(clearance: Sensitivity = 'restricted') {
    counter += 1;
    return createTestUser(database.db, {
      email: `person-${counter}-${kind}@example.org`,
      passwordHash,
      clearance,
      roles: ['reviewer'],
    });
  }

  function setup(overrides: Partial<ApiDependencies> = {}) {
    const clock = testClock();
    const deps = testDependencies(database.db, kind, { now: clock.now, ...overrides });
    return { clock, deps, browser: browserCaller(deps, `203.0.113.${counter % 250}`) };
  }

  it('signs in with the password exactly as typed, and the session opens the API', async () => {
    const { email } = await user();
    const { browser } = setup();
    expect(await browser.call.auth.session()).toBeNull();
    const result = await browser.call.auth.signIn({ email: email.toUpperCase(), password });
    expect(result).toMatchObject({ status: 'signed-in', user: { email } });
    expect(browser.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await browser.call.auth.session()).toMatchObject({ user: { email } });
    await expect(browser.call.areas.byCode({ code: 'SDN' })).resolves.toBeDefined();
    const trimmed = await failure(
      browser.call.auth.signIn({ email, password: password.trimEnd() + ' ' }),
    );
    expect(trimmed.code).toBe('UNAUTHORIZED');
  });

  it('gives the same answer for an unknown account, a wrong password and a disabled user', async () => {
    const { email, id } = await user();
    const { browser, deps } = setup();
    const wrong = await failure(browser.call.auth.signIn({ email, password: 'wrong password' }));
    const unknown = await failure(
      browser.call.auth.signIn({ email: 'nobody@example.org', password }),
    );
    const admin = actorOf(
      await createTestUser(database.db, { roles: ['administrator'], scope: { kind: 'global' } }),
    );
    await callerFor(deps, admin).users.update({ id, disabled: true });
    const disabled = await failure(browser.call.auth.signIn({ email, password }));
    for (const error of [wrong, unknown, disabled]) {
      expect({ code: error.code, message: error.message }).toEqual({
        code: 'UNAUTHORIZED',
        message: 'The email address or password is not correct.',
      });
    }
  });

  it('issues a new token at every sign-in and ends the one before', async () => {
    const { email } = await user();
    const { browser } = setup();
    await browser.call.auth.signIn({ email, password });
    const first = browser.token;
    await browser.call.auth.signIn({ email, password });
    expect(browser.token).not.toBe(first);
    browser.useToken(first);
    expect(await browser.call.auth.session()).toBeNull();
  });

  it('ends a session after 30 idle minutes, and keeps a used one alive', async () => {
    const { email } = await user();
    const { browser, clock } = setup();
    await browser.call.auth.signIn({ email, password });
    clock.advance(minutes(29));
    expect(await browser.call.auth.session()).not.toBeNull();
    clock.advance(minutes(29));
    expect(await browser.call.auth.session()).not.toBeNull();
    clock.advance(minutes(31));
    expect(await browser.call.auth.session()).toBeNull();
    expect((await failure(browser.call.areas.list())).code).toBe('UNAUTHORIZED');
  });

  it('ends a session 12 hours after sign-in, however busy', async () => {
    const { email } = await user();
    const { browser, clock } = setup();
    await browser.call.auth.signIn({ email, password });
    for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
      clock.advance(minutes(20));
      expect(await browser.call.auth.session(), `after ${elapsed + 20} minutes`).not.toBeNull();
    }
    clock.advance(minutes(25));
    expect(await browser.call.auth.session()).toBeNull();
  });

  it('ends the session on sign-out, so the old cookie opens nothing', async () => {
    const { email } = await user();
    const { browser } = setup();
    await browser.call.auth.signIn({ email, password });
    const token = browser.token;
    await browser.call.auth.signOut();
    expect(browser.token).toBeNull();
    browser.useToken(token);
    expect(await browser.call.auth.session()).toBeNull();
    expect((await failure(browser.call.areas.list())).code).toBe('UNAUTHORIZED');
  });

  it('ends every session of a user who is disabled, or whose password is reset', async () => {
    const admin = actorOf(
      await createTestUser(database.db, { roles: ['administrator'], scope: { kind: 'global' } }),
    );
    for (const action of ['disable', 'reset'] as const) {
      const { email, id } = await user();
      const { browser, deps } = setup();
      const other = browserCaller(deps, '203.0.113.99');
      await browser.call.auth.signIn({ email, password });
      await other.call.auth.signIn({ email, password });
      const admins = callerFor(deps, admin);
      if (action === 'disable') await admins.users.update({ id, disabled: true });
      else await admins.users.resetPassword({ id, password: 'a brand new password' });
      expect(await browser.call.auth.session(), action).toBeNull();
      expect(await other.call.auth.session(), action).toBeNull();
    }
  });

  it('ends every session when users change their own password, and takes the new one', async () => {
    const { email } = await user();
    const { browser, deps } = setup();
    const other = browserCaller(deps, '203.0.113.98');
    await browser.call.auth.signIn({ email, password });
    await other.call.auth.signIn({ email, password });
    const refused = await failure(
      browser.call.account.changePassword({ currentPassword: password, newPassword: 'password1' }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    await browser.call.account.changePassword({
      currentPassword: password,
      newPassword: 'a whole new passphrase',
    });
    expect(await browser.call.auth.session()).toBeNull();
    expect(await other.call.auth.session()).toBeNull();
    await expect(
      browser.call.auth.signIn({ email, password: 'a whole new passphrase' }),
    ).resolves.toMatchObject({ status: 'signed-in' });
  });

  it('makes a confidential clearance set up and use a TOTP second factor', async () => {
    const { email } = await user('confidential');
    const { browser, clock } = setup();
    const enrolment = await browser.call.auth.signIn({ email, password });
    if (enrolment.status !== 'second-factor-enrolment') throw new Error(enrolment.status);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    // Until the second factor is done, the session opens nothing.
    expect(await browser.call.auth.session()).toBeNull();
    expect((await failure(browser.call.areas.list())).code).toBe('UNAUTHORIZED');
    expect((await failure(browser.call.auth.verifySecondFactor({ code: '000000' }))).code).toBe(
      'UNAUTHORIZED',
    );
    const key = base32Decode(enrolment.secret);
    const code = totpCode(key, clock.now().getTime());
    await expect(browser.call.auth.verifySecondFactor({ code })).resolves.toMatchObject({
      status: 'signed-in',
      user: { secondFactor: true },
    });
    expect(await browser.call.auth.session()).toMatchObject({
      actor: { clearance: 'confidential' },
    });

    // Next time the code is asked for, and the one already used is refused.
    await browser.call.auth.signOut();
    await expect(browser.call.auth.signIn({ email, password })).resolves.toEqual({
      status: 'second-factor-required',
    });
    expect((await failure(browser.call.auth.verifySecondFactor({ code }))).code).toBe(
      'UNAUTHORIZED',
    );
    clock.advance(30_000);
    await expect(
      browser.call.auth.verifySecondFactor({ code: totpCode(key, clock.now().getTime()) }),
    ).resolves.toMatchObject({ status: 'signed-in' });
  });

  it('gives a session without a second factor no more than restricted clearance', async () => {
    const { email, id } = await user('restricted');
    const { browser, deps } = setup();
    await browser.call.auth.signIn({ email, password });
    const admin = actorOf(
      await createTestUser(database.db, { roles: ['administrator'], scope: { kind: 'global' } }),
    );
    await callerFor(deps, admin).users.update({ id, clearance: 'strictly-confidential' });
    expect(await browser.call.auth.session()).toMatchObject({
      user: { clearance: 'strictly-confidential' },
      actor: { clearance: 'restricted' },
    });
  });

  it('throttles sign-in per account, counting calls not requests, with a clear message', async () => {
    const { email } = await user();
    const { browser, clock } = setup();
    const max = testSecurity.signInThrottle.maxFailuresPerAccount;
    // Twenty calls at once, as one batched HTTP request would make them: however they
    // interleave, no more than the limit reach the password check.
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => browser.call.auth.signIn({ email, password: 'guess' })),
    );
    const messages = results.map((r) =>
      r.status === 'rejected' ? (r.reason as Error).message : 'signed in',
    );
    const checked = messages.filter((m) => m.includes('not correct')).length;
    const throttled = messages.filter((m) => m.startsWith('Too many sign-in attempts')).length;
    expect(checked).toBeLessThanOrEqual(max);
    expect(checked + throttled).toBe(20);
    // One at a time, the account gets exactly its allowance of wrong guesses.
    for (let i = checked; i < max; i += 1) {
      const error = await failure(browser.call.auth.signIn({ email, password: 'guess' }));
      expect(error.code).toBe('UNAUTHORIZED');
    }
    // The right password is refused too while the account is throttled …
    const refused = await failure(browser.call.auth.signIn({ email, password }));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.message).toBe('Too many sign-in attempts. Wait 15 minutes, then try again.');
    // … and accepted once the window has passed.
    clock.advance(minutes(16));
    await expect(browser.call.auth.signIn({ email, password })).resolves.toMatchObject({
      status: 'signed-in',
    });
  });

  it('throttles sign-in per address across accounts', async () => {
    const { deps } = setup();
    const browser = browserCaller(deps, '203.0.113.250');
    const max = testSecurity.signInThrottle.maxFailuresPerAddress;
    for (let i = 0; i < max; i += 1) {
      await failure(
        browser.call.auth.signIn({ email: `spray-${i}-${kind}@example.org`, password: 'guess' }),
      );
    }
    const { email } = await user();
    expect((await failure(browser.call.auth.signIn({ email, password }))).code).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('audits sign-in, sign-out and failures in an intact chain', async () => {
    const { email, id } = await user();
    const { browser } = setup();
    await failure(browser.call.auth.signIn({ email, password: 'wrong' }));
    await browser.call.auth.signIn({ email, password });
    await browser.call.auth.signOut();
    const { entries } = await findAuditEntries(database.db, { resourceId: id }, { limit: 10 });
    expect(entries.map((e) => `${e.action}:${e.outcome}`)).toEqual(
      [
        'session.sign-out:success',
        'session.sign-in:success',
        'session.sign-in:failure',
        'user.create:success',
      ].slice(0, entries.length),
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true });
  });
});
