import { isAppError, type Actor } from '@prevention/core';
import { findAlert, findAuditEntries, listAlertEvents } from '@prevention/db';
import type { AlertRule } from '@prevention/early-warning';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { closedAlert, storeAlert, storeRule } from './alert-fixtures.js';
import { actorOf, callerFor, failure, testDependencies } from './harness.js';
import { planIn, planTeam, type PlanTeam } from './plan-fixtures.js';

describe.each(databaseKinds())('the alert lifecycle on %s', (kind) => {
  const database = useTestDatabase(kind);
  let rule: AlertRule;
  let lead: Actor;
  let planner: Actor;
  let fieldOfficer: Actor;
  let partner: Actor;
  let maliLead: Actor;
  let team: PlanTeam;
  const deps = () => testDependencies(database.db, kind);
  const as = (actor: Actor) => callerFor(deps(), actor).alerts;

  const person = async (
    roles: Actor['roles'],
    overrides: Partial<Parameters<typeof createTestUser>[1]> = {},
  ) =>
    actorOf(
      await createTestUser(database.db, {
        roles,
        scope: { kind: 'countries', countries: ['SDN'] },
        clearance: 'restricted',
        ...overrides,
      }),
    );

  beforeAll(async () => {
    lead = await person(['country-team-lead']);
    planner = await person(['hq-planner'], { scope: { kind: 'global' } });
    fieldOfficer = await person(['field-officer']);
    partner = await person(['partner']);
    maliLead = await person(['country-team-lead'], {
      scope: { kind: 'countries', countries: ['MLI'] },
    });
    rule = await storeRule(database.db, planner.userId);
    team = await planTeam(database.db);
  });

  /** A rule of its own for each alert: one open alert per rule and area. */
  const openAlert = async (overrides: Parameters<typeof storeAlert>[2] = {}) =>
    storeAlert(database.db, await storeRule(database.db, planner.userId), overrides);

  const decisionIn = async (countryCode: string) => {
    const { decision } = await callerFor(deps(), team.lead).decisions.create({
      countryCode,
      sensitivity: 'restricted',
      meeting: { body: 'country-team', bodyName: 'UNCT', title: 'Weekly', date: '2026-11-01' },
      text: 'Send a mission to the area.',
      kind: 'information',
      ownerId: null,
      dueDate: null,
    });
    return decision.id;
  };

  it('lists page after page as an infinite query asks, every alert once', async () => {
    const stored = [await openAlert(), await openAlert(), await openAlert()];
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      // What tRPC's infinite queries send: the cursor and the direction.
      const page = await as(lead).list({
        countryCode: 'SDN',
        limit: 1,
        direction: 'forward',
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(stored.map((alert) => alert.id)));
  });

  it('lets a team lead acknowledge, respond with links, and close with an outcome, each step audited', async () => {
    const alert = await openAlert();
    const listed = await as(lead).list({ countryCode: 'SDN' });
    const seen = listed.items.find((item) => item.id === alert.id);
    expect(seen).toMatchObject({ status: 'open', overdue: false, snoozed: false });
    expect(seen?.actions).toEqual(['acknowledge', 'respond', 'close', 'snooze']);

    const acknowledged = await as(lead).acknowledge({ id: alert.id, note: 'Looking into it' });
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedBy: lead.userId });
    await expect(as(lead).acknowledge({ id: alert.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const plan = await planIn(deps(), team, 'active', {
      cycle: { startYear: 2600, endYear: 2601 },
    });
    const actionId = plan.content.actions[0]?.id ?? '';
    const decisionId = await decisionIn('SDN');
    const responded = await as(planner).respond({
      id: alert.id,
      planActionIds: [actionId],
      decisionIds: [decisionId],
      note: 'A mission is planned; the plan action covers mediation in the area.',
    });
    expect(responded).toMatchObject({
      status: 'responded',
      respondedBy: planner.userId,
      response: { planActionIds: [actionId], decisionIds: [decisionId] },
    });

    const closed = await as(lead).close({ id: alert.id, outcome: 'addressed', note: 'Calmer' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'addressed', closedBy: lead.userId });
    expect(closed.actions).toEqual([]);

    const detail = await as(lead).get({ id: alert.id });
    expect(detail.events.map((e) => [e.action, e.actorId])).toEqual([
      ['acknowledge', lead.userId],
      ['respond', planner.userId],
      ['close', lead.userId],
    ]);
    expect(detail.rule).toMatchObject({ id: alert.ruleId, version: alert.ruleVersion });
    const audit = await findAuditEntries(database.db, { resourceId: alert.id }, { limit: 10 });
    expect(audit.entries.map((e) => e.action).sort()).toEqual([
      'alert.acknowledge',
      'alert.close',
      'alert.respond',
    ]);
    expect(audit.entries.find((e) => e.action === 'alert.close')?.changes).toContainEqual({
      field: 'status',
      before: 'responded',
      after: 'closed',
    });
  });

  it('acknowledges an alert that is responded to unacknowledged', async () => {
    const alert = await openAlert();
    const responded = await as(lead).respond({
      id: alert.id,
      planActionIds: [],
      decisionIds: [await decisionIn('SDN')],
      note: 'Raised at the country team meeting',
    });
    expect(responded).toMatchObject({ status: 'responded', acknowledgedBy: lead.userId });
  });

  it('refuses links to decisions and actions that do not exist or are of another country', async () => {
    const alert = await openAlert();
    const elsewhere = await decisionIn('MLI');
    const refused = await failure(
      as(planner).respond({
        id: alert.id,
        planActionIds: ['01932b6e-8f3a-7c00-8000-0000000000a1'],
        decisionIds: [elsewhere],
        note: 'Wrong links',
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    const issues = isAppError(refused.cause) ? refused.cause.issues : [];
    expect(issues.map((issue) => issue.path)).toEqual([
      ['decisionIds', 0],
      ['planActionIds', 0],
    ]);
    expect((await findAlert(database.db, alert.id))?.status).toBe('open');
    expect(await listAlertEvents(database.db, alert.id)).toEqual([]);
  });

  it('snoozes until a date, and refuses a date in the past', async () => {
    const alert = await openAlert();
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const snoozed = await as(lead).snooze({ id: alert.id, until });
    expect(snoozed).toMatchObject({
      status: 'open',
      snoozed: true,
      snoozedUntil: until,
      snoozedAtLevel: alert.level,
    });
    await expect(as(lead).snooze({ id: alert.id, until: '2020-01-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('refuses a field officer and a partner, and answers a caller out of scope NOT_FOUND', async () => {
    const alert = await openAlert();
    expect((await failure(as(fieldOfficer).acknowledge({ id: alert.id }))).code).toBe('FORBIDDEN');
    expect(
      (await failure(as(fieldOfficer).close({ id: alert.id, outcome: 'false-alarm' }))).code,
    ).toBe('FORBIDDEN');
    // A field officer reads the country's alerts; a partner does not.
    expect((await as(fieldOfficer).get({ id: alert.id })).actions).toEqual([]);
    expect((await failure(as(partner).list({}))).code).toBe('FORBIDDEN');
    expect((await failure(as(partner).get({ id: alert.id }))).code).toBe('FORBIDDEN');
    expect((await failure(as(maliLead).acknowledge({ id: alert.id }))).code).toBe('NOT_FOUND');
    expect((await failure(as(maliLead).get({ id: alert.id }))).code).toBe('NOT_FOUND');
    expect((await as(maliLead).list({})).items.map((a) => a.id)).not.toContain(alert.id);
    expect((await findAlert(database.db, alert.id))?.status).toBe('open');
  });

  it('keeps an alert on strictly confidential data from a restricted reader, and audits its reads', async () => {
    const alert = await openAlert({ sensitivity: 'strictly-confidential' });
    const restricted = await person(['hq-planner'], { scope: { kind: 'global' } });
    const cleared = await person(['hq-planner'], {
      scope: { kind: 'global' },
      clearance: 'strictly-confidential',
    });
    expect(
      (await as(restricted).list({ countryCode: 'SDN' })).items.map((a) => a.id),
    ).not.toContain(alert.id);
    expect((await failure(as(restricted).get({ id: alert.id }))).code).toBe('NOT_FOUND');
    expect((await failure(as(restricted).acknowledge({ id: alert.id }))).code).toBe('NOT_FOUND');
    expect(
      (await as(restricted).countsByCountry()).find((c) => c.countryCode === 'SDN')?.open ?? 0,
    ).toBeLessThan(
      (await as(cleared).countsByCountry()).find((c) => c.countryCode === 'SDN')?.open ?? 0,
    );

    expect((await as(cleared).list({ countryCode: 'SDN' })).items.map((a) => a.id)).toContain(
      alert.id,
    );
    expect((await as(cleared).get({ id: alert.id })).id).toBe(alert.id);
    const { entries } = await findAuditEntries(
      database.db,
      { resourceId: alert.id },
      { limit: 10 },
    );
    const reads = entries.filter((e) => e.action === 'alert.read');
    expect(reads.map((e) => e.actorUserId)).toEqual([cleared.userId, cleared.userId]);
  });

  it('answers every step on a closed alert with CONFLICT, and changes nothing', async () => {
    const alert = await closedAlert(database.db, rule, 'restricted', lead.userId);
    const until = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const steps = [
      () => as(lead).acknowledge({ id: alert.id }),
      () => as(lead).close({ id: alert.id, outcome: 'addressed' }),
      () => as(lead).snooze({ id: alert.id, until }),
      () =>
        as(lead).respond({ id: alert.id, planActionIds: [], decisionIds: [alert.id], note: 'x' }),
    ];
    for (const step of steps) expect((await failure(step())).code).toBe('CONFLICT');
    expect(await findAlert(database.db, alert.id)).toMatchObject({ status: 'closed' });
  });
});
