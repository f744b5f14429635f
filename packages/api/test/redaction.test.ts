import { roles, type Actor, type UserAccount } from '@prevention/core';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf, callerFor, testDependencies } from './harness.js';

/** `npm run test:deep` sets PROPERTY_RUNS_SCALE to try many more cases than a default run. */
const propertyRunsScale = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);

/**
 * Redaction: values planted in strictly confidential places — fields marked so, and whole records
 * marked so — must never reach a user whose clearance is below it, in any response: lists, reads,
 * the audit log, error messages.
 */
const markers = Array.from({ length: 8 }, (_, i) => `PLANTED-MARKER-${i}-${Math.random()}`);
const [victimName, witnessName, witnessPhone, secretTitle, secretSource, nestedValue, deep, other] =
  markers;

function planted(): string[] {
  return markers.filter((m): m is string => m !== undefined);
}

describe.each(databaseKinds())('redaction on %s', (kind) => {
  const database = useTestDatabase(kind);
  const ids: string[] = [];
  const readers: { user: UserAccount; actor: Actor }[] = [];
  let author: Actor;

  beforeAll(async () => {
    const deps = testDependencies(database.db, kind);
    author = actorOf(
      await createTestUser(database.db, {
        roles: ['country-team-lead'],
        scope: { kind: 'global' },
        clearance: 'strictly-confidential',
      }),
    );
    const create = callerFor(deps, author).signals.create;
    const envelope = {
      pillar: 'human-rights',
      kind: 'violation',
      areaCode: 'SDN',
      occurredOn: '2026-09-30',
      title: 'Arbitrary detention reported',
      severity: 4,
      verification: 'reported',
      source: 'Field monitoring',
    } as const;
    const created = [
      await create({
        ...envelope,
        sensitivity: 'restricted',
        fieldSensitivity: {
          'victims[].name': 'strictly-confidential',
          witness: 'strictly-confidential',
          'case.details.note': 'strictly-confidential',
        },
        payload: {
          victims: [
            { name: victimName, sex: 'female', age: 34 },
            { name: other, sex: 'male', age: 17 },
          ],
          witness: { name: witnessName, phone: witnessPhone },
          case: { details: { note: nestedValue, count: 2 } },
          location: 'Village X',
        },
      }),
      await create({
        ...envelope,
        title: `Detention of ${secretTitle}`,
        source: `Interview with ${secretSource}`,
        sensitivity: 'strictly-confidential',
        fieldSensitivity: {},
        payload: { note: deep },
      }),
    ];
    ids.push(...created.map((signal) => signal.id));
    for (const role of roles) {
      const user = await createTestUser(database.db, {
        roles: [role],
        scope: { kind: 'global' },
        clearance: 'restricted',
      });
      readers.push({ user, actor: actorOf(user) });
    }
  });

  /** Every response a reader can get, errors included, as text. */
  async function everyResponse(actor: Actor): Promise<string[]> {
    const caller = callerFor(testDependencies(database.db, kind), actor);
    const calls: Promise<unknown>[] = [
      caller.signals.list({ limit: 100 }),
      caller.signals.list({ areaCode: 'SDN', limit: 100 }),
      caller.signals.list({ pillar: 'human-rights', kind: 'violation', limit: 100 }),
      ...ids.map((id) => caller.signals.byId({ id })),
      caller.audit.list({ limit: 200 }),
      caller.audit.list({ resourceType: 'signal', limit: 200 }),
      ...ids.map((id) => caller.audit.list({ resourceId: id, limit: 200 })),
      caller.users.list({ limit: 100 }),
      caller.auth.session(),
      caller.system.info(),
    ];
    return Promise.all(
      calls.map((call) =>
        call.then(
          (value) => JSON.stringify(value),
          (error: unknown) =>
            error instanceof TRPCError
              ? JSON.stringify({ code: error.code, message: error.message, cause: error.cause })
              : String(error),
        ),
      ),
    );
  }

  it('the planted values are there for someone cleared to see them', async () => {
    const texts = (await everyResponse(author)).join('\n');
    for (const marker of planted()) expect(texts).toContain(marker);
  });

  it('no role with restricted clearance receives a planted value in any response', async () => {
    for (const { user, actor } of readers) {
      const texts = await everyResponse(actor);
      expect(texts.length).toBeGreaterThan(10);
      for (const text of texts) {
        for (const marker of planted()) {
          expect(text.includes(marker), `${user.roles.join()} received ${marker}`).toBe(false);
        }
      }
    }
  });

  it('says what was withheld instead of dropping it silently', async () => {
    const reader = readers.find((r) => r.user.roles.includes('reviewer'));
    if (!reader) throw new Error('no reviewer');
    const caller = callerFor(testDependencies(database.db, kind), reader.actor);
    const first = ids[0] ?? '';
    const signal = await caller.signals.byId({ id: first });
    expect(signal.withheldPaths.sort()).toEqual([
      'case.details.note',
      'victims[0].name',
      'victims[1].name',
      'witness',
    ]);
    expect(signal.payload).toMatchObject({
      witness: { withheld: true, sensitivity: 'strictly-confidential' },
      location: 'Village X',
    });
  });

  it('never lets a strictly confidential field through, whatever the payload', async () => {
    const deps = testDependencies(database.db, kind);
    const create = callerFor(deps, author).signals.create;
    const reader = readers[0]?.actor;
    if (!reader) throw new Error('no reader');
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(key, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.constantFrom('public', 'restricted'),
        async (keys, pick, recordLevel) => {
          const marker = `FUZZ-MARKER-${Math.random()}`;
          const secretKey = keys[pick % keys.length] ?? 'k';
          const payload = Object.fromEntries(
            keys.map((k) => [k, k === secretKey ? { inner: [marker, { again: marker }] } : k]),
          );
          const signal = await create({
            pillar: 'human-rights',
            kind: 'violation',
            areaCode: 'SDN',
            occurredOn: '2026-09-30',
            title: 'Generated',
            severity: 1,
            verification: 'unverified',
            source: 'Generator',
            sensitivity: recordLevel,
            fieldSensitivity: { [secretKey]: 'strictly-confidential' },
            payload,
          });
          const read = callerFor(deps, reader);
          const texts = [
            JSON.stringify(await read.signals.byId({ id: signal.id })),
            JSON.stringify(await read.signals.list({ limit: 5 })),
          ];
          return texts.every((text) => !text.includes(marker));
        },
      ),
      { numRuns: 30 * propertyRunsScale },
    );
  });
});
