import { newId, type UserAccount } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  analyzeImportedTable,
  commitImportBatch,
  endImportBatch,
  findImportBatch,
  findImportRowErrors,
  appendImportRowErrors,
  findSignals,
  insertImportBatch,
  purgeImportBatchRows,
  rollBackImportBatch,
  stageObservations,
  stageSignals,
  startImportBatch,
  ImportLaterBatchError,
  findVisibleObservations,
  type RecordReader,
  type StagedObservation,
  type StagedSignal,
} from '../src/index.js';
import { createTestUser, databaseKinds, useTestDatabase } from '../src/testing/index.js';

const everyone: RecordReader = { scope: { kind: 'global' }, clearance: 'strictly-confidential' };

function event(externalId: string, line: number, fatalities = 0): StagedSignal {
  const payload = { acledEventId: externalId, fatalities };
  return {
    id: newId(),
    line,
    externalId,
    contentHash: `${externalId}:${fatalities}`.padEnd(64, '0'),
    pillar: 'peace-security',
    kind: 'conflict-event',
    areaCode: 'SDN',
    countryCode: 'SDN',
    occurredOn: '2026-10-01',
    title: `Armed clash ${externalId}`,
    severity: 1 + Math.min(4, fatalities),
    verification: 'reported',
    source: `ACLED ${externalId}`,
    sensitivity: 'public',
    fieldSensitivity: {},
    payload,
  };
}

function observation(line: number, value: number, period = '2026-09'): StagedObservation {
  return {
    id: newId(),
    line,
    indicatorCode: 'development.idps-per-100k',
    areaCode: 'SDN',
    countryCode: 'SDN',
    period,
    sex: null,
    age: null,
    source: 'IOM DTM',
    value,
    reliability: 'medium',
    sensitivity: 'public',
  };
}

