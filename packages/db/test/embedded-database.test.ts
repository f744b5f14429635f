import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EmbeddedDatabaseError, openDatabase, type DatabaseHandle } from '../src/index.js';
import { useTestDatabase } from '../src/testing/index.js';

/** Counts the ticks of a 10 ms timer on this thread while `work` runs. */
async function timerTicksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describe('the embedded database in its worker thread', () => {
  const database = useTestDatabase('pglite');

  const countItems = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from item`.execute(database.db)).rows[0]?.n;

  beforeAll(async () => {
    await sql`create table item (id int primary key, label text not null)`.execute(database.db);
  });

  it('keeps this thread free while a long query runs', async () => {
    // In-process PGlite holds the thread for the whole second: not one tick would fire.
    const ticks = await timerTicksDuring(() => sql`select pg_sleep(1)`.execute(database.db));
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('holds back a concurrent query until a transaction commits, then shows its rows', async () => {
    let outside: Promise<number | undefined> | undefined;
    await database.db.transaction().execute(async (trx) => {
      await sql`insert into item values (1, 'committed')`.execute(trx);
      // Run inside the transaction, this would count one row; run after it, two.
      outside = countItems();
      await sql`select pg_sleep(0.05)`.execute(trx);
      await sql`insert into item values (2, 'committed')`.execute(trx);
    });
    expect(await outside).toBe(2);
  });

  it('lets a concurrent query see nothing of a transaction that rolled back', async () => {
    let outside: Promise<number | undefined> | undefined;
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into item values (3, 'rolled back')`.execute(trx);
        outside = countItems();
        await sql`select pg_sleep(0.05)`.execute(trx);
        throw new Error('give up');
      }),
    ).rejects.toThrow('give up');
    expect(await outside).toBe(2);
  });

  it('reports PostgreSQL errors with their SQLSTATE code and constraint, and keeps working', async () => {
    const error = await sql`insert into item values (1, 'again')`
      .execute(database.db)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmbeddedDatabaseError);
    expect(error).toMatchObject({ code: '23505', constraint: 'item_pkey' });
    expect(await countItems()).toBe(2);
  });

  it('returns timestamps as Dates, 64-bit counts as numbers and dates as strings', async () => {
    const { rows } = await sql<{ at: Date; n: number; day: string; bytes: Uint8Array }>`
      select timestamptz '2026-03-01T12:00:00Z' as at, 42::int8 as n, date '2026-03-01' as day,
             '\\x0102'::bytea as bytes`.execute(database.db);
    expect(rows[0]).toEqual({
      at: new Date('2026-03-01T12:00:00Z'),
      n: 42,
      day: '2026-03-01',
      bytes: new Uint8Array([1, 2]),
    });
  });

  it('counts the rows a statement changed', async () => {
    const result = await database.db
      .updateTable('item' as never)
      .set({ label: 'changed' } as never)
      .executeTakeFirst();
    expect(result.numUpdatedRows).toBe(2n);
  });
});

describe('an embedded database on disk', () => {
  let dataDir: string;
  let handle: DatabaseHandle | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'prevention-embedded-'));
  });

  afterAll(async () => {
    await handle?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('waits for a running transaction before it checkpoints and closes, then reopens with it', async () => {
    // Starting from the run's template spares an initdb.
    const template = new Blob([new Uint8Array(await readFile(inject('pgliteTemplatePath')))]);
    handle = await openDatabase({ kind: 'pglite', dataDir, loadDataDir: template });
    const db = handle.db;
    await sql`create table note (body text)`.execute(db);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writing = db.transaction().execute(async (trx) => {
      await sql`insert into note values ('kept')`.execute(trx);
      await gate;
    });
    const closing = handle.close();
    release();
    await writing;
    await closing;
    handle = await openDatabase({ kind: 'pglite', dataDir });
    const { rows } = await sql<{ body: string }>`select body from note`.execute(handle.db);
    expect(rows).toEqual([{ body: 'kept' }]);
  });

  it('gives a consistent archive of itself that opens as a new database', async () => {
    if (!handle?.dumpDataDir) throw new Error('an embedded database dumps itself');
    const archive = await handle.dumpDataDir('gzip');
    const copy = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: archive });
    try {
      const { rows } = await sql<{ body: string }>`select body from note`.execute(copy.db);
      expect(rows).toEqual([{ body: 'kept' }]);
    } finally {
      await copy.close();
    }
    await expect(copy.ping()).rejects.toThrow('closed');
  });
});
