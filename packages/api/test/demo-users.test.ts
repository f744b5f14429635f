import { roles } from '@prevention/core';
import { countDemoUsers } from '@prevention/db';
import { databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { describe, expect, it } from 'vitest';
import { demoPassword, demoUsers, ensureDemoUsers } from '../src/index.js';
import { browserCaller, callerFor, testDependencies } from './harness.js';

describe.each(databaseKinds())('demo users on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('creates one demo user per role, once', async () => {
    const deps = testDependencies(database.db, kind);
    expect(await ensureDemoUsers({ ...deps, requestId: 'seed' })).toHaveLength(roles.length);
    expect(await ensureDemoUsers({ ...deps, requestId: 'seed' })).toEqual([]);
    expect(await countDemoUsers(database.db)).toBe(roles.length);
    expect(new Set(demoUsers.flatMap((u) => u.roles))).toEqual(new Set(roles));
  });

  it('shows the demo accounts with their current code in demo mode, and signs each of them in', async () => {
    const deps = testDependencies(database.db, kind);
    const accounts = await callerFor(deps, null).auth.demoAccounts();
    expect(accounts).toHaveLength(roles.length);
    for (const account of accounts) {
      expect(account.password).toBe(demoPassword);
      const browser = browserCaller(deps, `192.0.2.${accounts.indexOf(account) + 10}`);
      const result = await browser.call.auth.signIn({
        email: account.email,
        password: demoPassword,
      });
      if (account.totpCode) {
        expect(result.status).toBe('second-factor-required');
        await browser.call.auth.verifySecondFactor({ code: account.totpCode });
      } else {
        expect(result.status).toBe('signed-in');
      }
      expect(await browser.call.auth.session()).toMatchObject({
        user: { email: account.email, demo: true },
        actor: { clearance: account.clearance },
      });
    }
  });

  it('shows nothing in production mode', async () => {
    const deps = testDependencies(database.db, kind, { mode: 'production' });
    expect(await callerFor(deps, null).auth.demoAccounts()).toEqual([]);
  });
});
