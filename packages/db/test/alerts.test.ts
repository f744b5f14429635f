import { newId } from '@prevention/core';
import type { Alert, AlertRule } from '@prevention/early-warning';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  alertResponseTimes,
  appendAlertEvent,
  countOpenAlertsByCountry,
  findAlert,
  findAlertRule,
  findLatestAlert,
  insertAlert,
  alertKey,
  appendAlertEvents,
  insertAlerts,
  listAlertEvents,
  lockLatestAlerts,
  updateAlertFirings,
  listAlertRules,
  listAlertRuleVersions,
  listAlerts,
  lockAlert,
  saveAlertRule,
  updateAlert,
  type AlertFilter,
  type DatabaseClient,
  type RecordReader,
} from '../src/index.js';
import {
  createTestUser,
  databaseKinds,
  testAlert,
  testAlertRuleDraft,
  useTestDatabase,
} from '../src/testing/index.js';

const now = new Date('2026-12-09T10:00:00Z');
const hours = (start: string, h: number) =>
  new Date(Date.parse(start) + h * 3_600_000).toISOString();

async function storedRule(
  db: DatabaseClient,
  countryCode: string | null = null,
): Promise<AlertRule> {
  const admin = await createTestUser(db, { roles: ['administrator'] });
  return saveAlertRule(db, testAlertRuleDraft({ countryCode }), admin.id, now);
}

