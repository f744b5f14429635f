import type { Sensitivity } from '@prevention/core';
import type { DatabaseClient } from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../src/auth/server-keys.js';
import { base32Decode, newTotpSecret, totpCode } from '../src/auth/totp.js';
import { hashPassword, SessionCache, type ApiDependencies } from '../src/index.js';
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
const totpStepMs = 30_000;
/** The promise, written out rather than read from the code it checks. */
const revocationBoundMs = 5_000;

type QueryPlugin = Parameters<DatabaseClient['withPlugin']>[0];

/** The database with a count of the statements run through it, by kind of statement. */
function countingStatements(db: DatabaseClient) {
  const counts = { select: 0, update: 0, other: 0 };
  const plugin: QueryPlugin = {
    transformQuery: ({ node }) => {
      if (node.kind === 'SelectQueryNode') counts.select += 1;
      else if (node.kind === 'UpdateQueryNode') counts.update += 1;
      else counts.other += 1;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return {
    db: db.withPlugin(plugin),
    counts,
    reset: () => Object.assign(counts, { select: 0, update: 0, other: 0 }),
  };
}

describe.each(databaseKinds())('the session cache and revocation on %s', (kind) => {
  const database = useTestDatabase(kind);
  let passwordHash: string;
  let counter = 0;

  beforeAll(async () => {
    passwordHash = await hashPassword(password, testSecurity.passwordHashing);
  });

  async function user(clearance: Sensitivity = 'restricted', totpKey?: Buffer) {
    counter += 1;
    return createTestUser(database.db, {
      email: `revoked-${counter}-${kind}@example.org`,
      passwordHash,
      clearance,
      roles: ['reviewer'],
      scope: { kind: 'countries', countries: ['SDN'] },
      ...(totpKey ? { totpSecret: encryptSecret(testSecurity.keys.totpEncryption, totpKey) } : {}),
    });
  }

  async function administrator() {
    return actorOf(
      await createTestUser(database.db, { roles: ['administrator'], scope: { kind: 'global' } }),
    );
  }

  /** One server process: its own dependencies and cache, on the shared database and clock. */
  function serverProcess(
    clock: ReturnType<typeof testClock>,
    overrides: Partial<ApiDependencies> = {},
  ) {
    const deps = testDependencies(database.db, kind, { now: clock.now, ...overrides });
    return {
      deps,
      browser: () => {
        counter += 1;
        return browserCaller(deps, `198.51.100.${counter % 250}`);
      },
    };
  }

  /** A browser signed in as the user, whose session this process has already read and cached. */
  async function signedIn(server: ReturnType<typeof serverProcess>, email: string) {
    const browser = server.browser();
    await browser.call.auth.signIn({ email, password });
    expect(await browser.call.auth.session()).not.toBeNull();
    expect(server.deps.sessionCache.footprint().entries).toBeGreaterThan(0);
    return browser;
  }

  describe('within one process', () => {
    it('reads the session from the database once per 5 s and writes its last use once a minute', async () => {
      const { email } = await user();
      const clock = testClock();
      const counting = countingStatements(database.db);
      const server = serverProcess(clock, { db: counting.db });
      const browser = server.browser();
      await browser.call.auth.signIn({ email, password });

      // A signed-in read when the session is not cached: the session, then the area.
      counting.reset();
      await browser.call.areas.byCode({ code: 'SDN' });
      expect(counting.counts).toEqual({ select: 2, update: 0, other: 0 });
      // The same read while it is: only the area.
      counting.reset();
      await browser.call.areas.byCode({ code: 'SDN' });
      expect(counting.counts).toEqual({ select: 1, update: 0, other: 0 });

      // One read a second for two minutes and five seconds.
      counting.reset();
      const reads = 125;
      for (let i = 0; i < reads; i += 1) {
        clock.advance(1_000);
        await browser.call.areas.byCode({ code: 'SDN' });
      }
      const sessionReads = Math.ceil(reads / (revocationBoundMs / 1_000));
      expect(counting.counts).toEqual({ select: reads + sessionReads, update: 2, other: 0 });
    });

    it('ends the session at sign-out, though it was cached', async () => {
      const { email } = await user();
      const server = serverProcess(testClock());
      const browser = await signedIn(server, email);
      const token = browser.token;
      await browser.call.auth.signOut();
      browser.useToken(token);
      expect(await browser.call.auth.session()).toBeNull();
    });

    it('ends the session a new sign-in replaces, though it was cached', async () => {
      const { email } = await user();
      const server = serverProcess(testClock());
      const browser = await signedIn(server, email);
      const first = browser.token;
      await browser.call.auth.signIn({ email, password });
      browser.useToken(first);
      expect(await browser.call.auth.session()).toBeNull();
    });

    it('ends the password step of a sign-in once the second factor is passed', async () => {
      const key = newTotpSecret();
      const { email } = await user('confidential', key);
      const clock = testClock();
      const server = serverProcess(clock);
      const browser = server.browser();
      await expect(browser.call.auth.signIn({ email, password })).resolves.toEqual({
        status: 'second-factor-required',
      });
      const passwordStep = browser.token;
      // A wrong code first: the password step is now read and cached.
      expect((await failure(browser.call.auth.verifySecondFactor({ code: '000000' }))).code).toBe(
        'UNAUTHORIZED',
      );
      const now = clock.now().getTime();
      await browser.call.auth.verifySecondFactor({ code: totpCode(key, now) });
      // The password step must not lead to a second session, even with the next valid code.
      browser.useToken(passwordStep);
      const replay = await failure(
        browser.call.auth.verifySecondFactor({ code: totpCode(key, now + totpStepMs) }),
      );
      expect(replay.message).toBe('Your sign-in has expired. Start again with your password.');
    });

    it('ends the password step of a sign-in once a new second factor is set up with it', async () => {
      const { email } = await user('confidential');
      const clock = testClock();
      const server = serverProcess(clock);
      const browser = server.browser();
      const enrolment = await browser.call.auth.signIn({ email, password });
      if (enrolment.status !== 'second-factor-enrolment') throw new Error(enrolment.status);
      const passwordStep = browser.token;
      expect((await failure(browser.call.auth.verifySecondFactor({ code: '000000' }))).code).toBe(
        'UNAUTHORIZED',
      );
      const code = totpCode(base32Decode(enrolment.secret), clock.now().getTime());
      await browser.call.auth.verifySecondFactor({ code });
      browser.useToken(passwordStep);
      const replay = await failure(browser.call.auth.verifySecondFactor({ code }));
      expect(replay.message).toBe('Your sign-in has expired. Start again with your password.');
    });

    it('shows an optional second factor being set up, and set up, at once', async () => {
      const { email } = await user('restricted');
      const clock = testClock();
      const server = serverProcess(clock);
      const browser = await signedIn(server, email);
      const other = await signedIn(server, email);
      const { secret } = await browser.call.account.beginTotpEnrolment();
      const code = totpCode(base32Decode(secret), clock.now().getTime());
      await expect(browser.call.account.confirmTotpEnrolment({ code })).resolves.toEqual({
        secondFactor: true,
      });
      for (const session of [browser, other]) {
        expect(await session.call.auth.session()).toMatchObject({ user: { secondFactor: true } });
      }
      expect((await failure(other.call.account.beginTotpEnrolment())).code).toBe('CONFLICT');
    });

    it('ends every session of a user whose password they change themselves', async () => {
      const { email } = await user();
      const server = serverProcess(testClock());
      const browser = await signedIn(server, email);
      const other = await signedIn(server, email);
      await browser.call.account.changePassword({
        currentPassword: password,
        newPassword: 'a whole new passphrase',
      });
      expect(await other.call.auth.session()).toBeNull();
    });

    it.each(['disable', 'reset the password of', 'reset the second factor of'] as const)(
      'ends every session of a user when administrators %s them',
      async (action) => {
        const { email, id } = await user();
        const server = serverProcess(testClock());
        const sessions = [await signedIn(server, email), await signedIn(server, email)];
        const admins = callerFor(server.deps, await administrator());
        if (action === 'disable') await admins.users.update({ id, disabled: true });
        else if (action === 'reset the password of') {
          await admins.users.resetPassword({ id, password: 'a brand new password' });
        } else await admins.users.resetSecondFactor({ id });
        for (const session of sessions) expect(await session.call.auth.session()).toBeNull();
      },
    );

    it('narrows a session at once when its user loses roles, countries or clearance', async () => {
      const { email, id } = await user('restricted');
      const server = serverProcess(testClock());
      const browser = await signedIn(server, email);
      const admins = callerFor(server.deps, await administrator());
      const changes = [
        { roles: ['partner' as const] },
        { scope: { kind: 'countries' as const, countries: ['MLI'] } },
        { clearance: 'public' as const },
      ];
      for (const change of changes) {
        await admins.users.update({ id, ...change });
        expect(await browser.call.auth.session(), JSON.stringify(change)).toMatchObject({
          user: change,
        });
      }
      expect(await browser.call.auth.session()).toMatchObject({
        actor: { roles: ['partner'], scope: { countries: ['MLI'] }, clearance: 'public' },
      });
    });
  });

  describe('across processes', () => {
    /** Shows `browser`, served by `elsewhere`, still open just under 5 s after the change. */
    async function refusedWithinTrust(
      clock: ReturnType<typeof testClock>,
      browser: ReturnType<ReturnType<typeof serverProcess>['browser']>,
    ) {
      expect(await browser.call.auth.session(), 'right after the change').not.toBeNull();
      clock.advance(revocationBoundMs - 1);
      expect(await browser.call.auth.session(), 'just under 5 s after').not.toBeNull();
      clock.advance(1);
      expect(await browser.call.auth.session(), '5 s after').toBeNull();
      expect((await failure(browser.call.areas.list())).code).toBe('UNAUTHORIZED');
    }

    it('refuses a disabled user within 5 s in a process that had cached their session', async () => {
      const { email, id } = await user();
      const clock = testClock();
      const here = serverProcess(clock);
      const elsewhere = serverProcess(clock);
      expect(here.deps.sessionCache).not.toBe(elsewhere.deps.sessionCache);
      const nearby = await signedIn(here, email);
      const far = await signedIn(elsewhere, email);
      await callerFor(here.deps, await administrator()).users.update({ id, disabled: true });
      expect(await nearby.call.auth.session()).toBeNull();
      await refusedWithinTrust(clock, far);
    });

    it('refuses the old sessions within 5 s after a password change in another process', async () => {
      const { email } = await user();
      const clock = testClock();
      const here = serverProcess(clock);
      const elsewhere = serverProcess(clock);
      const changer = await signedIn(here, email);
      const far = await signedIn(elsewhere, email);
      await changer.call.account.changePassword({
        currentPassword: password,
        newPassword: 'a whole new passphrase',
      });
      await refusedWithinTrust(clock, far);
    });
  });

  it('gives every set of dependencies a cache of its own', () => {
    const one = testDependencies(database.db, kind);
    const two = testDependencies(database.db, kind);
    expect(one.sessionCache).toBeInstanceOf(SessionCache);
    expect(one.sessionCache).not.toBe(two.sessionCache);
  });
});
