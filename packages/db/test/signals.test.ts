import { newId, sensitivityLevels } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { findSignalById, findSignals, type RecordReader } from '../src/index.js';
import {
  createTestSignal,
  createTestUser,
  databaseKinds,
  useTestDatabase,
} from '../src/testing/index.js';

describe.each(databaseKinds())('the signal repository on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('round-trips a signal with its payload and field sensitivity', async () => {
    const author = await createTestUser(database.db);
    const stored = await createTestSignal(database.db, author.id, {
      areaCode: 'SDN',
      payload: { victims: [{ name: 'A', age: 30 }], note: 'é ✓' },
      fieldSensitivity: { 'victims[].name': 'strictly-confidential' },
    });
    const reader: RecordReader = { scope: { kind: 'global' }, clearance: 'strictly-confidential' };
    expect(await findSignalById(database.db, reader, stored.id)).toEqual(stored);
    expect(stored).toMatchObject({ countryCode: 'SDN', createdBy: author.id });
  });

  it("finds nothing outside the reader's countries, by id or in a list", async () => {
    const author = await createTestUser(database.db);
    const inMali = await createTestSignal(database.db, author.id, { areaCode: 'MLI' });
    const reader: RecordReader = {
      scope: { kind: 'countries', countries: ['SDN'] },
      clearance: 'strictly-confidential',
    };
    expect(await findSignalById(database.db, reader, inMali.id)).toBeUndefined();
    const { signals } = await findSignals(database.db, reader, {}, { limit: 100 });
    expect(signals.every((s) => s.countryCode === 'SDN')).toBe(true);
  });

  it('finds nothing above the reader’s clearance', async () => {
    const author = await createTestUser(database.db);
    const byLevel = new Map<string, string>();
    for (const level of sensitivityLevels) {
      const signal = await createTestSignal(database.db, author.id, {
        areaCode: 'SSD',
        sensitivity: level,
      });
      byLevel.set(level, signal.id);
    }
    for (const [rank, clearance] of sensitivityLevels.entries()) {
      const reader: RecordReader = { scope: { kind: 'countries', countries: ['SSD'] }, clearance };
      const { signals } = await findSignals(
        database.db,
        reader,
        { areaCode: 'SSD' },
        { limit: 100 },
      );
      expect(signals.map((s) => s.sensitivity).sort()).toEqual(
        sensitivityLevels.slice(0, rank + 1).sort(),
      );
      for (const [level, id] of byLevel) {
        const found = await findSignalById(database.db, reader, id);
        expect(found !== undefined, `${clearance} reading ${level}`).toBe(
          sensitivityLevels.indexOf(level as never) <= rank,
        );
      }
    }
  });

  it('pages newest first and filters by country, area, pillar and kind', async () => {
    const author = await createTestUser(database.db);
    const reader: RecordReader = {
      scope: { kind: 'countries', countries: ['HTI'] },
      clearance: 'public',
    };
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const signal = await createTestSignal(database.db, author.id, {
        id: newId(Date.now() + i),
        areaCode: 'HTI',
        sensitivity: 'public',
        pillar: i % 2 === 0 ? 'development' : 'human-rights',
        kind: i % 2 === 0 ? 'hazard' : 'violation',
      });
      ids.push(signal.id);
    }
    const first = await findSignals(database.db, reader, { areaCode: 'HTI' }, { limit: 3 });
    expect(first.signals.map((s) => s.id)).toEqual(ids.slice(2).reverse());
    const rest = await findSignals(
      database.db,
      reader,
      { areaCode: 'HTI' },
      { limit: 3, beforeId: first.nextCursor ?? '' },
    );
    expect(rest.signals.map((s) => s.id)).toEqual(ids.slice(0, 2).reverse());
    expect(rest.nextCursor).toBeNull();
    const hazards = await findSignals(
      database.db,
      reader,
      { pillar: 'development', kind: 'hazard' },
      { limit: 9 },
    );
    expect(hazards.signals).toHaveLength(3);
    expect(
      (await findSignals(database.db, reader, { areaCode: 'HT01' }, { limit: 9 })).signals,
    ).toEqual([]);
  });
});
