import { createHash } from 'node:crypto';
import { addMonths, type Actor } from '@prevention/core';
import {
  findAuditEntries,
  findTouchedAreaMonths,
  listAlertEvents,
  listAlerts,
} from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { generateSyntheticAcled } from '@prevention/exchange/synthetic';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deriveForBatch,
  ensureDefaultAlertRules,
  evaluateAlerts,
  evaluationAfterRun,
  queueImport,
  queueRiskRun,
  runImport,
  runRiskRun,
  type AlertEvaluationRequest,
  type ImportContext,
} from '../src/index.js';
import { assessmentIn, testTeam } from './assessment-fixtures.js';
import { callerFor, testClock, testDependencies, testSecurity } from './harness.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

/** Haiti's synthetic events, as many as asked, re-dated to the 10th of each month asked; ids
 * begin with the digits of `tag`, so that no two exports share one. */
async function acledExport(counts: Readonly<Record<string, number>>, tag: string): Promise<string> {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const csv = await text(generateSyntheticAcled({ seed: 41, countries: ['HTI'], rows: total }));
  const [header = '', ...rows] = csv.trimEnd().split('\n');
  const lines = [header];
  let next = 0;
  for (const [month, count] of Object.entries(counts))
    for (let i = 0; i < count; i += 1) {
      const row = rows[next] ?? '';
      next += 1;
      // The first three cells (id, date, year) come before any quoted cell.
      lines.push(
        row.replace(/^[^,]*,[^,]*,[^,]*,/, `HTI${tag}${next},${month}-10,${month.slice(0, 4)},`),
      );
    }
  return `${lines.join('\n')}\n`;
}

function chunked(content: string) {
  const bytes = Buffer.from(content, 'utf8');
  return async function* () {
    yield bytes;
  };
}

describe.each(databaseKinds())('the evaluation of the early-warning rules on %s', (kind) => {
  const database = useTestDatabase(kind);
  // Mid-October 2026: the month evaluated is October, its history the months before.
  const clock = testClock(new Date('2026-10-15T12:00:00Z'));
  const ctx = (): ImportContext => ({
    db: database.db,
    now: clock.now,
    requestId: 'test',
    security: testSecurity,
  });
  let importer: Actor;
  // Conflict events more than double their mean of the four months before (the default rules').
  const ruleId = 'violence-spike';

  beforeAll(async () => {
    const user = await createTestUser(database.db, {
      roles: ['hq-planner'],
      scope: { kind: 'global' },
      clearance: 'restricted',
    });
    importer = { userId: user.id, roles: user.roles, scope: user.scope, clearance: user.clearance };
    // The shipped rule set, as a prepared database has it (saved in an administrator's name).
    await createTestUser(database.db, { roles: ['administrator'], scope: { kind: 'global' } });
    expect(await ensureDefaultAlertRules(ctx())).toBeGreaterThan(0);
  });

  /** An import as the job runs it, then the recomputation and evaluation that follow it. */
  async function importThenEvaluate(csv: string) {
    const file = {
      format: 'acled' as const,
      fileName: 'events.csv',
      contentHash: createHash('sha256').update(csv).digest('hex'),
      byteSize: Buffer.byteLength(csv),
      mode: 'all-or-nothing' as const,
      sensitivity: 'public' as const,
    };
    const { batch } = await queueImport(ctx(), importer, file);
    const done = await runImport(ctx(), batch.id, chunked(csv), {});
    expect(done.status).toBe('committed');
    await deriveForBatch(ctx(), done.id);
    const touched = await findTouchedAreaMonths(database.db, done.id, done.target);
    const run = await queueRiskRun(
      ctx(),
      {
        kind: 'incremental',
        areas: touched.map((t) => ({
          areaCode: t.areaCode,
          countryCode: t.countryCode,
          from: t.month,
        })),
      },
      null,
    );
    const recomputed = await runRiskRun(ctx(), run.id);
    expect(recomputed.status).toBe('done');
    return evaluateAlerts(ctx(), evaluationAfterRun(recomputed));
  }

  const haitisAlerts = async () =>
    (
      await listAlerts(
        database.db,
        { scope: { kind: 'global' }, clearance: 'strictly-confidential' },
        {
          areaCode: 'HTI',
          limit: 50,
        },
      )
    ).items;

  it('raises one alert when an import doubles violence in one area, and updates it on the next', async () => {
    const october = clock.now().toISOString().slice(0, 7);
    const months = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => addMonths(october, from + i));
    // Six quiet months: four events each, nothing to warn of.
    const quiet = await importThenEvaluate(
      await acledExport(Object.fromEntries(months(-6, -1).map((m) => [m, 4])), '91'),
    );
    expect(quiet).toEqual([]);

    // October's events more than double the trailing mean of four.
    const surge = await importThenEvaluate(await acledExport({ [october]: 10 }, '92'));
    expect(surge).toEqual([
      expect.objectContaining({ area: 'HTI', rule: ruleId, period: october, action: 'raised' }),
    ]);
    const [raised] = await haitisAlerts();
    expect(raised).toMatchObject({ status: 'open', period: october, firings: 1 });
    expect(raised?.evidence.observed).toBe(10);

    // A month later the violence goes on: the same alert is updated, no second one is raised.
    clock.advance(31 * 86_400_000);
    const november = addMonths(october, 1);
    const again = await importThenEvaluate(await acledExport({ [november]: 14 }, '93'));
    expect(again).toEqual([
      expect.objectContaining({ area: 'HTI', rule: ruleId, period: november, action: 'updated' }),
    ]);
    const alerts = await haitisAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      id: raised?.id,
      period: november,
      firings: 2,
      firstPeriod: october,
    });
    expect(
      (await listAlertEvents(database.db, raised?.id ?? '')).map((e) => [e.action, e.actorId]),
    ).toEqual([
      ['raise', null],
      ['update', null],
    ]);
    const audit = await findAuditEntries(
      database.db,
      { resourceId: raised?.id ?? '' },
      { limit: 10 },
    );
    expect(audit.entries.map((e) => [e.action, e.actorUserId]).sort()).toEqual([
      ['alert.raise', null],
      ['alert.update', null],
    ]);

    // Evaluating the same months again changes nothing: each period is recorded.
    expect(await evaluateAlerts(ctx(), { areaCodes: ['HTI'] })).toEqual([]);
  });

  it('queues an evaluation of the area when an assessment is endorsed, and only then', async () => {
    const queued: AlertEvaluationRequest[] = [];
    const deps = testDependencies(database.db, kind, {
      alerts: {
        queueEvaluation: async (request) => {
          queued.push(request);
          return 'job';
        },
      },
    });
    const team = await testTeam(database.db);
    const submitted = await assessmentIn(deps, team, 'submitted', { areaCode: 'SDN' });
    expect(queued).toEqual([]);
    await callerFor(deps, team.reviewer).assessments.transition({
      id: submitted.id,
      action: 'endorse',
      revision: submitted.revision,
    });
    expect(queued).toEqual([{ areaCodes: ['SDN'] }]);
  });

  it('asks, after a recomputation, for the areas it recomputed from their earliest month', () => {
    expect(
      evaluationAfterRun({
        kind: 'incremental',
        areas: [
          { areaCode: 'HTI', countryCode: 'HTI', from: '2026-09' },
          { areaCode: 'ML01', countryCode: 'MLI', from: '2026-07' },
        ],
      }),
    ).toEqual({ areaCodes: ['HTI', 'ML01'], from: '2026-07' });
    expect(evaluationAfterRun({ kind: 'full', areas: [] })).toEqual({});
  });
});
