import type { Actor } from '@prevention/core';
import {
  findUserByEmail,
  generateDemoData,
  loadDemoData,
  loadDemoPlans,
  verifyAuditChain,
} from '@prevention/db';
import { databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoUsers, findDemoPeople, type RouterOutputs } from '../src/index.js';
import { actorOf, callerFor, failure, testDependencies } from './harness.js';

type Header = RouterOutputs['plans']['list'][number];

describe.each(databaseKinds())('the demo plans on %s', (kind) => {
  const database = useTestDatabase(kind);
  // The day after the one the demo's plans stand on.
  const now = () => new Date('2026-12-01T09:00:00Z');
  const actors = new Map<string, Actor>();
  const as = (email: string) => {
    const actor = actors.get(email);
    if (!actor) throw new Error(`no demo user ${email}`);
    return callerFor(testDependencies(database.db, kind, { now }), actor);
  };
  let plans: Header[];
  const planOf = (countryCode: string) => {
    const plan = plans.find((p) => p.countryCode === countryCode);
    if (!plan) throw new Error(`no demo plan for ${countryCode}`);
    return plan;
  };

  beforeAll(async () => {
    const deps = testDependencies(database.db, kind, { now });
    const data = generateDemoData();
    await loadDemoData(database.db, data);
    await ensureDemoUsers({ ...deps, requestId: 'seed' });
    const people = await findDemoPeople(deps);
    if (!people) throw new Error('the demo people are missing');
    await loadDemoPlans(database.db, data, people);
    for (const role of ['hq-planner', 'reviewer', 'partner', 'field-officer', 'team-lead']) {
      const user = await findUserByEmail(database.db, `${role}@demo.example`);
      if (user) actors.set(role, actorOf(user));
    }
    plans = await as('hq-planner').plans.list({});
  }, 120_000);

  it('show the HQ planner a plan per country, and Sudan’s gaps, lateness and open risks', async () => {
    expect(plans.map((p) => [p.countryCode, p.status]).sort()).toEqual([
      ['MLI', 'active'],
      ['SDN', 'active'],
      ['SSD', 'in-review'],
    ]);
    const analysis = await as('hq-planner').plans.analysis({ id: planOf('SDN').id });
    expect(analysis.today).toBe('2026-12-01');
    expect(analysis.financing.plan.gapCommittedUsd).toBeGreaterThan(0);
    expect(analysis.financing.plan.pledgedUsd).toBeGreaterThan(0);
    expect(analysis.financing.plan.disbursedUsd).toBeGreaterThan(0);
    expect(analysis.gaps.unfundedOutcomes.length).toBeGreaterThanOrEqual(1);
    expect(analysis.late.length).toBeGreaterThanOrEqual(3);
    expect(analysis.indicators.some((i) => i.actuals.length >= 2)).toBe(true);
    const history = await as('hq-planner').plans.history({ id: planOf('SDN').id });
    expect(
      history
        .map((r) => r.action)
        .reverse()
        .slice(0, 5),
    ).toEqual(['create', 'save', 'submit', 'endorse', 'activate']);
  });

  it('show women in mediation to those cleared for the engagements, who are confidential', async () => {
    for (const country of ['SDN', 'SSD', 'MLI']) {
      const id = planOf(country).id;
      const reviewed = await as('reviewer').plans.analysis({ id });
      expect(reviewed.womenInMediation.length, country).toBeGreaterThanOrEqual(3);
      // The HQ planner is cleared to restricted: the engagements are not theirs to read.
      const planned = await as('hq-planner').plans.analysis({ id });
      expect(planned.womenInMediation).toEqual([]);
    }
  });

  it('give the partner Mali’s public plan only', async () => {
    const seen = await as('partner').plans.list({});
    expect(seen.map((p) => p.countryCode)).toEqual(['MLI']);
  });

  it('let the owner of every decision read it, and show the overdue ones as due', async () => {
    const decisions = await as('hq-planner').decisions.list({ limit: 100 });
    expect(decisions.some((d) => d.overdue && d.decision.countryCode === null)).toBe(true);
    const byId = new Map([...actors.values()].map((actor) => [actor.userId, actor]));
    for (const { decision } of decisions) {
      if (decision.ownerId === null) continue;
      const owner = byId.get(decision.ownerId);
      expect(owner, decision.text).toBeDefined();
      if (!owner) continue;
      const read = await callerFor(testDependencies(database.db, kind, { now }), owner);
      expect((await read.decisions.byId({ id: decision.id })).decision.id).toBe(decision.id);
    }
    const due = await as('hq-planner').plans.dueFromMe();
    expect(due.decisions.some((d) => d.overdue)).toBe(true);
    expect(due.actions.length).toBeGreaterThanOrEqual(1);
  });

  it('let the reviewer endorse South Sudan’s plan, which the team lead submitted', async () => {
    const ssd = planOf('SSD');
    const detail = await as('reviewer').plans.byId({ id: ssd.id });
    expect(detail.availableActions).toEqual(['return', 'endorse']);
    // The Sudan team lead works on Sudan only: South Sudan's plan does not exist for them.
    expect((await failure(as('team-lead').plans.byId({ id: ssd.id }))).code).toBe('NOT_FOUND');
  });

  it('keep the audit chain intact', async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true });
  });
});
