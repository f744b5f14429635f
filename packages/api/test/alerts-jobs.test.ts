import { addMonths } from '@prevention/core';
import { findAuditEntries, startJobQueue, type JobQueue } from '@prevention/db';
import {
  createTestSignal,
  createTestUser,
  databaseKinds,
  useTestDatabase,
} from '@prevention/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluationAfterRun,
  startAlertJobs,
  startRiskJobs,
  type EvaluatedAlert,
  type RiskJobs,
} from '../src/index.js';
import { storeRule } from './alert-fixtures.js';
import { actorOf, callerFor, failure, testDependencies, testSecurity } from './harness.js';

describe.each(databaseKinds())('the evaluation as a background job on %s', (kind) => {
  const database = useTestDatabase(kind);
  let queue: JobQueue;
  let risk: RiskJobs;
  let alerts: Awaited<ReturnType<typeof startAlertJobs>>;
  const evaluations: EvaluatedAlert[][] = [];
  const jobErrors: unknown[] = [];

  beforeAll(async () => {
    queue = await startJobQueue(database.handle, {
      pollingIntervalSeconds: 0.5,
      onError: (error) => jobErrors.push(error),
    });
    const ctx = {
      db: database.db,
      now: () => new Date(),
      requestId: 'job',
      security: testSecurity,
    };
    alerts = await startAlertJobs(queue, ctx, {
      onJobError: (error) => jobErrors.push(error),
      onEvaluated: (evaluated) => evaluations.push([...evaluated]),
    });
    risk = await startRiskJobs(queue, ctx, {
      onJobError: (error) => jobErrors.push(error),
      afterRun: async (run) => {
        await alerts.queueEvaluation(evaluationAfterRun(run));
      },
    });
  });

  afterAll(async () => {
    await risk.stop();
    await queue.stop(5_000);
  });

  async function nextEvaluation(): Promise<EvaluatedAlert[]> {
    const seen = evaluations.length;
    for (let i = 0; i < 300; i += 1) {
      const evaluation = evaluations[seen];
      if (evaluation) return evaluation;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no evaluation ran: ${String(jobErrors[0] ?? '')}`);
  }

  it('evaluates the rules after a recomputation, over the areas it recomputed', async () => {
    const user = await createTestUser(database.db, {
      roles: ['hq-planner'],
      scope: { kind: 'global' },
    });
    const rule = await storeRule(database.db, user.id, {
      condition: {
        kind: 'spike',
        series: { source: 'signals', kinds: ['jobs-test-event'] },
        spike: { test: 'trailing-mean', periods: 4, ratio: 2, minBaseline: 1 },
      },
    });
    const month = new Date().toISOString().slice(0, 7);
    // Two events a month for four months, then six this month.
    for (const [back, count] of [
      [4, 2],
      [3, 2],
      [2, 2],
      [1, 2],
      [0, 6],
    ] as const)
      for (let i = 0; i < count; i += 1)
        await createTestSignal(database.db, user.id, {
          pillar: 'peace-security',
          kind: 'jobs-test-event',
          areaCode: 'NER',
          occurredOn: `${addMonths(month, -back)}-0${i + 1}`,
          sensitivity: 'public',
        });
    const evaluated = nextEvaluation();
    await risk.recomputeTouched([{ areaCode: 'NER', countryCode: 'NER', from: month }]);
    expect(await evaluated).toEqual([
      expect.objectContaining({ area: 'NER', rule: rule.id, period: month, action: 'raised' }),
    ]);
    expect(jobErrors).toEqual([]);
  });

  it('queues an evaluation on demand for an administrator of every country', async () => {
    const admin = await createTestUser(database.db, {
      roles: ['administrator'],
      scope: { kind: 'global' },
    });
    const deps = testDependencies(database.db, kind, { alerts });
    const evaluated = nextEvaluation();
    const { jobId } = await callerFor(deps, actorOf(admin), admin).alerts.evaluate({
      countryCode: 'NER',
    });
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const audit = await findAuditEntries(database.db, { resourceId: jobId }, { limit: 5 });
    expect(audit.entries.map((e) => [e.action, e.actorUserId])).toEqual([
      ['alerts.evaluate', admin.id],
    ]);
    // NER's alert is already open for this month: nothing new to raise or update.
    expect(await evaluated).toEqual([]);
    const withoutJobs = testDependencies(database.db, kind);
    expect(
      (await failure(callerFor(withoutJobs, actorOf(admin), admin).alerts.evaluate({}))).code,
    ).toBe('PRECONDITION_FAILED');
  });
});
