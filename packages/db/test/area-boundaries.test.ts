import { newId, type UserAccount } from '@prevention/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  commitImportBatch,
  findCountryBoundaries,
  insertImportBatch,
  purgeImportBatchRows,
  rollBackImportBatch,
  stageBoundaries,
  startImportBatch,
  type StagedBoundary,
} from '../src/index.js';
import {
  createTestSubnationalAreas,
  createTestUser,
  databaseKinds,
  useTestDatabase,
} from '../src/testing/index.js';

function outline(areaCode: string, line: number, x = 30): StagedBoundary {
  const ring = [
    [x, 12],
    [x + 1, 12],
    [x + 1, 13],
    [x, 13],
    [x, 12],
  ];
  return {
    id: newId(),
    line,
    areaCode,
    countryCode: areaCode.startsWith('SD') ? 'SDN' : 'MLI',
    geometry: JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
    points: 5,
    sourcePoints: 5,
    nameInSource: `Area ${areaCode}`,
  };
}

describe.each(databaseKinds())('area boundaries on %s', (kind) => {
  const database = useTestDatabase(kind);

  async function newBatch(user: UserAccount) {
    const batch = await insertImportBatch(database.db, {
      id: newId(),
      format: 'geojson',
      target: 'boundaries',
      fileName: 'sdn_admbnda_adm1.geojson',
      contentHash: 'b'.repeat(64),
      byteSize: 1000,
      mode: 'all-or-nothing',
      sensitivity: 'public',
      mapping: { codeProperty: 'ADM1_PCODE' },
      createdBy: user.id,
      now: new Date(),
    });
    expect(await startImportBatch(database.db, batch.id, new Date())).toBe(true);
    return { id: batch.id, createdBy: user.id, now: new Date() };
  }
  const commit = (id: string) =>
    database.db.transaction().execute((trx) => commitImportBatch(trx, id, new Date()));

  it("keeps a batch's outlines invisible until it commits, then serves them a country at a time", async () => {
    await createTestSubnationalAreas(database.db, 'SDN', ['SD01', 'SD02']);
    await createTestSubnationalAreas(database.db, 'MLI', ['ML01']);
    const user = await createTestUser(database.db);
    const batch = await newBatch(user);
    const staged = await stageBoundaries(database.db, batch, [
      outline('SD01', 1),
      outline('SD02', 2, 31),
      outline('ML01', 3),
    ]);
    expect(staged.outcomes).toEqual(['added', 'added', 'added']);
    expect(await findCountryBoundaries(database.db, 'SDN')).toEqual([]);

    await commit(batch.id);
    const sudan = await findCountryBoundaries(database.db, 'SDN');
    expect(sudan.map((b) => [b.areaCode, b.importBatchId, b.points])).toEqual([
      ['SD01', batch.id, 5],
      ['SD02', batch.id, 5],
    ]);
    expect(sudan[0]?.geometry).toMatchObject({ type: 'Polygon' });
    expect((await findCountryBoundaries(database.db, 'MLI')).map((b) => b.areaCode)).toEqual([
      'ML01',
    ]);
  });

  it('replaces an outline that changed, leaves an equal one, and a roll-back brings the old back', async () => {
    await createTestSubnationalAreas(database.db, 'SDN', ['SD03', 'SD04']);
    const user = await createTestUser(database.db);
    const first = await newBatch(user);
    await stageBoundaries(database.db, first, [outline('SD03', 1), outline('SD04', 2)]);
    await commit(first.id);

    const second = await newBatch(user);
    const staged = await stageBoundaries(database.db, second, [
      outline('SD03', 1, 40),
      outline('SD04', 2),
    ]);
    expect(staged.outcomes).toEqual(['updated', 'unchanged']);
    await commit(second.id);
    const ofSecond = (await findCountryBoundaries(database.db, 'SDN')).filter((b) =>
      ['SD03', 'SD04'].includes(b.areaCode),
    );
    expect(ofSecond.map((b) => [b.areaCode, b.importBatchId])).toEqual([
      ['SD03', second.id],
      ['SD04', first.id],
    ]);

    await database.db
      .transaction()
      .execute((trx) => rollBackImportBatch(trx, second.id, { userId: user.id, now: new Date() }));
    while ((await purgeImportBatchRows(database.db, second.id)) > 0);
    const back = (await findCountryBoundaries(database.db, 'SDN')).find(
      (b) => b.areaCode === 'SD03',
    );
    expect(back?.importBatchId).toBe(first.id);
  });

  it('names an area repeated in one batch, with the feature that first held it', async () => {
    await createTestSubnationalAreas(database.db, 'SDN', ['SD05']);
    const user = await createTestUser(database.db);
    const batch = await newBatch(user);
    const staged = await stageBoundaries(database.db, batch, [outline('SD05', 4)]);
    const again = await stageBoundaries(database.db, batch, [outline('SD05', 9, 33)]);
    expect(staged.outcomes).toEqual(['added']);
    expect(again).toEqual({ outcomes: [undefined], duplicates: [{ line: 9, firstLine: 4 }] });
  });

  it('refuses a geometry that is not JSON text, and an area the platform does not know', async () => {
    const user = await createTestUser(database.db);
    const batch = await newBatch(user);
    await expect(
      stageBoundaries(database.db, batch, [{ ...outline('SD01', 1), geometry: 'POLYGON((1 2))' }]),
    ).rejects.toThrow();
    await expect(
      stageBoundaries(database.db, batch, [{ ...outline('SD01', 1), areaCode: 'SD99' }]),
    ).rejects.toThrow();
    const format = await sql<{ n: number }>`
      select count(*)::int as n from import_batch where format = 'geojson' and target = 'boundaries'
    `.execute(database.db);
    expect(format.rows[0]?.n).toBeGreaterThan(0);
  });
});