/** Every page of a list, following the cursor. */
async function everyPage(
  db: DatabaseClient,
  reader: RecordReader,
  filter: Omit<AlertFilter, 'cursor'>,
): Promise<Alert[]> {
  const all: Alert[] = [];
  let cursor: string | null = null;
  do {
    const page = await listAlerts(db, reader, { ...filter, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

describe.each(databaseKinds())('alert rules on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('gives each save the next version and lists the latest version of each rule', async () => {
    const admin = await createTestUser(database.db, { roles: ['administrator'] });
    const draft = testAlertRuleDraft();
    const first = await saveAlertRule(database.db, draft, admin.id, now);
    const second = await saveAlertRule(
      database.db,
      { ...draft, enabled: false, cooldownDays: 60 },
      admin.id,
      now,
    );
    expect([first.version, second.version]).toEqual([1, 2]);
    // A country's rule of the same id replaces the global one there: it continues the versions.
    const forMali = await saveAlertRule(
      database.db,
      { ...draft, countryCode: 'MLI' },
      admin.id,
      now,
    );
    expect(forMali.version).toBe(3);

    const ours = (rules: AlertRule[]) =>
      rules.filter((r) => r.id === draft.id).map((r) => [r.countryCode, r.version, r.enabled]);
    expect(ours(await listAlertRules(database.db))).toEqual([
      [null, 2, false],
      ['MLI', 3, true],
    ]);
    expect(ours(await listAlertRules(database.db, { countryCode: null }))).toEqual([
      [null, 2, false],
    ]);
    expect(ours(await listAlertRules(database.db, { countryCode: 'NER' }))).toEqual([
      [null, 2, false],
    ]);
    expect(ours(await listAlertRules(database.db, { countryCode: 'MLI' }))).toHaveLength(2);

    expect(await findAlertRule(database.db, draft.id, 1)).toEqual(first);
    expect((await findAlertRule(database.db, draft.id))?.version).toBe(3);
    expect((await findAlertRule(database.db, draft.id, undefined, null))?.version).toBe(2);
    expect(await findAlertRule(database.db, draft.id, 9)).toBeUndefined();
    const versions = await listAlertRuleVersions(database.db, draft.id);
    expect(versions.map((v) => v.rule.version)).toEqual([3, 2, 1]);
    expect(versions[0]).toMatchObject({ savedBy: admin.id, savedAt: now });
  });
});

describe.each(databaseKinds())('alerts on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('keeps one not-closed alert per rule and area, and lets a closed one be followed', async () => {
    const rule = await storedRule(database.db);
    const lead = await createTestUser(database.db, { roles: ['country-team-lead'] });
    const first = await insertAlert(database.db, testAlert(rule));
    expect(first).toBeDefined();
    expect(await insertAlert(database.db, testAlert(rule))).toBeUndefined();
    // Not only the repository: the database itself refuses a second open alert.
    const second = testAlert(rule);
    await expect(
      sql`insert into alert (id, rule_id, rule_version, area_code, country_code, level, status,
            first_period, period, firings, evidence, sensitivity, raised_at, updated_at, acknowledge_by)
          values (${second.id}::uuid, ${rule.id}, ${rule.version}, 'SDN', 'SDN', 'watch',
            'acknowledged', '2026-11', '2026-11', 1, '{}'::jsonb, 'public', now(), now(), now())`.execute(
        database.db,
      ),
    ).rejects.toThrow(/alert_one_open_idx/);
    // Another area is another alert.
    expect(
      await insertAlert(database.db, testAlert(rule, { areaCode: 'MLI', countryCode: 'MLI' })),
    ).toBeDefined();

    await updateAlert(database.db, first?.id ?? '', {
      status: 'closed',
      closedAt: now.toISOString(),
      closedBy: lead.id,
      outcome: 'false-alarm',
      closingNote: 'A reporting artefact',
    });
    const next = testAlert(rule, {
      raisedAt: '2026-12-09T09:00:00.000Z',
      period: '2026-12',
      firstPeriod: '2026-12',
    });
    expect(await insertAlert(database.db, next)).toEqual(next);
    expect((await findLatestAlert(database.db, rule.id, 'SDN'))?.id).toBe(next.id);
    expect((await findAlert(database.db, first?.id ?? ''))?.outcome).toBe('false-alarm');
  });

  it('refuses a level, status or month outside its set', async () => {
    const rule = await storedRule(database.db);
    await expect(
      insertAlert(database.db, { ...testAlert(rule), level: 'severe' } as never),
    ).rejects.toThrow();
    const alert = await insertAlert(database.db, testAlert(rule));
    await expect(
      sql`update alert set period = '2026-13' where id = ${alert?.id ?? ''}::uuid`.execute(
        database.db,
      ),
    ).rejects.toThrow(/check/);
    await expect(
      sql`update alert set status = 'resolved' where id = ${alert?.id ?? ''}::uuid`.execute(
        database.db,
      ),
    ).rejects.toThrow(/check/);
  });

  it('stores every field of an alert and changes only those a patch gives', async () => {
    const rule = await storedRule(database.db);
    const lead = await createTestUser(database.db, { roles: ['country-team-lead'] });
    const alert = testAlert(rule, { sensitivity: 'confidential', level: 'urgent' });
    expect(await insertAlert(database.db, alert)).toEqual(alert);
    const response = { planActionIds: [newId()], decisionIds: [] };
    const responded = await database.db.transaction().execute(async (trx) => {
      const locked = await lockAlert(trx, alert.id);
      expect(locked).toEqual(alert);
      return updateAlert(trx, alert.id, {
        status: 'responded',
        respondedAt: '2026-12-02T10:00:00.000Z',
        respondedBy: lead.id,
        response,
        responseNote: 'Mediation team sent',
        snoozedUntil: '2026-12-20',
        snoozedAtLevel: 'urgent',
        updatedAt: '2026-12-02T10:00:00.000Z',
      });
    });
    expect(responded).toMatchObject({
      ...alert,
      status: 'responded',
      respondedAt: '2026-12-02T10:00:00.000Z',
      respondedBy: lead.id,
      response,
      responseNote: 'Mediation team sent',
      snoozedUntil: '2026-12-20',
      snoozedAtLevel: 'urgent',
      acknowledgedAt: null,
      updatedAt: '2026-12-02T10:00:00.000Z',
    });
    expect(await findAlert(database.db, alert.id)).toEqual(responded);
    expect(await updateAlert(database.db, newId(), { level: 'watch' })).toBeUndefined();
  });

  it('appends the steps of an alert in the order they are taken', async () => {
    const rule = await storedRule(database.db);
    const lead = await createTestUser(database.db, { roles: ['country-team-lead'] });
    const alert = testAlert(rule);
    await insertAlert(database.db, alert);
    const steps = [
      { action: 'raise', level: 'warning', actorId: null, note: null, period: '2026-11' },
      { action: 'update', level: 'urgent', actorId: null, note: null, period: '2026-12' },
      { action: 'acknowledge', level: 'urgent', actorId: lead.id, note: 'Seen', period: null },
    ] as const;
    for (const [i, step] of steps.entries())
      await appendAlertEvent(database.db, {
        alertId: alert.id,
        at: hours(alert.raisedAt, i),
        ...step,
      });
    const history = await listAlertEvents(database.db, alert.id);
    expect(history.map((e) => [e.seq, e.action, e.level, e.actorId, e.period])).toEqual([
      [1, 'raise', 'warning', null, '2026-11'],
      [2, 'update', 'urgent', null, '2026-12'],
      [3, 'acknowledge', 'urgent', lead.id, null],
    ]);
    expect(history[2]).toMatchObject({ note: 'Seen', at: hours(alert.raisedAt, 2) });
    // The history names who took each step; the evaluation is nobody.
    expect(history.map((e) => e.actorName)).toEqual([null, null, lead.displayName]);
    expect(await listAlertEvents(database.db, newId())).toEqual([]);
  });

  it('reads, stores, updates and numbers the alerts of a whole evaluation in one statement each', async () => {
    const rule = await storedRule(database.db);
    const closed = testAlert(rule, {
      areaCode: 'SDN',
      status: 'closed',
      closedAt: '2026-11-20T10:00:00.000Z',
      outcome: 'addressed',
      raisedAt: '2026-11-01T10:00:00.000Z',
    });
    const reopened = testAlert(rule, { areaCode: 'SDN', raisedAt: '2026-12-01T10:00:00.000Z' });
    const chad = testAlert(rule, { areaCode: 'TCD', countryCode: 'TCD' });
    for (const alert of [closed, reopened, chad]) await insertAlert(database.db, alert);
    await appendAlertEvent(database.db, {
      alertId: chad.id,
      action: 'raise',
      level: 'warning',
      actorId: null,
      at: chad.raisedAt,
      note: null,
      period: chad.period,
    });

    await database.db.transaction().execute(async (trx) => {
      const latest = await lockLatestAlerts(trx, [
        { ruleId: rule.id, areaCode: 'SDN' },
        { ruleId: rule.id, areaCode: 'TCD' },
        { ruleId: rule.id, areaCode: 'ETH' },
      ]);
      // The newest of each rule and area, closed ones behind it left out; none for Ethiopia.
      expect([...latest.entries()].sort()).toEqual([
        [alertKey(rule.id, 'SDN'), reopened],
        [alertKey(rule.id, 'TCD'), chad],
      ]);

      // A second open alert for Chad is refused by the index; Ethiopia's new one is stored.
      const ethiopia = testAlert(rule, { areaCode: 'ETH', countryCode: 'ETH' });
      const again = testAlert(rule, { areaCode: 'TCD', countryCode: 'TCD' });
      expect(await insertAlerts(trx, [ethiopia, again])).toEqual(new Set([ethiopia.id]));

      const updated = {
        ...chad,
        ruleVersion: rule.version,
        level: 'urgent' as const,
        period: '2026-12',
        firings: 2,
        sensitivity: 'restricted' as const,
        evidence: { ...chad.evidence, observed: 30 },
        updatedAt: '2026-12-05T10:00:00.000Z',
      };
      await updateAlertFirings(trx, [updated]);
      expect(await findAlert(trx, chad.id)).toEqual(updated);

      const step = (alertId: string, period: string) =>
        ({
          alertId,
          action: 'update',
          level: 'urgent',
          actorId: null,
          at: updated.updatedAt,
          note: null,
          period,
        }) as const;
      await appendAlertEvents(trx, [
        step(chad.id, '2026-12'),
        step(ethiopia.id, '2026-11'),
        step(chad.id, '2027-01'),
      ]);
      expect((await listAlertEvents(trx, chad.id)).map((e) => [e.seq, e.period])).toEqual([
        [1, '2026-11'],
        [2, '2026-12'],
        [3, '2027-01'],
      ]);
      expect((await listAlertEvents(trx, ethiopia.id)).map((e) => e.seq)).toEqual([1]);
    });
  });
});

