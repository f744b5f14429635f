import { createHash } from 'node:crypto';
import type { Actor } from '@prevention/core';
import { findAuditEntries, findImportRowErrors } from '@prevention/db';
import {
  createTestSubnationalAreas,
  createTestUser,
  databaseKinds,
  useTestDatabase,
} from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { queueImport, runImport, type ImportContext, type ImportFile } from '../src/index.js';
import { callerFor, failure, testDependencies, testSecurity } from './harness.js';
import { storeProfiles } from './risk-fixtures.js';

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});

function geojson(features: { code: string; geometry?: unknown; property?: string }[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((f, i) => ({
      type: 'Feature',
      properties: { [f.property ?? 'ADM1_PCODE']: f.code, ADM1_EN: `Area ${i}` },
      geometry: f.geometry ?? square(20 + i, 10),
    })),
  });
}

function fileOf(content: string, extra: Partial<ImportFile> = {}): ImportFile {
  return {
    format: 'geojson',
    fileName: 'adm1.geojson',
    contentHash: createHash('sha256').update(content).digest('hex'),
    byteSize: Buffer.byteLength(content),
    mode: 'all-or-nothing',
    sensitivity: 'public',
    ...extra,
  };
}

describe.each(databaseKinds())('boundary imports on %s', (kind) => {
  const database = useTestDatabase(kind);
  const ctx = (): ImportContext => ({
    db: database.db,
    now: () => new Date(),
    requestId: 'test',
    security: testSecurity,
  });

  beforeAll(async () => {
    await createTestSubnationalAreas(database.db, 'SDN', ['SD01', 'SD02', 'SD03']);
    await createTestSubnationalAreas(database.db, 'MLI', ['ML01']);
  });

  async function importer(scope: Actor['scope'] = { kind: 'global' }): Promise<Actor> {
    const user = await createTestUser(database.db, { roles: ['hq-planner'], scope });
    return { userId: user.id, roles: user.roles, scope: user.scope, clearance: user.clearance };
  }

  async function importFile(actor: Actor, content: string, file = fileOf(content)) {
    const { batch } = await queueImport(ctx(), actor, file);
    return runImport(ctx(), batch.id, async function* () {
      yield Buffer.from(content);
    });
  }

  async function errorsOf(batchId: string) {
    const { errors } = await findImportRowErrors(database.db, batchId, { limit: 100 });
    return errors.map((e) => [e.line, e.column, e.message]);
  }

  it('commits a file of outlines whole, audited, and serves them on the country map', async () => {
    const actor = await importer();
    const done = await importFile(actor, geojson([{ code: 'SD01' }, { code: 'sd02' }]));
    expect(done).toMatchObject({ status: 'committed', target: 'boundaries', added: 2 });
    const audit = await findAuditEntries(database.db, { resourceId: done.id }, { limit: 5 });
    expect(audit.entries.map((e) => e.action)).toEqual(['import.commit']);

    const deps = testDependencies(database.db, kind);
    const reader = await createTestUser(database.db, { roles: ['partner'] });
    const { areas } = await callerFor(deps, {
      userId: reader.id,
      roles: reader.roles,
      scope: reader.scope,
      clearance: reader.clearance,
    }).areas.boundaries({ countryCode: 'SDN' });
    expect(areas.map((a) => [a.areaCode, a.name, a.geometry.type])).toEqual([
      ['SD01', 'Unit 1 of SDN', 'Polygon'],
      ['SD02', 'Unit 2 of SDN', 'Polygon'],
    ]);

    const again = await importFile(actor, geojson([{ code: 'SD01' }, { code: 'SD02' }]));
    expect(again).toMatchObject({ status: 'committed', added: 0, unchanged: 2 });
  });

  it('commits nothing when a feature is bad, and names each by its index and reason', async () => {
    const actor = await importer({ kind: 'countries', countries: ['SDN'] });
    const done = await importFile(
      actor,
      geojson([
        { code: 'SD03' },
        { code: 'ML01' },
        { code: 'SDN' },
        { code: 'SD99' },
        {
          code: 'SD02',
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        },
      ]),
    );
    expect(done).toMatchObject({ status: 'failed', rowsRead: 5, rowsInvalid: 4 });
    expect(await errorsOf(done.id)).toEqual([
      [
        2,
        'features[1].properties.ADM1_PCODE',
        'Feature 1: ML01 is not in the countries you work on.',
      ],
      [
        3,
        'features[2].properties.ADM1_PCODE',
        'Feature 2: SDN is a country; its sub-national areas have P-codes.',
      ],
      [4, 'features[3].properties.ADM1_PCODE', 'Feature 3: SD99 is not an area of the platform.'],
      [
        5,
        'features[4].geometry.type',
        'The geometry is a LineString: only Polygon and MultiPolygon outline an area.',
      ],
    ]);
    const deps = testDependencies(database.db, kind);
    const { areas } = await callerFor(deps, actor).areas.boundaries({ countryCode: 'SDN' });
    expect(areas.map((a) => a.areaCode)).not.toContain('SD03');
  });

  it('takes the P-code property the importer names, and refuses what does not fit', async () => {
    const actor = await importer();
    const content = geojson([{ code: 'SD03', property: 'code_of_unit' }]);
    const failed = await importFile(actor, content);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatch(/No property holds P-codes/);
    const done = await importFile(
      actor,
      content,
      fileOf(content, { codeProperty: 'code_of_unit' }),
    );
    expect(done).toMatchObject({ status: 'committed', added: 1 });

    await expect(
      queueImport(ctx(), actor, fileOf(content, { sensitivity: 'restricted' })),
    ).rejects.toThrow(/public reference data/);
    await expect(
      queueImport(ctx(), actor, { ...fileOf(content), format: 'csv', codeProperty: 'x' }),
    ).rejects.toThrow(/Only a GeoJSON file/);
  });

  it("answers for a country outside the reader's countries as for one that does not exist", async () => {
    const deps = testDependencies(database.db, kind);
    const reader = await importer({ kind: 'countries', countries: ['MLI'] });
    const outside = await failure(callerFor(deps, reader).areas.boundaries({ countryCode: 'SDN' }));
    const absent = await failure(callerFor(deps, reader).areas.boundaries({ countryCode: 'XXX' }));
    expect({ code: outside.code, message: outside.message }).toEqual({
      code: 'NOT_FOUND',
      message: absent.message,
    });
    const fieldOfficer = await createTestUser(database.db, { roles: ['field-officer'] });
    await expect(
      callerFor(deps, {
        userId: fieldOfficer.id,
        roles: fieldOfficer.roles,
        scope: fieldOfficer.scope,
        clearance: fieldOfficer.clearance,
      }).areas.boundaries({ countryCode: 'SDN' }),
    ).resolves.toMatchObject({ countryCode: 'SDN' });
  });

  it("answers with a country's risk its sub-national areas' figures of the same month, within the clearance", async () => {
    await storeProfiles(database.db, 'SDN', [0]);
    await storeProfiles(database.db, 'SD01', [0], {
      countryCode: 'SDN',
      score: 6.1,
      class: 'high',
    });
    await storeProfiles(database.db, 'SD02', [2], {
      countryCode: 'SDN',
      score: 8,
      class: 'very-high',
    });
    const deps = testDependencies(database.db, kind);
    const publicReader = await createTestUser(database.db, {
      roles: ['hq-planner'],
      clearance: 'public',
    });
    const { subnational, series } = await callerFor(deps, {
      userId: publicReader.id,
      roles: publicReader.roles,
      scope: publicReader.scope,
      clearance: publicReader.clearance,
    }).risk.area({ areaCode: 'SDN' });
    expect(subnational.map((p) => [p.areaCode, p.month, p.score, p.class])).toEqual([
      ['SD01', series.at(-1)?.month, 6.1, 'high'],
    ]);
    const ofArea = await callerFor(deps, {
      userId: publicReader.id,
      roles: publicReader.roles,
      scope: publicReader.scope,
      clearance: publicReader.clearance,
    }).risk.area({ areaCode: 'SD01' });
    expect(ofArea.subnational).toEqual([]);
  });
});
