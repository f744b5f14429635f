import { describe, expect, it } from 'vitest';
import { recordSignInAttempt, settleSignInAttempt } from '../src/index.js';
import { databaseKinds, useTestDatabase } from '../src/testing/index.js';

describe.each(databaseKinds())('sign-in attempts on %s', (kind) => {
  const database = useTestDatabase(kind);
  const since = (now: Date) => new Date(now.getTime() - 15 * 60_000);

  it('counts failures per account and per address, and a success clears the account', async () => {
    const now = new Date();
    const attempt = (account: string, address: string) =>
      recordSignInAttempt(database.db, { account, address, now }, since(now));

    const first = await attempt('a@example.org', '10.0.0.1');
    expect(first).toMatchObject({ accountFailures: 1, addressFailures: 1 });
    await settleSignInAttempt(database.db, first.id, 'failed');
    const second = await attempt('a@example.org', '10.0.0.2');
    expect(second).toMatchObject({ accountFailures: 2, addressFailures: 1 });
    await settleSignInAttempt(database.db, second.id, 'succeeded');
    const third = await attempt('a@example.org', '10.0.0.1');
    expect(third).toMatchObject({ accountFailures: 1, addressFailures: 2 });
    const other = await attempt('b@example.org', '10.0.0.1');
    expect(other).toMatchObject({ accountFailures: 1, addressFailures: 3 });
  });

  it('lets every concurrent attempt see those written before it', async () => {
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        recordSignInAttempt(
          database.db,
          { account: 'burst@example.org', address: '10.9.9.9', now },
          since(now),
        ),
      ),
    );
    const counts = results.map((r) => r.accountFailures);
    // However they interleave, the k-th attempt written sees at least k: a limit of n lets at
    // most n of them through to the password check.
    for (const limit of [1, 5, 10]) {
      expect(counts.filter((count) => count <= limit).length).toBeLessThanOrEqual(limit);
    }
    expect(Math.max(...counts)).toBe(20);
  });

  it('forgets attempts older than the window', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 60 * 60_000);
    await recordSignInAttempt(
      database.db,
      { account: 'old@example.org', address: '10.1.1.1', now: old },
      since(old),
    );
    const fresh = await recordSignInAttempt(
      database.db,
      { account: 'old@example.org', address: '10.1.1.1', now },
      since(now),
    );
    expect(fresh.accountFailures).toBe(1);
  });
});
