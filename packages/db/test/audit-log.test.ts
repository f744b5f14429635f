import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  appendAuditEntries,
  findAuditEntries,
  recordAuditEntries,
  verifyAuditChain,
  type Database,
  type NewAuditEntry,
} from '../src/index.js';
import { databaseKinds, useTestDatabase } from '../src/testing/index.js';

function entry(overrides: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return {
    occurredAt: new Date(),
    actorUserId: null,
    actorRoles: ['administrator'],
    action: 'user.update',
    resourceType: 'user',
    resourceId: 'u-1',
    outcome: 'success',
    requestId: 'req-1',
    changes: [{ field: 'clearance', before: 'public', after: 'restricted' }],
    ...overrides,
  };
}

/** What someone with direct access to the database could do, bypassing the application. */
async function tamper(db: Kysely<Database>, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(trx);
  });
}

describe.each(databaseKinds())('the audit log on %s', (kind) => {
  describe('appending and reading', () => {
    const database = useTestDatabase(kind);

    it('chains entries and verifies them, however many writers append at once', async () => {
      await recordAuditEntries(database.db, [entry(), entry({ action: 'user.create' })]);
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          database.db.transaction().execute(async (trx) => {
            await sql`select 1`.execute(trx);
            await appendAuditEntries(trx, [entry({ resourceId: `u-${i}` })]);
          }),
        ),
      );
      const report = await verifyAuditChain(database.db, { batchSize: 64 });
      expect(report).toMatchObject({ intact: true, entries: 202 });
    });

    it('writes nothing when the transaction of the change rolls back', async () => {
      const before = await verifyAuditChain(database.db);
      await expect(
        database.db.transaction().execute(async (trx) => {
          await appendAuditEntries(trx, [entry({ resourceId: 'rolled-back' })]);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await verifyAuditChain(database.db)).toEqual(before);
      const { entries } = await findAuditEntries(
        database.db,
        { resourceId: 'rolled-back' },
        { limit: 5 },
      );
      expect(entries).toEqual([]);
    });

    it('refuses to append outside a transaction', async () => {
      await expect(appendAuditEntries(database.db, [entry()])).rejects.toThrow(/transaction/);
    });

    it('filters by actor, resource and time, newest first, a page at a time', async () => {
      const actor = '01932b6e-8f3a-7c00-8000-0000000000aa';
      const t0 = new Date('2026-01-01T00:00:00.000Z');
      for (let i = 0; i < 3; i += 1) {
        await recordAuditEntries(database.db, [
          entry({
            actorUserId: actor,
            resourceType: 'signal',
            resourceId: `s-${i}`,
            occurredAt: new Date(t0.getTime() + i * 86_400_000),
          }),
        ]);
      }
      const page = await findAuditEntries(database.db, { actorUserId: actor }, { limit: 2 });
      expect(page.entries.map((e) => e.resourceId)).toEqual(['s-2', 's-1']);
      const next = await findAuditEntries(
        database.db,
        { actorUserId: actor },
        { limit: 2, beforeSeq: page.nextCursor ?? 0 },
      );
      expect(next.entries.map((e) => e.resourceId)).toEqual(['s-0']);
      expect(next.nextCursor).toBeNull();
      const dated = await findAuditEntries(
        database.db,
        {
          resourceType: 'signal',
          from: new Date(t0.getTime() + 86_400_000),
          to: new Date(t0.getTime() + 2 * 86_400_000),
        },
        { limit: 9 },
      );
      expect(dated.entries.map((e) => e.resourceId)).toEqual(['s-1']);
      expect(dated.entries[0]?.occurredAt).toBe('2026-01-02T00:00:00.000Z');
    });

    it('refuses to update, delete or truncate an entry through SQL', async () => {
      await expect(
        sql`update audit_entry set action = 'x' where seq = 1`.execute(database.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_entry where seq = 1`.execute(database.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`truncate audit_entry`.execute(database.db)).rejects.toThrow(/append-only/);
    });
  });

  describe('when a row is changed behind its back', () => {
    const database = useTestDatabase(kind);

    it('names the changed entry, then the entry after a removed one', async () => {
      for (let i = 0; i < 10; i += 1) {
        await recordAuditEntries(database.db, [entry({ resourceId: `r-${i}` })]);
      }
      expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true, entries: 10 });

      await tamper(
        database.db,
        sql`update audit_entry set changes = '[{"field":"clearance","before":"public","after":"strictly-confidential"}]' where seq = 7`,
      );
      const changed = await verifyAuditChain(database.db, { batchSize: 3 });
      expect(changed).toMatchObject({
        intact: false,
        entries: 6,
        firstBad: { seq: 7, problem: 'content-changed' },
      });

      await tamper(database.db, sql`delete from audit_entry where seq = 4`);
      expect(await verifyAuditChain(database.db)).toMatchObject({
        intact: false,
        entries: 3,
        firstBad: { seq: 5, problem: 'entry-missing' },
      });
    });
  });
});