describe.each(databaseKinds())('the alert inbox on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('lists only what the reader may see, by level and then age, page after page', async () => {
    const raised = (day: number) => `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
    // One not-closed alert per rule and area: Sudan's alerts come from rules of their own.
    const inSudan: Alert[] = [];
    for (const fields of [
      { level: 'watch', raisedAt: raised(1) },
      { level: 'urgent', raisedAt: raised(5) },
      { level: 'urgent', raisedAt: raised(2), sensitivity: 'restricted' },
      { level: 'warning', raisedAt: raised(3), status: 'acknowledged' },
    ] as const)
      inSudan.push(testAlert(await storedRule(database.db), fields));
    const rule = await storedRule(database.db);
    const hidden = [
      // Another country; above the reader's clearance; both.
      testAlert(rule, {
        areaCode: 'MLI',
        countryCode: 'MLI',
        level: 'urgent',
        raisedAt: raised(1),
      }),
      testAlert(rule, { level: 'urgent', raisedAt: raised(1), sensitivity: 'confidential' }),
      testAlert(rule, {
        areaCode: 'NER',
        countryCode: 'NER',
        level: 'urgent',
        raisedAt: raised(1),
        sensitivity: 'confidential',
      }),
    ];
    for (const alert of [...inSudan, ...hidden])
      expect(await insertAlert(database.db, alert)).toBeDefined();

    const reader: RecordReader = {
      scope: { kind: 'countries', countries: ['SDN'] },
      clearance: 'restricted',
    };
    const pages = await everyPage(database.db, reader, { limit: 1 });
    expect(pages.map((a) => [a.level, a.raisedAt])).toEqual([
      ['urgent', raised(2)],
      ['urgent', raised(5)],
      ['warning', raised(3)],
      ['watch', raised(1)],
    ]);
    expect(new Set(pages.map((a) => a.id))).toEqual(new Set(inSudan.map((a) => a.id)));

    const open = await everyPage(database.db, reader, { limit: 2, status: ['open'] });
    expect(open.map((a) => a.level)).toEqual(['urgent', 'urgent', 'watch']);
    expect(await everyPage(database.db, reader, { limit: 5, status: [] })).toEqual([]);
    expect(
      (await everyPage(database.db, reader, { limit: 5, level: 'warning' })).map((a) => a.id),
    ).toEqual([inSudan[3]?.id]);
    expect(await everyPage(database.db, reader, { limit: 5, countryCode: 'MLI' })).toEqual([]);

    // A cursor made from an alert the reader may not see shows nothing of it.
    const everyone: RecordReader = {
      scope: { kind: 'global' },
      clearance: 'strictly-confidential',
    };
    const all = await everyPage(database.db, everyone, { limit: 2 });
    expect(all).toHaveLength(7);
    // Every cursor the unrestricted reader is given leads the restricted one only to their own.
    for (let limit = 1; limit < all.length; limit += 1) {
      const { nextCursor } = await listAlerts(database.db, everyone, { limit });
      const after = await listAlerts(database.db, reader, { limit: 10, cursor: nextCursor });
      for (const alert of after.items) {
        expect(alert.countryCode).toBe('SDN');
        expect(['public', 'restricted']).toContain(alert.sensitivity);
      }
    }
    await expect(
      listAlerts(database.db, reader, { limit: 1, cursor: 'not-a-cursor' }),
    ).rejects.toThrow(/cursor/);

    expect(await countOpenAlertsByCountry(database.db, everyone)).toEqual(
      expect.arrayContaining([
        { countryCode: 'SDN', open: 5, highestLevel: 'urgent' },
        { countryCode: 'MLI', open: 1, highestLevel: 'urgent' },
        { countryCode: 'NER', open: 1, highestLevel: 'urgent' },
      ]),
    );
    expect(await countOpenAlertsByCountry(database.db, reader)).toEqual([
      { countryCode: 'SDN', open: 4, highestLevel: 'urgent' },
    ]);
  });
});

describe.each(databaseKinds())('alert response times on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('gives per country the medians from raising to acknowledgement and to response', async () => {
    const lead = await createTestUser(database.db, { roles: ['country-team-lead'] });
    const start = '2026-11-10T00:00:00.000Z';
    // Hours after raising of each alert's acknowledgement and response (null: none).
    const plans: {
      ack: number | null;
      respond: number | null;
      country?: string;
      sensitivity?: 'confidential';
    }[] = [
      { ack: 2, respond: 6 },
      { ack: 4, respond: null },
      { ack: null, respond: 10 }, // the response acknowledges it
      { ack: null, respond: null },
      { ack: 1, respond: 1, country: 'MLI' },
      { ack: 100, respond: 100, sensitivity: 'confidential' },
    ];
    for (const plan of plans) {
      const rule = await storedRule(database.db);
      const country = plan.country ?? 'SDN';
      const alert = testAlert(rule, {
        areaCode: country,
        countryCode: country,
        raisedAt: start,
        sensitivity: plan.sensitivity ?? 'public',
      });
      await insertAlert(database.db, alert);
      const step = (action: 'raise' | 'acknowledge' | 'respond', h: number) =>
        appendAlertEvent(database.db, {
          alertId: alert.id,
          action,
          level: 'warning',
          actorId: action === 'raise' ? null : lead.id,
          at: hours(start, h),
          note: null,
          period: action === 'raise' ? '2026-11' : null,
        });
      await step('raise', 0);
      if (plan.ack !== null) await step('acknowledge', plan.ack);
      if (plan.respond !== null) await step('respond', plan.respond);
    }
    const old = testAlert(await storedRule(database.db), { raisedAt: '2026-01-01T00:00:00.000Z' });
    await insertAlert(database.db, old);

    const reader: RecordReader = { scope: { kind: 'global' }, clearance: 'restricted' };
    const times = await alertResponseTimes(database.db, reader, {
      since: new Date('2026-11-01T00:00:00Z'),
    });
    expect(times).toEqual([
      {
        countryCode: 'MLI',
        alerts: 1,
        acknowledged: 1,
        responded: 1,
        medianHoursToAcknowledge: 1,
        medianHoursToRespond: 1,
      },
      {
        countryCode: 'SDN',
        alerts: 4,
        acknowledged: 3,
        responded: 2,
        medianHoursToAcknowledge: 4,
        medianHoursToRespond: 8,
      },
    ]);
    const sudanOnly: RecordReader = {
      scope: { kind: 'countries', countries: ['SDN'] },
      clearance: 'confidential',
    };
    const cleared = await alertResponseTimes(database.db, sudanOnly, {
      since: new Date('2026-11-01T00:00:00Z'),
    });
    expect(cleared).toEqual([
      {
        countryCode: 'SDN',
        alerts: 5,
        acknowledged: 4,
        responded: 3,
        medianHoursToAcknowledge: 7,
        medianHoursToRespond: 10,
      },
    ]);
  });
});
