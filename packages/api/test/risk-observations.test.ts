import { createHash } from 'node:crypto';
import { newId, type Actor, type Sensitivity } from '@prevention/core';
import {
  findAuditEntries,
  replaceDerivedObservations,
  type DerivedObservation,
} from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { observationReliability, platformPillars, roundForProfile } from '@prevention/risk';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  prepareProfilers,
  queueImport,
  recomputeArea,
  runImport,
  type ImportContext,
} from '../src/index.js';
import { actorOf, callerFor, failure, testDependencies, testSecurity } from './harness.js';

// The set-up recomputes one country's profiles (120 months under both models) on each database.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const homicide = 'peace-security.homicide-rate'; // yearly, carried 24 months
const battles = 'peace-security.battles'; // derived from conflict events, never carried
const fatalities = 'peace-security.fatalities-per-100k'; // derived from conflict events
const month = '2026-03';
/** A fixed clock, so that the profiled range holds `month` whenever the test runs. */
const today = new Date('2026-11-15T12:00:00Z');

/** Sudan's yearly homicide rates as a file brings them: 2022 is outside the window of March 2026. */
const valuesCsv = [
  'area,month,indicator,value,source,reliability',
  `SDN,2022,${homicide},4,UNODC,high`,
  `SDN,2024,${homicide},5.2,UNODC,high`,
  `SDN,2025,${homicide},6.1,UNODC,medium`,
].join('\n');

function derived(overrides: Partial<DerivedObservation>): DerivedObservation {
  return {
    id: newId(),
    indicatorCode: battles,
    areaCode: 'SDN',
    countryCode: 'SDN',
    period: month,
    sex: null,
    age: null,
    source: 'Derived from conflict-event signals',
    value: 7,
    reliability: 'high',
    sensitivity: 'public',
    ...overrides,
  };
}

