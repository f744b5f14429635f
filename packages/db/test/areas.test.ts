import { countries, newId } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import {
  findAreaByCode,
  findAreas,
  findOrganisations,
  insertOrganisations,
  syncReferenceData,
  upsertAreas,
} from '../src/index.js';
import { databaseKinds, useTestDatabase } from '../src/testing/index.js';

describe.each(databaseKinds())('area and organisation repositories on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('holds every country after the reference data is synchronised', async () => {
    const all = await findAreas(database.db, { kind: 'country' });
    expect(all).toHaveLength(countries.length);
    expect(await findAreaByCode(database.db, 'SDN')).toEqual({
      code: 'SDN',
      kind: 'country',
      name: 'Sudan',
      parentCode: null,
      adminLevel: 0,
      region: { code: '002', name: 'Africa' },
      subRegion: { code: '015', name: 'Northern Africa' },
      intermediateRegion: null,
    });
  });

  it('filters by region and orders by sub-region, then name', async () => {
    const oceania = await findAreas(database.db, { kind: 'country', regionCode: '009' });
    expect(oceania.map((a) => a.code)).toEqual([
      'AUS',
      'NZL',
      'FJI',
      'PNG',
      'SLB',
      'VUT',
      'KIR',
      'MHL',
      'FSM',
      'NRU',
      'PLW',
      'WSM',
      'TON',
      'TUV',
    ]);
  });

  it('round-trips a sub-national area and updates it in place', async () => {
    const sudan = await findAreaByCode(database.db, 'SDN');
    if (!sudan) throw new Error('reference data missing');
    const row = {
      code: 'SD91',
      kind: 'subnational' as const,
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
    };
    expect(await upsertAreas(database.db, [row])).toBe(1);
    await upsertAreas(database.db, [{ ...row, name: 'Renamed State' }]);
    expect(await findAreas(database.db, { parentCode: 'SDN' })).toEqual([
      expect.objectContaining({
        code: 'SD91',
        name: 'Renamed State',
        parentCode: 'SDN',
        adminLevel: 1,
      }),
    ]);
  });

  it('keeps reference data synchronisation idempotent', async () => {
    await syncReferenceData(database.db);
    expect(await findAreas(database.db, { kind: 'country' })).toHaveLength(countries.length);
  });

  it('round-trips organisations', async () => {
    const organisation = {
      id: newId(),
      name: `Test organisation ${kind}`,
      acronym: 'TO',
      kind: 'civil-society' as const,
      countryCode: 'MLI',
    };
    await insertOrganisations(database.db, [organisation]);
    expect(await findOrganisations(database.db)).toContainEqual(organisation);
  });
});
