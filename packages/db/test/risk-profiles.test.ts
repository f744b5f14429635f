import { newId, type RiskModel } from '@prevention/core';
import { informRiskModel, preventionRiskModel } from '@prevention/risk';
import { describe, expect, it } from 'vitest';
import {
  basisOf,
  endRiskRun,
  ensureShippedRiskModels,
  failInterruptedRiskRuns,
  findProfiledAreas,
  findProfilesBefore,
  findRiskModelVersions,
  findRiskRun,
  findVisibleRiskProfiles,
  insertRiskModelVersion,
  insertRiskRun,
  recordRiskRunProgress,
  replaceRiskProfiles,
  RiskModelVersionChangedError,
  startRiskRun,
  type RecordReader,
  type StoredRiskProfile,
} from '../src/index.js';
import { createTestUser, databaseKinds, useTestDatabase } from '../src/testing/index.js';

const now = new Date('2026-12-05T10:00:00Z');

/** A stored profile whose numbers say which basis and month it was computed for. */
function profile(month: string, basis: number, score: number): StoredRiskProfile {
  return {
    month,
    basis,
    score,
    class: score >= 5 ? 'high' : 'low',
    change3: null,
    change12: null,
    completeness: 1,
    reliability: 0.9,
    summary: { 'peace-security': { score } },
    profile: { month, basis, score },
  };
}

