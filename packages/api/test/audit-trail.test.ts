import { findAuditEntries, verifyAuditChain } from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { describe, expect, it } from 'vitest';
import { actorOf, callerFor, failure, testDependencies } from './harness.js';

const envelope = {
  pillar: 'human-rights',
  kind: 'violation',
  areaCode: 'SDN',
  occurredOn: '2026-10-02',
  title: 'Attack on a health centre',
  severity: 4,
  verification: 'corroborated',
  source: 'Partner report',
  fieldSensitivity: {},
  payload: {},
} as const;

describe.each(databaseKinds())('the audit trail of the API on %s', (kind) => {
  const database = useTestDatabase(kind);

  async function author() {
    return actorOf(
      await createTestUser(database.db, {
        roles: ['field-officer'],
        scope: { kind: 'global' },
        clearance: 'strictly-confidential',
      }),
    );
  }

  it('keeps the chain intact through 1,000 concurrent audited writes', async () => {
    const caller = callerFor(testDependencies(database.db, kind), await author());
    const before = await verifyAuditChain(database.db);
    const created = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        caller.signals.create({ ...envelope, sensitivity: 'public', title: `Concurrent ${i}` }),
      ),
    );
    expect(new Set(created.map((s) => s.id)).size).toBe(1000);
    const report = await verifyAuditChain(database.db);
    expect(report.intact).toBe(true);
    expect(report.entries).toBe(before.entries + 1000);
  }, 120_000);

  it('records what changed, with keyed hashes in place of confidential values', async () => {
    const actor = await author();
    const signal = await callerFor(testDependencies(database.db, kind), actor).signals.create({
      ...envelope,
      sensitivity: 'restricted',
      fieldSensitivity: { 'victim.name': 'strictly-confidential', place: 'confidential' },
      payload: { victim: { name: 'Nadia H.', age: 40 }, place: 'Ward 3', count: 2 },
    });
    const { entries } = await findAuditEntries(
      database.db,
      { resourceType: 'signal', resourceId: signal.id },
      { limit: 5 },
    );
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      action: 'signal.create',
      actorUserId: actor.userId,
      actorRoles: ['field-officer'],
      outcome: 'success',
      requestId: 'test-request',
    });
    const byField = Object.fromEntries((entry?.changes ?? []).map((c) => [c.field, c.after]));
    expect(byField.title).toBe('Attack on a health centre');
    expect(byField['payload.count']).toBe(2);
    expect(byField['payload.victim']).toEqual({
      keyedHash: expect.stringMatching(/^hmac-sha256:[0-9a-f]{64}$/),
    });
    expect(byField['payload.place']).toEqual({ keyedHash: expect.any(String) });
    expect(JSON.stringify(entry)).not.toMatch(/Nadia|Ward 3/);
  });

  it('writes no entry for a change that did not happen', async () => {
    const caller = callerFor(testDependencies(database.db, kind), await author());
    const before = (await verifyAuditChain(database.db)).entries;
    const error = await failure(
      caller.signals.create({ ...envelope, areaCode: 'SD99', sensitivity: 'public' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect((await verifyAuditChain(database.db)).entries).toBe(before);
  });

  it('records every read of strictly confidential data, and no other read', async () => {
    const actor = await author();
    const caller = callerFor(testDependencies(database.db, kind), actor);
    const secret = await caller.signals.create({
      ...envelope,
      sensitivity: 'strictly-confidential',
    });
    const ordinary = await caller.signals.create({ ...envelope, sensitivity: 'restricted' });
    await caller.signals.byId({ id: secret.id });
    await caller.signals.byId({ id: ordinary.id });
    await caller.signals.list({ limit: 100 });
    const reads = async (id: string) =>
      (await findAuditEntries(database.db, { resourceId: id }, { limit: 10 })).entries
        .filter((e) => e.action === 'signal.read')
        .map((e) => e.actorUserId);
    expect(await reads(secret.id)).toEqual([actor.userId, actor.userId]);
    expect(await reads(ordinary.id)).toEqual([]);
  });
});
