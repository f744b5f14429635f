import { AssessmentStatus } from '@prevention/assessment';
import { findUserByEmail, generateDemoData, loadDemoData, verifyAuditChain } from '@prevention/db';
import { databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoUsers, loadDemoAssessments, type RouterOutputs } from '../src/index.js';
import { actorOf, callerFor, testDependencies } from './harness.js';

type Summary = RouterOutputs['assessments']['list']['items'][number];

describe.each(databaseKinds())('the demo assessments on %s', (kind) => {
  const database = useTestDatabase(kind);
  const data = generateDemoData();
  let result: Awaited<ReturnType<typeof loadDemoAssessments>>;
  let summaries: Summary[];

  beforeAll(async () => {
    const deps = testDependencies(database.db, kind);
    await loadDemoData(database.db, data);
    await ensureDemoUsers({ ...deps, requestId: 'seed' });
    result = await loadDemoAssessments(deps, data);
    const planner = await findUserByEmail(database.db, 'hq-planner@demo.example');
    if (!planner) throw new Error('no demo planner');
    summaries = (await callerFor(deps, actorOf(planner)).assessments.list({ limit: 100 })).items;
  }, 120_000);

  it('are the same for the same seed', () => {
    expect(generateDemoData().assessments).toEqual(data.assessments);
  });

  it('load without a problem, and only once', async () => {
    expect(result).toMatchObject({ loaded: true, problems: [] });
    expect(summaries).toHaveLength(data.assessments.length);
    expect(await loadDemoAssessments(testDependencies(database.db, kind), data)).toEqual({
      loaded: false,
      reason: 'already-loaded',
    });
  });

  it('leave assessments in every status in Sudan and South Sudan, with several revisions each', () => {
    for (const country of ['SDN', 'SSD']) {
      const statuses = new Set(
        summaries.filter((s) => s.countryCode === country).map((s) => s.status),
      );
      expect([...statuses].sort()).toEqual([...AssessmentStatus.options].sort());
    }
    expect(summaries.filter((s) => s.countryCode === 'MLI').length).toBeGreaterThanOrEqual(3);
    for (const summary of summaries) expect(summary.revision).toBeGreaterThanOrEqual(2);
    for (const assessment of data.assessments) {
      expect(summaries.find((s) => s.id === assessment.id)?.status).toBe(assessment.status);
    }
  });

  it('leave a conflict from the demo field officer waiting to be resolved', async () => {
    const officer = await findUserByEmail(database.db, 'field-officer@demo.example');
    if (!officer) throw new Error('no demo field officer');
    const deps = testDependencies(database.db, kind);
    const waiting = summaries.filter((s) => s.openConflicts > 0);
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    const detail = await callerFor(deps, actorOf(officer)).assessments.byId({
      id: waiting[0]?.id ?? '',
    });
    expect(detail.conflicts[0]).toMatchObject({ author: { id: officer.id }, reason: 'stale-base' });
    expect(detail.editable).toBe(true);
  });

  it('keep the audit chain intact', async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true });
  });
});
