import type { Actor } from '@prevention/core';
import { findAuditEntries, listAlertRules } from '@prevention/db';
import {
  createTestUser,
  databaseKinds,
  testAlertRuleDraft,
  useTestDatabase,
} from '@prevention/db/testing';
import { defaultRules } from '@prevention/early-warning';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultAlertRules } from '../src/index.js';
import { actorOf, callerFor, failure, testDependencies } from './harness.js';

describe.each(databaseKinds())('warning rules on %s', (kind) => {
  const database = useTestDatabase(kind);
  let planner: Actor;
  let sudanPlanner: Actor;
  let reviewer: Actor;
  const as = (actor: Actor) => callerFor(testDependencies(database.db, kind), actor).alertRules;

  beforeAll(async () => {
    const person = async (overrides: Parameters<typeof createTestUser>[1]) =>
      actorOf(await createTestUser(database.db, overrides));
    planner = await person({ roles: ['hq-planner'], scope: { kind: 'global' } });
    sudanPlanner = await person({ roles: ['hq-planner'] });
    reviewer = await person({ roles: ['reviewer'] });
  });

  it('stores the shipped rules once there is an administrator, and never twice', async () => {
    const prepare = () =>
      ensureDefaultAlertRules({ db: database.db, now: () => new Date(), requestId: 'test' });
    expect(await prepare()).toBe(0);
    await createTestUser(database.db, { roles: ['administrator'], scope: { kind: 'global' } });
    expect(await prepare()).toBe(defaultRules.length);
    expect(await prepare()).toBe(0);
    const stored = await listAlertRules(database.db, {});
    expect(stored.map((rule) => rule.id).sort()).toEqual(defaultRules.map((r) => r.id).sort());
    const audit = await findAuditEntries(
      database.db,
      { resourceType: 'alert-rule' },
      { limit: 50 },
    );
    expect(audit.entries.filter((e) => e.action === 'alert-rule.save')).toHaveLength(
      defaultRules.length,
    );
    expect(audit.entries.every((e) => e.actorUserId === null)).toBe(true);
    expect((await as(reviewer).get({ id: 'violence-spike' })).versions).toEqual([1]);
  });

  it('saves each change as the next version, audited, and keeps every version readable', async () => {
    const draft = testAlertRuleDraft({ enabled: false });
    const first = await as(planner).save(draft);
    const second = await as(planner).save({ ...draft, enabled: true, level: 'urgent' });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(await as(reviewer).get({ id: draft.id })).toMatchObject({
      version: 2,
      level: 'urgent',
      versions: [2, 1],
    });
    expect(await as(reviewer).get({ id: draft.id, version: 1 })).toMatchObject({
      enabled: false,
    });
    const audit = await findAuditEntries(database.db, { resourceId: draft.id }, { limit: 10 });
    const changes = audit.entries.map((e) => e.changes.map((c) => c.field).sort());
    expect(changes).toContainEqual(['enabled', 'level', 'version']);
    expect((await as(reviewer).list()).map((rule) => rule.id)).toContain(draft.id);
  });

  it('lets a global rule be saved only from a global scope, and a country rule in scope', async () => {
    const refused = await failure(as(sudanPlanner).save(testAlertRuleDraft()));
    expect(refused.code).toBe('FORBIDDEN');
    const own = await as(sudanPlanner).save(testAlertRuleDraft({ countryCode: 'SDN' }));
    expect(own.countryCode).toBe('SDN');
    const elsewhere = await failure(
      as(sudanPlanner).save(testAlertRuleDraft({ countryCode: 'MLI' })),
    );
    expect(elsewhere.code).toBe('FORBIDDEN');
    expect((await failure(as(reviewer).save(testAlertRuleDraft()))).code).toBe('FORBIDDEN');
    // A rule's id keeps its country across versions.
    const moved = await failure(as(planner).save({ ...testAlertRuleDraft(), id: own.id }));
    expect(moved.code).toBe('CONFLICT');
  });

  it('back-tests a draft and a stored rule beside the naive baseline, over at most ten years', async () => {
    const report = await as(reviewer).backtest({ rule: testAlertRuleDraft({ enabled: false }) });
    expect(report.rules).toHaveLength(1);
    expect(report.baseline.ruleId).toBe('naive-baseline');
    expect(report.onset).toEqual({
      kind: 'class-reached',
      node: 'prevention-risk',
      toClass: 'very-high',
    });
    const { from, to } = report;
    const [fromYear = 0, fromMonth = 0] = from.split('-').map(Number);
    const [toYear = 0, toMonth = 0] = to.split('-').map(Number);
    expect((toYear - fromYear) * 12 + toMonth - fromMonth + 1).toBe(120);
    const saved = await as(planner).save(testAlertRuleDraft());
    const stored = await as(reviewer).backtest({
      rule: { id: saved.id },
      from: '2025-01',
      to: '2025-12',
    });
    expect(stored).toMatchObject({ from: '2025-01', to: '2025-12' });
    expect(stored.rules[0]?.ruleId).toBe(saved.id);
    expect((await failure(as(reviewer).backtest({ rule: { id: 'no-such-rule' } }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (
        await failure(
          as(reviewer).backtest({ rule: { id: saved.id }, from: '2025-06', to: '2025-01' }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
  });
});