describe.each(databaseKinds())('import batches on %s', (kind) => {
  const database = useTestDatabase(kind);

  async function newBatch(user: UserAccount, target: 'signals' | 'observations' = 'signals') {
    const batch = await insertImportBatch(database.db, {
      id: newId(),
      format: target === 'signals' ? 'acled' : 'csv',
      target,
      fileName: 'export.csv',
      contentHash: 'a'.repeat(64),
      byteSize: 100,
      mode: 'all-or-nothing',
      sensitivity: 'public',
      createdBy: user.id,
      now: new Date(),
    });
    expect(await startImportBatch(database.db, batch.id, new Date())).toBe(true);
    return { id: batch.id, createdBy: user.id, now: new Date() };
  }

  /** The visible conflict events of one test, whose keys start with `prefix`. */
  const conflictEvents = async (prefix: string) =>
    (
      await findSignals(database.db, everyone, { kind: 'conflict-event' }, { limit: 1000 })
    ).signals.filter((s) => String(s.payload.acledEventId).startsWith(prefix));

  it('keeps staged rows invisible until the batch commits, then shows them with provenance', async () => {
    const user = await createTestUser(database.db);
    const batch = await newBatch(user);
    const staged = await stageSignals(database.db, batch, [event('A1', 2), event('A2', 3)]);
    expect(staged.outcomes).toEqual(['added', 'added']);
    expect(await conflictEvents('A')).toEqual([]);

    await database.db.transaction().execute((trx) => commitImportBatch(trx, batch.id, new Date()));
    const visible = await conflictEvents('A');
    expect(visible.map((s) => s.title).sort()).toEqual(['Armed clash A1', 'Armed clash A2']);
    expect(visible.find((s) => s.title.endsWith('A2'))?.provenance).toEqual({
      batchId: batch.id,
      line: 3,
    });
    expect((await findImportBatch(database.db, batch.id))?.status).toBe('committed');
  });

  it('updates a changed event by its key, leaves an equal one and never holds two', async () => {
    const user = await createTestUser(database.db);
    const first = await newBatch(user);
    await stageSignals(database.db, first, [event('B10', 2, 0), event('B11', 3, 0)]);
    await database.db.transaction().execute((trx) => commitImportBatch(trx, first.id, new Date()));

    const second = await newBatch(user);
    const staged = await stageSignals(database.db, second, [
      event('B10', 2, 7),
      event('B11', 3, 0),
      event('B12', 4, 1),
    ]);
    expect(staged.outcomes).toEqual(['updated', 'unchanged', 'added']);
    // Until the second batch commits, readers see the first export as it was.
    expect((await conflictEvents('B')).map((s) => s.severity).sort()).toEqual([1, 1]);

    await database.db.transaction().execute((trx) => commitImportBatch(trx, second.id, new Date()));
    const events = await conflictEvents('B');
    expect(events.map((s) => s.title).sort()).toEqual([
      'Armed clash B10',
      'Armed clash B11',
      'Armed clash B12',
    ]);
    expect(events.find((s) => s.title.endsWith('B10'))?.payload).toEqual({
      acledEventId: 'B10',
      fatalities: 7,
    });
    expect(events.find((s) => s.title.endsWith('B11'))?.provenance?.batchId).toBe(first.id);
  });

  it('names a key repeated in one batch, with the line that first held it', async () => {
    const user = await createTestUser(database.db);
    const batch = await newBatch(user);
    await stageSignals(database.db, batch, [event('C20', 2)]);
    const staged = await stageSignals(database.db, batch, [event('C21', 3), event('C20', 9)]);
    expect(staged.outcomes).toEqual(['added', undefined]);
    expect(staged.duplicates).toEqual([{ line: 9, firstLine: 2 }]);
  });

  it('rolls a batch back to the versions it replaced, and refuses while a later one depends on it', async () => {
    const user = await createTestUser(database.db);
    const first = await newBatch(user);
    await stageSignals(database.db, first, [event('D30', 2, 0)]);
    await database.db.transaction().execute((trx) => commitImportBatch(trx, first.id, new Date()));
    const second = await newBatch(user);
    await stageSignals(database.db, second, [event('D30', 2, 5), event('D31', 3)]);
    await database.db.transaction().execute((trx) => commitImportBatch(trx, second.id, new Date()));

    const refused = database.db
      .transaction()
      .execute((trx) => rollBackImportBatch(trx, first.id, { userId: user.id, now: new Date() }));
    await expect(refused).rejects.toBeInstanceOf(ImportLaterBatchError);

    await database.db
      .transaction()
      .execute((trx) => rollBackImportBatch(trx, second.id, { userId: user.id, now: new Date() }));
    const events = await conflictEvents('D');
    expect(events.map((s) => [s.title, s.payload.fatalities])).toEqual([['Armed clash D30', 0]]);
    expect((await findImportBatch(database.db, second.id))?.status).toBe('rolled-back');

    // The rolled-back rows are deleted a chunk at a time; what is visible does not change.
    expect(await purgeImportBatchRows(database.db, second.id, 1)).toBe(1);
    expect(await purgeImportBatchRows(database.db, second.id, 1)).toBe(1);
    expect(await purgeImportBatchRows(database.db, second.id, 1)).toBe(0);
    expect((await conflictEvents('D')).map((s) => s.title)).toEqual(['Armed clash D30']);
  });

  it('shows nothing of a failed batch and keeps its row errors in order', async () => {
    const user = await createTestUser(database.db);
    const batch = await newBatch(user);
    await stageSignals(database.db, batch, [event('E40', 2)]);
    await appendImportRowErrors(database.db, batch.id, 0, [
      { line: 3, column: 'fatalities', message: 'Expected a whole number' },
      { line: 5, column: null, message: 'Too few cells' },
    ]);
    await endImportBatch(database.db, batch.id, {
      status: 'failed',
      failure: '2 bad rows',
      now: new Date(),
    });
    expect(await conflictEvents('E')).toEqual([]);
    const page = await findImportRowErrors(database.db, batch.id, { limit: 1 });
    expect(page.errors).toEqual([
      { seq: 0, line: 3, column: 'fatalities', message: 'Expected a whole number' },
    ]);
    const next = await findImportRowErrors(database.db, batch.id, {
      afterSeq: page.nextCursor ?? 0,
      limit: 10,
    });
    expect(next.errors.map((e) => e.line)).toEqual([5]);
    expect(next.nextCursor).toBeNull();
  });

  it('replaces an observation with the same key and keeps other periods', async () => {
    const user = await createTestUser(database.db);
    const first = await newBatch(user, 'observations');
    await stageObservations(database.db, first, [
      observation(2, 10),
      observation(3, 20, '2026-10'),
    ]);
    await database.db.transaction().execute((trx) => commitImportBatch(trx, first.id, new Date()));

    const second = await newBatch(user, 'observations');
    const staged = await stageObservations(database.db, second, [
      observation(2, 11),
      observation(3, 20, '2026-10'),
      observation(4, 12),
    ]);
    expect(staged.outcomes).toEqual(['updated', 'unchanged', undefined]);
    expect(staged.duplicates).toEqual([{ line: 4, firstLine: 2 }]);
    await database.db.transaction().execute((trx) => commitImportBatch(trx, second.id, new Date()));
    const values = await findVisibleObservations(database.db, everyone, {
      indicatorCode: 'development.idps-per-100k',
    });
    expect(values.map((o) => [o.period, o.value]).sort()).toEqual([
      ['2026-09', 11],
      ['2026-10', 20],
    ]);
  });

  it("refreshes the planner's statistics of the table a batch wrote into", async () => {
    const user = await createTestUser(database.db);
    const batch = await newBatch(user);
    await stageSignals(database.db, batch, [event('F1', 2), event('F2', 3), event('F3', 4)]);
    await database.db.transaction().execute((trx) => commitImportBatch(trx, batch.id, new Date()));
    await analyzeImportedTable(database.db, 'signals');
    const { rows } = await sql<{ estimated: number; counted: number }>`
      select (select reltuples from pg_class where oid = 'signal'::regclass)::int as estimated,
             (select count(*) from signal)::int as counted
    `.execute(database.db);
    expect(rows[0]?.estimated).toBe(rows[0]?.counted);
  });
});