describe.each(databaseKinds())('the observations behind a risk profile on %s', (kind) => {
  const database = useTestDatabase(kind);
  const deps = () => testDependencies(database.db, kind);
  let batchId: string;
  let confidentialId: string;
  let strictlyConfidentialId: string;

  async function reader(clearance: Sensitivity, countries?: string[]): Promise<Actor> {
    return actorOf(
      await createTestUser(database.db, {
        roles: ['reviewer'],
        scope: countries ? { kind: 'countries', countries } : { kind: 'global' },
        clearance,
      }),
    );
  }

  const observationsOf = (actor: Actor, nodeId: string, input: { month?: string } = {}) =>
    callerFor(deps(), actor).risk.observations({ areaCode: 'SDN', nodeId, month, ...input });

  beforeAll(async () => {
    const importer = actorOf(
      await createTestUser(database.db, {
        roles: ['hq-planner'],
        scope: { kind: 'global' },
        clearance: 'restricted',
      }),
    );
    const ctx: ImportContext = {
      db: database.db,
      now: () => today,
      requestId: 'test',
      security: testSecurity,
    };
    const { batch } = await queueImport(ctx, importer, {
      format: 'csv',
      fileName: 'homicide.csv',
      contentHash: createHash('sha256').update(valuesCsv).digest('hex'),
      byteSize: Buffer.byteLength(valuesCsv),
      mode: 'all-or-nothing',
      sensitivity: 'public',
    });
    batchId = batch.id;
    const done = await runImport(ctx, batch.id, async function* () {
      yield Buffer.from(valuesCsv);
    });
    expect(done.status).toBe('committed');

    // Every other leaf gets a value for the month, so that the profile has a score to store.
    for (const pillar of platformPillars)
      await replaceDerivedObservations(
        database.db,
        {
          pillar: pillar.id,
          areaCode: 'SDN',
          from: month,
          to: month,
          createdBy: importer.userId,
          now: today,
        },
        pillar.indicators
          .filter((indicator) => ![homicide, battles, fatalities].includes(indicator.code))
          .map((indicator) =>
            derived({ indicatorCode: indicator.code, value: 1, source: 'Test values' }),
          ),
      );
    confidentialId = newId();
    strictlyConfidentialId = newId();
    await replaceDerivedObservations(
      database.db,
      {
        pillar: 'peace-security',
        areaCode: 'SDN',
        from: '2026-01',
        to: '2026-12',
        createdBy: importer.userId,
        now: today,
      },
      [
        derived({}),
        derived({ period: '2026-02', value: 30 }), // the month before: not carried into March
        derived({
          indicatorCode: fatalities,
          value: 1.5,
          sensitivity: 'confidential',
          id: confidentialId,
        }),
        derived({
          indicatorCode: fatalities,
          value: 1.7,
          source: 'Derived from confidential field reports',
          sensitivity: 'strictly-confidential',
          id: strictlyConfidentialId,
        }),
      ],
    );
    const profilers = await prepareProfilers({ db: database.db, now: () => today });
    await recomputeArea({ db: database.db, now: () => today }, profilers, {
      areaCode: 'SDN',
      countryCode: 'SDN',
      from: '2016-12',
    });
  });

  it('lists for a leaf the values in its window, marks the one its score rests on, and names their batch', async () => {
    const actor = await reader('restricted');
    const answer = await observationsOf(actor, homicide);
    expect(answer.leaves).toEqual([
      { node: homicide, indicator: homicide, carryForwardMonths: 24 },
    ]);
    expect(answer.withheld).toBe(0);
    expect(answer.truncated).toBe(false);
    expect(answer.observations).toEqual([
      expect.objectContaining({
        indicatorCode: homicide,
        period: '2025',
        value: 6.1,
        unit: 'per-100k',
        source: 'UNODC',
        reliability: 'medium',
        sensitivity: 'public',
        origin: 'imported',
        provenance: { batchId, line: 4 },
        counts: true,
        carriedMonths: 3,
        reliabilityFactor: roundForProfile(observationReliability('medium', 3, 24)),
      }),
      expect.objectContaining({
        period: '2024',
        value: 5.2,
        provenance: { batchId, line: 3 },
        counts: false,
        carriedMonths: 15,
      }),
    ]);
    // The one marked is the one the stored profile says it was observed in.
    const { profile } = await callerFor(deps(), actor).risk.area({ areaCode: 'SDN', month });
    expect(profile?.nodes[homicide]).toMatchObject({ observed: '2025' });
    expect(profile?.nodes[homicide]?.reliability).toBe(answer.observations[0]?.reliabilityFactor);
  });

  it('lists for an aggregate every leaf under it, and derived values as derived, without a batch', async () => {
    const answer = await observationsOf(await reader('restricted'), 'peace-security.violence');
    expect(answer.leaves.map((leaf) => leaf.node)).toContain(battles);
    expect(answer.leaves).toHaveLength(7);
    const derivedBattles = answer.observations.filter((o) => o.indicatorCode === battles);
    expect(derivedBattles).toEqual([
      expect.objectContaining({
        period: month,
        value: 7,
        unit: 'events',
        origin: 'derived',
        provenance: null,
        counts: true,
        carriedMonths: 0,
        reliabilityFactor: 1,
      }),
    ]);
    expect(answer.observations.filter((o) => o.indicatorCode === homicide)).toHaveLength(2);
    // By leaf in the model's order, as the tree lists them.
    const ranks = answer.observations.map((o) =>
      answer.leaves.findIndex((leaf) => leaf.indicator === o.indicatorCode),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    // The root rests on every leaf: the same observations and more.
    const root = await observationsOf(await reader('restricted'), 'prevention-risk');
    expect(root.observations.map((o) => o.id)).toEqual(
      expect.arrayContaining(answer.observations.map((o) => o.id)),
    );
  });

  it('leaves out what is above the clearance and says how many, and shows it to those cleared', async () => {
    const restricted = await observationsOf(await reader('restricted'), fatalities);
    expect(restricted.observations).toEqual([]);
    expect(restricted.withheld).toBe(2);

    const confidential = await observationsOf(await reader('confidential'), fatalities);
    expect(confidential.observations.map((o) => [o.id, o.sensitivity])).toEqual([
      [confidentialId, 'confidential'],
    ]);
    expect(confidential.withheld).toBe(1);

    const cleared = await reader('strictly-confidential');
    const everything = await observationsOf(cleared, fatalities);
    expect(everything.withheld).toBe(0);
    expect(everything.observations.map((o) => o.id).sort()).toEqual(
      [confidentialId, strictlyConfidentialId].sort(),
    );
    // Of two values of one period, the more reliable counts; both are as reliable, so the later.
    expect(everything.observations.filter((o) => o.counts)).toHaveLength(1);
    const audit = await findAuditEntries(
      database.db,
      { actorUserId: cleared.userId },
      { limit: 10 },
    );
    expect(audit.entries.map((e) => [e.action, e.resourceId])).toEqual([
      ['observation.read', strictlyConfidentialId],
    ]);
  });

  it("answers for an area outside the caller's countries as for an area that does not exist", async () => {
    const inMali = await reader('strictly-confidential', ['MLI']);
    const outside = await failure(observationsOf(inMali, homicide));
    const absent = await failure(
      callerFor(deps(), inMali).risk.observations({ areaCode: 'ML99999', nodeId: homicide, month }),
    );
    expect(outside.code).toBe('NOT_FOUND');
    expect({ code: outside.code, message: outside.message }).toEqual({
      code: absent.code,
      message: absent.message,
    });
  });

  it('refuses an unknown node, model version or a malformed input with a clear message', async () => {
    const actor = await reader('restricted');
    const node = await failure(observationsOf(actor, 'no-such-node'));
    expect({ code: node.code, message: node.message }).toEqual({
      code: 'NOT_FOUND',
      message: 'This risk model has no node with this id.',
    });
    const version = await failure(
      callerFor(deps(), actor).risk.observations({
        areaCode: 'SDN',
        nodeId: homicide,
        month,
        modelVersionId: newId(),
      }),
    );
    expect(version.code).toBe('NOT_FOUND');
    for (const bad of [
      observationsOf(actor, homicide, { month: '2026-13' }),
      observationsOf(actor, '../etc/passwd'),
      observationsOf(actor, ''),
    ]) {
      const error = await failure(bad);
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).not.toMatch(/\bat .*\(|\.ts:\d+/);
    }
  });

  it('answers a month without data with an empty list, not an error', async () => {
    const answer = await observationsOf(await reader('restricted'), homicide, {
      month: '2010-01',
    });
    expect(answer).toMatchObject({ observations: [], withheld: 0, truncated: false });
    const ancient = await observationsOf(await reader('restricted'), homicide, {
      month: '0000-01',
    });
    expect(ancient.observations).toEqual([]);
  });
});
