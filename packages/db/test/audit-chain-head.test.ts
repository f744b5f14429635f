import { Migrator, sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  appendAuditEntries,
  auditGenesisHash,
  hashAuditEntry,
  migrateToLatest,
  migrations,
  recordAuditEntries,
  verifyAuditChain,
  type AuditHead,
  type Database,
  type NewAuditEntry,
} from '../src/index.js';
import { databaseKinds, useTestDatabase } from '../src/testing/index.js';

function entry(resourceId: string): NewAuditEntry {
  return {
    occurredAt: new Date(),
    actorUserId: null,
    actorRoles: ['administrator'],
    action: 'user.update',
    resourceType: 'user',
    resourceId,
    outcome: 'success',
    requestId: 'req-1',
    changes: [{ field: 'clearance', before: 'public', after: 'restricted' }],
  };
}

async function headRow(db: Kysely<Database>): Promise<AuditHead | undefined> {
  return db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirst();
}

async function lastEntry(db: Kysely<Database>): Promise<AuditHead | undefined> {
  return db
    .selectFrom('audit_entry')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

describe.each(databaseKinds())('the audit chain head on %s', (kind) => {
  describe('under concurrent appends', () => {
    const database = useTestDatabase(kind);

    it('stays equal to the last entry, whether a writer guessed the head right or wrong', async () => {
      const stale = await headRow(database.db);
      if (!stale) throw new Error('no head row');
      // Every writer guesses the head as it was before any of them: all but one guess wrong
      // (on PGlite, all but the first), and must chain to the head they then lock instead.
      await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          database.db.transaction().execute(async (trx) => {
            await sql`select 1`.execute(trx);
            const options = i % 3 === 0 ? {} : { expectedHead: stale };
            await appendAuditEntries(trx, [entry(`u-${i}`), entry(`v-${i}`)], options);
          }),
        ),
      );
      expect(await verifyAuditChain(database.db, { batchSize: 128 })).toMatchObject({
        intact: true,
        entries: 600,
      });
      expect(await headRow(database.db)).toEqual(await lastEntry(database.db));
    });

    it('does not move when the transaction of the change rolls back', async () => {
      const before = await headRow(database.db);
      await expect(
        database.db.transaction().execute(async (trx) => {
          await appendAuditEntries(trx, [entry('rolled-back')]);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await headRow(database.db)).toEqual(before);
    });
  });

  describe('when the newest entries are removed behind its back', () => {
    const database = useTestDatabase(kind);

    it('makes verification report that the chain ends before its head', async () => {
      for (let i = 0; i < 5; i += 1) await recordAuditEntries(database.db, [entry(`r-${i}`)]);
      const head = await headRow(database.db);
      await database.db.transaction().execute(async (trx) => {
        await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(trx);
        await sql`delete from audit_entry where seq = 5`.execute(trx);
        await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(trx);
      });
      expect(await verifyAuditChain(database.db)).toEqual({
        intact: false,
        entries: 4,
        headMismatch: head,
      });
    });
  });

  describe('on a database whose chain predates the head row', () => {
    const database = useTestDatabase(kind, { empty: true });

    it('starts the head at the existing chain’s last entry, then extends that chain', async () => {
      const headless = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name < '2026_12_03_001_audit_chain_head'),
      );
      const migrator = new Migrator({
        db: database.db,
        provider: { getMigrations: async () => headless },
        ...(database.schema ? { migrationTableSchema: database.schema } : {}),
      });
      const { error } = await migrator.migrateToLatest();
      expect(error).toBeUndefined();

      // Three entries written as the application wrote them before the head row existed.
      let prevHash = auditGenesisHash;
      for (let seq = 1; seq <= 3; seq += 1) {
        const content = {
          seq,
          id: crypto.randomUUID(),
          occurredAt: new Date().toISOString(),
          actorUserId: null,
          actorRoles: ['administrator'],
          action: 'user.update',
          resourceType: 'user',
          resourceId: `old-${seq}`,
          outcome: 'success' as const,
          requestId: null,
          changes: [],
        };
        const hash = hashAuditEntry(content, prevHash);
        await database.db
          .insertInto('audit_entry')
          .values({
            seq,
            id: content.id,
            occurred_at: new Date(content.occurredAt),
            actor_user_id: null,
            actor_roles: JSON.stringify(content.actorRoles),
            action: content.action,
            resource_type: content.resourceType,
            resource_id: content.resourceId,
            outcome: content.outcome,
            request_id: null,
            changes: '[]',
            prev_hash: prevHash,
            hash,
          })
          .execute();
        prevHash = hash;
      }

      await migrateToLatest(database.db, database.schema ? { schema: database.schema } : {});
      expect(await headRow(database.db)).toEqual({ seq: 3, hash: prevHash });
      await recordAuditEntries(database.db, [entry('new')]);
      expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true, entries: 4 });
    });
  });
});
