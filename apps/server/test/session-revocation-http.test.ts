import { databaseKinds } from '@prevention/db/testing';
import { describe, expect, it } from 'vitest';
import { testPassword, useTestServer, type ApiSession } from './test-server.js';

/** The promise, written out rather than read from the code it checks. */
const revocationBoundMs = 5_000;

describe.each(databaseKinds())('revocation across two servers on %s', (kind) => {
  let now = Date.now();
  const clock = () => new Date(now);
  const first = useTestServer(kind, { now: clock });
  // A second server process over the same database, with its own session cache.
  const second = useTestServer(kind, { now: clock, database: first.database });

  async function administrator(): Promise<ApiSession> {
    return first.signIn(
      await first.createUser({ roles: ['administrator'], scope: { kind: 'global' } }),
    );
  }

  /** The session, used on the second server just before the change, keeps working under 5 s. */
  async function refusedWithinTrust(session: ApiSession): Promise<void> {
    expect((await session.fetch('/trpc/areas.list')).status, 'right after').toBe(200);
    now += revocationBoundMs - 1;
    expect((await session.fetch('/trpc/areas.list')).status, 'just under 5 s after').toBe(200);
    now += 1;
    expect((await session.fetch('/trpc/areas.list')).status, '5 s after').toBe(401);
  }

  it('refuses a user disabled through the first server on the second within 5 s', async () => {
    const user = await first.createUser();
    const here = await first.signIn(user);
    const there = await second.signIn(user);
    expect((await there.fetch('/trpc/areas.list')).status).toBe(200);
    const admin = await administrator();
    await admin.client.users.update.mutate({ id: user.id, disabled: true });
    expect((await here.fetch('/trpc/areas.list')).status, 'on the first server').toBe(401);
    await refusedWithinTrust(there);
  });

  it('refuses the sessions on the second server within 5 s of a password change on the first', async () => {
    const user = await first.createUser();
    const here = await first.signIn(user);
    const there = await second.signIn(user);
    expect((await there.fetch('/trpc/areas.list')).status).toBe(200);
    await here.client.account.changePassword.mutate({
      currentPassword: testPassword,
      newPassword: 'another password nobody uses',
    });
    await refusedWithinTrust(there);
  });
});
