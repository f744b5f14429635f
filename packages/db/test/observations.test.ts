import { newId, type Sensitivity, type UserAccount } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import {
  commitImportBatch,
  findAreaByCode,
  findObservationsInPeriods,
  insertImportBatch,
  replaceDerivedObservations,
  stageObservations,
  startImportBatch,
  upsertAreas,
  type DerivedObservation,
  type RecordReader,
  type StagedObservation,
} from '../src/index.js';
import { createTestUser, databaseKinds, useTestDatabase } from '../src/testing/index.js';

const homicide = 'peace-security.homicide-rate';
const battles = 'peace-security.battles';
const restricted: RecordReader = { scope: { kind: 'global' }, clearance: 'restricted' };

function staged(line: number, overrides: Partial<StagedObservation> = {}): StagedObservation {
  return {
    id: newId(),
    line,
    indicatorCode: homicide,
    areaCode: 'SDN',
    countryCode: 'SDN',
    period: '2025',
    sex: null,
    age: null,
    source: 'UNODC',
    value: 6.1,
    reliability: 'high',
    sensitivity: 'public',
    ...overrides,
  };
}

function derived(overrides: Partial<DerivedObservation> = {}): DerivedObservation {
  return {
    id: newId(),
    indicatorCode: battles,
    areaCode: 'SDN',
    countryCode: 'SDN',
    period: '2026-03',
    sex: null,
    age: null,
    source: 'Derived from conflict-event signals',
    value: 4,
    reliability: 'medium',
    sensitivity: 'public',
    ...overrides,
  };
}

describe.each(databaseKinds())('observations in periods on %s', (kind) => {
  const database = useTestDatabase(kind);

  async function importRows(user: UserAccount, rows: StagedObservation[], commit = true) {
    const batch = await insertImportBatch(database.db, {
      id: newId(),
      format: 'csv',
      target: 'observations',
      fileName: 'values.csv',
      contentHash: 'b'.repeat(64),
      byteSize: 100,
      mode: 'all-or-nothing',
      sensitivity: 'public',
      createdBy: user.id,
      now: new Date(),
    });
    await startImportBatch(database.db, batch.id, new Date());
    const by = { id: batch.id, createdBy: user.id, now: new Date() };
    await stageObservations(database.db, by, rows);
    if (commit)
      await database.db
        .transaction()
        .execute((trx) => commitImportBatch(trx, batch.id, new Date()));
    return batch.id;
  }

  async function derive(user: UserAccount, area: string, rows: DerivedObservation[]) {
    await replaceDerivedObservations(
      database.db,
      {
        pillar: 'peace-security',
        areaCode: area,
        from: '2026-01',
        to: '2026-12',
        createdBy: user.id,
        now: new Date(),
      },
      rows,
    );
  }

  const groups = [
    { indicatorCodes: [homicide], periods: ['2026-03', '2026-Q1', '2026', '2025'] },
    { indicatorCodes: [battles], periods: ['2026-03', '2026-Q1', '2026'] },
  ];

  it("reads the area's own totals of each group's indicators in that group's periods, with where they came from", async () => {
    const user = await createTestUser(database.db);
    const sudan = await findAreaByCode(database.db, 'SDN');
    if (!sudan) throw new Error('reference data missing');
    await upsertAreas(database.db, [
      {
        code: 'SD92',
        kind: 'subnational',
        name: 'Test State',
        parent_code: 'SDN',
        admin_level: 1,
        alpha2: null,
        m49: null,
        un_status: null,
        region_code: sudan.region.code,
        region_name: sudan.region.name,
        sub_region_code: sudan.subRegion.code,
        sub_region_name: sudan.subRegion.name,
        intermediate_region_code: null,
        intermediate_region_name: null,
      },
    ]);
    const batchId = await importRows(user, [
      staged(2),
      staged(3, { period: '2024' }), // outside the periods asked for
      staged(4, { sex: 'female', value: 2.3 }), // for one sex: a profile never reads it
      staged(5, { areaCode: 'SD92' }), // an area inside Sudan, not Sudan's own
      staged(6, { indicatorCode: 'development.population', value: 48_000_000 }),
    ]);
    await importRows(user, [staged(2, { source: 'Not yet committed' })], false);
    await derive(user, 'SDN', [derived(), derived({ period: '2026-02', value: 9 })]);

    const { observations, truncated, withheld } = await findObservationsInPeriods(
      database.db,
      restricted,
      { areaCode: 'SDN', groups, limit: 10 },
    );
    expect(truncated).toBe(false);
    expect(withheld).toBe(0);
    expect(observations).toEqual([
      expect.objectContaining({
        indicatorCode: battles,
        period: '2026-03',
        value: 4,
        source: 'Derived from conflict-event signals',
        reliability: 'medium',
        sensitivity: 'public',
        origin: 'derived',
        provenance: null,
      }),
      expect.objectContaining({
        indicatorCode: homicide,
        period: '2025',
        value: 6.1,
        source: 'UNODC',
        origin: 'imported',
        provenance: { batchId, line: 2 },
      }),
    ]);
    expect(observations[0]?.recordedAt).toBeInstanceOf(Date);
  });

  it('leaves out what is above the clearance and counts it, and reads nothing outside the countries', async () => {
    const user = await createTestUser(database.db);
    const levels: Sensitivity[] = ['public', 'restricted', 'confidential', 'strictly-confidential'];
    await derive(
      user,
      'MLI',
      levels.map((sensitivity) =>
        derived({
          areaCode: 'MLI',
          countryCode: 'MLI',
          sensitivity,
          source: `Derived from ${sensitivity} signals`,
        }),
      ),
    );
    const request = { areaCode: 'MLI', groups, limit: 10 };
    const seen = await findObservationsInPeriods(database.db, restricted, request);
    expect(seen.observations.map((o) => o.sensitivity)).toEqual(
      expect.arrayContaining(['public', 'restricted']),
    );
    expect(seen.observations).toHaveLength(2);
    expect(seen.withheld).toBe(2);
    const cleared = await findObservationsInPeriods(
      database.db,
      { ...restricted, clearance: 'strictly-confidential' },
      request,
    );
    expect(cleared.observations).toHaveLength(4);
    expect(cleared.withheld).toBe(0);
    const elsewhere = await findObservationsInPeriods(
      database.db,
      { scope: { kind: 'countries', countries: ['SDN'] }, clearance: 'restricted' },
      request,
    );
    expect(elsewhere).toEqual({ observations: [], truncated: false, withheld: 0 });
  });

  it('stops at the limit, keeping the newest periods, and says so', async () => {
    const user = await createTestUser(database.db);
    await importRows(
      user,
      ['2023', '2024', '2025', '2026'].map((period, i) =>
        staged(i + 2, { areaCode: 'NER', countryCode: 'NER', period }),
      ),
    );
    const { observations, truncated } = await findObservationsInPeriods(database.db, restricted, {
      areaCode: 'NER',
      groups: [{ indicatorCodes: [homicide], periods: ['2026', '2025', '2024', '2023'] }],
      limit: 2,
    });
    expect(truncated).toBe(true);
    expect(observations.map((o) => o.period)).toEqual(['2026', '2025']);
  });

  it('answers nothing to a request for no indicator', async () => {
    expect(
      await findObservationsInPeriods(database.db, restricted, {
        areaCode: 'SDN',
        groups: [{ indicatorCodes: [], periods: ['2026'] }],
        limit: 10,
      }),
    ).toEqual({ observations: [], truncated: false, withheld: 0 });
  });
});