describe.each(databaseKinds())('risk profiles on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('stores the shipped models once, and refuses a changed model under an old version', async () => {
    const first = await ensureShippedRiskModels(
      database.db,
      [preventionRiskModel, informRiskModel],
      now,
    );
    const again = await ensureShippedRiskModels(
      database.db,
      [preventionRiskModel, informRiskModel],
      now,
    );
    expect(again.map((v) => v.id)).toEqual(first.map((v) => v.id));
    expect(first.map((v) => [v.modelId, v.countryCode])).toEqual([
      [preventionRiskModel.id, null],
      [informRiskModel.id, null],
    ]);
    const changed: RiskModel = { ...informRiskModel, minCoverage: 0.9 };
    await expect(ensureShippedRiskModels(database.db, [changed], now)).rejects.toThrow(
      RiskModelVersionChangedError,
    );
  });

  it("keeps a country's adjusted model beside the global one, visible to that country's readers", async () => {
    const [global] = await ensureShippedRiskModels(database.db, [preventionRiskModel], now);
    const user = await createTestUser(database.db, { roles: ['country-team-lead'] });
    const adjusted = await insertRiskModelVersion(database.db, {
      id: newId(),
      definition: { ...preventionRiskModel, version: `${preventionRiskModel.version}+mli.1` },
      countryCode: 'MLI',
      basedOn: global?.id ?? null,
      note: 'More weight on displacement',
      createdBy: user.id,
      now,
    });
    const forMali = await findRiskModelVersions(database.db, ['MLI']);
    expect(forMali.map((v) => v.id)).toContain(adjusted.id);
    const forNiger = await findRiskModelVersions(database.db, ['NER']);
    expect(forNiger.map((v) => v.id)).not.toContain(adjusted.id);
    expect(forNiger.map((v) => v.id)).toContain(global?.id);
  });

  it('shows each reader the profile of the highest basis they are cleared for, in their scope', async () => {
    const [version] = await ensureShippedRiskModels(database.db, [preventionRiskModel], now);
    const modelVersionId = version?.id ?? '';
    for (const [areaCode, countryCode] of [
      ['MLI', 'MLI'],
      ['NER', 'NER'],
    ] as const)
      await replaceRiskProfiles(
        database.db,
        { modelVersionId, areaCode, countryCode, from: '2026-01', now },
        [
          profile('2026-01', 0, 3),
          profile('2026-01', basisOf('confidential'), 7),
          profile('2026-02', 0, 4),
        ],
      );
    const read = (reader: RecordReader) =>
      findVisibleRiskProfiles(database.db, reader, {
        modelVersionId,
        from: '2026-01',
        to: '2026-02',
      });
    const publicReader: RecordReader = { scope: { kind: 'global' }, clearance: 'restricted' };
    const cleared: RecordReader = { scope: { kind: 'global' }, clearance: 'confidential' };
    const maliOnly: RecordReader = {
      scope: { kind: 'countries', countries: ['MLI'] },
      clearance: 'strictly-confidential',
    };
    const scores = (rows: Awaited<ReturnType<typeof read>>) =>
      rows.map((r) => [r.areaCode, r.month, r.score]);
    expect(scores(await read(publicReader))).toEqual([
      ['MLI', '2026-01', 3],
      ['MLI', '2026-02', 4],
      ['NER', '2026-01', 3],
      ['NER', '2026-02', 4],
    ]);
    expect(scores(await read(cleared))).toEqual([
      ['MLI', '2026-01', 7],
      ['MLI', '2026-02', 4],
      ['NER', '2026-01', 7],
      ['NER', '2026-02', 4],
    ]);
    expect(scores(await read(maliOnly))).toEqual([
      ['MLI', '2026-01', 7],
      ['MLI', '2026-02', 4],
    ]);
  });

  it('replaces an area from a month on, and gives the months before it for the trends', async () => {
    const [version] = await ensureShippedRiskModels(database.db, [preventionRiskModel], now);
    const scope = {
      modelVersionId: version?.id ?? '',
      areaCode: 'HTI',
      countryCode: 'HTI',
      now,
    };
    await replaceRiskProfiles(database.db, { ...scope, from: '2025-01' }, [
      profile('2025-11', 0, 1),
      profile('2025-12', 0, 2),
      profile('2026-01', 0, 3),
      profile('2026-02', 0, 4),
    ]);
    await replaceRiskProfiles(database.db, { ...scope, from: '2026-01' }, [
      profile('2026-01', 0, 8),
    ]);
    const rows = await findVisibleRiskProfiles(
      database.db,
      { scope: { kind: 'global' }, clearance: 'public' },
      { modelVersionId: scope.modelVersionId, from: '2025-01', to: '2026-12', areaCode: 'HTI' },
    );
    expect(rows.map((r) => [r.month, r.score])).toEqual([
      ['2025-11', 1],
      ['2025-12', 2],
      ['2026-01', 8],
    ]);
    const before = await findProfilesBefore(database.db, {
      modelVersionId: scope.modelVersionId,
      areaCode: 'HTI',
      basis: 0,
      before: '2026-01',
      months: 1,
    });
    expect(before).toEqual([{ month: '2025-12', basis: 0, score: 2 }]);
  });

  it('lists every country and the sub-national areas with observations', async () => {
    const areas = await findProfiledAreas(database.db);
    expect(areas.length).toBeGreaterThanOrEqual(193);
    expect(areas.every((a) => a.areaCode === a.countryCode)).toBe(true);
  });

  it('follows a run from queued to done, and fails the ones a stopped server left', async () => {
    const run = await insertRiskRun(database.db, {
      id: newId(),
      kind: 'full',
      areas: [],
      requestedBy: null,
      now,
    });
    expect(await startRiskRun(database.db, run.id, 200, now)).toBe(true);
    expect(await startRiskRun(database.db, run.id, 200, now)).toBe(false);
    await recordRiskRunProgress(database.db, run.id, { areasDone: 20, profilesWritten: 2400 });
    expect(await findRiskRun(database.db, run.id)).toMatchObject({
      status: 'running',
      areasTotal: 200,
      areasDone: 20,
      profilesWritten: 2400,
    });
    const left = await insertRiskRun(database.db, {
      id: newId(),
      kind: 'incremental',
      areas: [{ areaCode: 'MLI', countryCode: 'MLI', from: '2026-01' }],
      requestedBy: null,
      now,
    });
    await endRiskRun(database.db, run.id, { status: 'done', failure: null, now });
    expect(await failInterruptedRiskRuns(database.db, now)).toBe(1);
    expect(await findRiskRun(database.db, left.id)).toMatchObject({
      status: 'failed',
      areas: [{ areaCode: 'MLI', countryCode: 'MLI', from: '2026-01' }],
    });
    expect((await findRiskRun(database.db, run.id))?.status).toBe('done');
  });
});
