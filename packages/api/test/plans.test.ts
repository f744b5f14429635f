import { newId, type Actor, type Role, type Sensitivity } from '@prevention/core';
import { findAuditEntries } from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf, callerFor, failure, testDependencies } from './harness.js';
import { planIn, planTeam, testPlanContent, type PlanTeam } from './plan-fixtures.js';

/** Years no other test's plans use: each test takes a cycle of its own, so none overlap. */
let nextYear = 2100;
const cycle = (years = 2) => {
  const startYear = nextYear;
  nextYear += years + 1;
  return { startYear, endYear: startYear + years - 1 };
};

const issuePaths = (error: { cause?: unknown }) =>
  ((error.cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues ?? []).map((i) =>
    i.path.join('.'),
  );

/** A country's plan through the API: lifecycle, revisions, conflicts, access, money and audit. */
describe.each(databaseKinds())('plans on %s', (kind) => {
  const database = useTestDatabase(kind);
  let team: PlanTeam;
  const deps = () => testDependencies(database.db, kind);
  const as = (actor: Actor) => callerFor(deps(), actor).plans;
  const member = async (
    roles: Role[],
    options: { countries?: string[]; clearance?: Sensitivity } = {},
  ) =>
    actorOf(
      await createTestUser(database.db, {
        roles,
        scope: { kind: 'countries', countries: options.countries ?? ['SDN'] },
        clearance: options.clearance ?? 'confidential',
      }),
    );

  beforeAll(async () => {
    team = await planTeam(database.db);
  });

  it('goes draft → in review → endorsed → active → closed, a revision and an audit entry each', async () => {
    const { id, revision } = await planIn(deps(), team, 'active', { cycle: cycle() });
    const planner = await member(['hq-planner']);
    const closed = await as(team.lead).transition({ id, action: 'close', revision });
    expect(closed).toMatchObject({ status: 'closed', revision: 5, mayEdit: false });
    expect((await as(planner).byId({ id })).availableActions).toEqual([]);
    const history = await as(planner).history({ id });
    expect(history.map((r) => [r.revision, r.action, r.status])).toEqual([
      [5, 'close', 'closed'],
      [4, 'activate', 'active'],
      [3, 'endorse', 'endorsed'],
      [2, 'submit', 'in-review'],
      [1, 'create', 'draft'],
    ]);
    expect(history[2]?.author.id).toBe(team.reviewer.userId);
    const audit = await findAuditEntries(database.db, { resourceId: id }, { limit: 20 });
    expect(audit.entries.map((e) => e.action).reverse()).toEqual([
      'plan.create',
      'plan.submit',
      'plan.endorse',
      'plan.activate',
      'plan.close',
    ]);
  });

  it('keeps four eyes: the lead who submitted it does not endorse it, whatever their roles', async () => {
    const both = actorOf(
      await createTestUser(database.db, {
        roles: ['country-team-lead', 'reviewer'],
        scope: { kind: 'countries', countries: ['SDN'] },
        clearance: 'confidential',
      }),
    );
    const plan = await as(both).create({
      countryCode: 'SDN',
      sensitivity: 'restricted',
      content: testPlanContent(team, cycle()),
    });
    const submitted = await as(both).transition({ id: plan.id, action: 'submit', revision: 1 });
    expect(submitted.availableActions).toEqual([]);
    const refused = await failure(
      as(both).transition({ id: plan.id, action: 'endorse', revision: submitted.revision }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    const returned = await as(team.reviewer).transition({
      id: plan.id,
      action: 'return',
      revision: submitted.revision,
      note: 'Add the government as a partner of the action.',
    });
    expect(returned).toMatchObject({ status: 'draft', submittedBy: null });
  });

  it('refuses to send an empty plan to review, and a return without a note', async () => {
    const plan = await as(team.lead).create({
      countryCode: 'SDN',
      sensitivity: 'restricted',
      content: testPlanContent(team, cycle(), { outcomes: [], actions: [], flows: [] }),
    });
    const empty = await failure(
      as(team.lead).transition({ id: plan.id, action: 'submit', revision: 1 }),
    );
    expect(empty.code).toBe('BAD_REQUEST');
    expect(issuePaths(empty)).toEqual(['content.outcomes', 'content.actions']);
    const ready = await planIn(deps(), team, 'in-review', { cycle: cycle() });
    const bare = await failure(
      as(team.reviewer).transition({ id: ready.id, action: 'return', revision: ready.revision }),
    );
    expect(bare.code).toBe('BAD_REQUEST');
    expect((await as(team.lead).byId({ id: ready.id })).status).toBe('in-review');
  });

  it('saves each edit as a revision with a readable diff, and refuses a stale one', async () => {
    const { id, revision, content } = await planIn(deps(), team, 'draft', { cycle: cycle() });
    const saved = await as(team.lead).save({
      id,
      baseRevision: revision,
      content: { ...content, title: 'Sudan: one plan for peace, development and rights' },
      note: 'A clearer title',
    });
    expect(saved).toMatchObject({ revision: 2, status: 'draft' });
    expect(saved.content.title).toBe('Sudan: one plan for peace, development and rights');
    const diff = await as(team.reviewer).diff({ id, from: 1, to: 2 });
    expect(diff).toEqual([
      expect.objectContaining({ path: 'title', before: content.title, after: saved.content.title }),
    ]);
    const stale = await failure(
      as(team.lead).save({ id, baseRevision: revision, content: { ...content, title: 'Lost?' } }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect((stale.cause as { details?: unknown }).details).toEqual({
      revision: 2,
      status: 'draft',
    });
    const unchanged = await as(team.lead).save({ id, baseRevision: 2, content: saved.content });
    expect(unchanged.revision).toBe(2);
    expect((await as(team.lead).history({ id })).map((r) => r.revision)).toEqual([2, 1]);
  });

  it('refuses at the edge an outcome of one pillar, saying why, and stores nothing', async () => {
    const content = testPlanContent(team, cycle());
    const [outcome] = content.outcomes;
    if (!outcome) throw new Error('no outcome');
    const error = await failure(
      as(team.lead).create({
        countryCode: 'SDN',
        sensitivity: 'restricted',
        content: { ...content, outcomes: [{ ...outcome, pillars: ['development'] }] },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    const issues = (
      error.cause as unknown as { issues: { path: PropertyKey[]; message: string }[] }
    ).issues;
    expect(issues).toEqual([
      expect.objectContaining({
        path: ['content', 'outcomes', 0, 'pillars'],
        message: expect.stringMatching(/at least two pillars/i),
      }),
    ]);
    const titles = (await as(team.lead).list({ countryCode: 'SDN' })).map((p) => p.title);
    expect(titles).not.toContain(content.title);
  });

  it('names organisations the platform does not know, each by its path', async () => {
    const content = testPlanContent(
      { leadOrganisationId: newId(), funderId: team.funderId },
      cycle(),
    );
    const error = await failure(
      as(team.lead).create({ countryCode: 'SDN', sensitivity: 'restricted', content }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(issuePaths(error)).toEqual(['content.actions.0.leadOrganisationId']);
  });

  it('keeps one plan per country and cycle, naming the other only to whoever may see it', async () => {
    const years = cycle(3);
    const secret = await planIn(deps(), team, 'draft', {
      cycle: years,
      sensitivity: 'strictly-confidential',
    });
    const overlapping = { startYear: years.endYear, endYear: years.endYear + 1 };
    const cleared = await failure(
      as(team.lead).create({
        countryCode: 'SDN',
        sensitivity: 'restricted',
        content: testPlanContent(team, overlapping),
      }),
    );
    expect(cleared.code).toBe('CONFLICT');
    expect((cleared.cause as { details?: unknown }).details).toEqual({ planId: secret.id });
    const lead = await member(['country-team-lead'], { clearance: 'restricted' });
    const uncleared = await failure(
      as(lead).create({
        countryCode: 'SDN',
        sensitivity: 'restricted',
        content: testPlanContent(team, overlapping),
      }),
    );
    expect(uncleared.code).toBe('CONFLICT');
    expect((uncleared.cause as { details?: unknown }).details).toBeUndefined();
    expect(uncleared.message).not.toContain(String(years.startYear));
    // Another country's plan may share the years.
    await expect(
      as(team.lead).create({
        countryCode: 'MLI',
        sensitivity: 'restricted',
        content: testPlanContent(team, overlapping),
      }),
    ).resolves.toMatchObject({ countryCode: 'MLI', status: 'draft' });
  });

  it('lets two drafts of overlapping cycles sent at once both through never', async () => {
    const years = cycle();
    const attempts = await Promise.allSettled(
      [0, 1, 2].map(() =>
        as(team.lead).create({
          countryCode: 'SSD',
          sensitivity: 'restricted',
          content: testPlanContent(team, years),
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const plans = await as(team.lead).list({ countryCode: 'SSD' });
    expect(plans.filter((p) => p.startYear === years.startYear)).toHaveLength(1);
  });

  it('shows partners published plans only, and nobody a plan outside their countries or clearance', async () => {
    const draft = await planIn(deps(), team, 'draft', { cycle: cycle() });
    const active = await planIn(deps(), team, 'active', { cycle: cycle() });
    const secret = await planIn(deps(), team, 'active', {
      cycle: cycle(),
      sensitivity: 'strictly-confidential',
    });
    const partner = await member(['partner']);
    const listed = (await as(partner).list({ countryCode: 'SDN' })).map((p) => p.id);
    expect(listed).toContain(active.id);
    expect(listed).not.toContain(draft.id);
    expect(listed).not.toContain(secret.id);
    expect((await failure(as(partner).byId({ id: draft.id }))).code).toBe('NOT_FOUND');
    const officer = await member(['field-officer']);
    expect((await as(officer).byId({ id: draft.id })).mayEdit).toBe(false);
    expect((await failure(as(officer).byId({ id: secret.id }))).code).toBe('NOT_FOUND');
    const elsewhere = await member(['country-team-lead'], { countries: ['MLI'] });
    // Each call is made when its turn comes: a refusal is awaited as soon as it exists.
    const calls = [
      () => as(elsewhere).byId({ id: active.id }),
      () => as(elsewhere).analysis({ id: active.id }),
      () => as(elsewhere).history({ id: active.id }),
      () =>
        as(elsewhere).save({
          id: active.id,
          baseRevision: active.revision,
          content: active.content,
        }),
      () => as(elsewhere).transition({ id: active.id, action: 'close', revision: active.revision }),
    ];
    for (const call of calls) expect((await failure(call())).code).toBe('NOT_FOUND');
  });

  it('refuses a plan kept above the author’s clearance', async () => {
    const lead = await member(['country-team-lead'], { clearance: 'restricted' });
    const error = await failure(
      as(lead).create({
        countryCode: 'SDN',
        sensitivity: 'confidential',
        content: testPlanContent(team, cycle()),
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
  });

  it('analyses the money: committed counted, pledged shown apart, the gap per action and plan', async () => {
    const years = cycle();
    const content = testPlanContent(team, years);
    const [action] = content.actions;
    if (!action) throw new Error('no action');
    content.flows.push({
      id: newId(),
      sourceOrganisationId: team.funderId,
      target: { kind: 'action', actionId: action.id },
      status: 'pledged',
      date: `${years.startYear}-03-01`,
      amount: '90000',
      currency: 'EUR',
      usdRate: '1.1',
      description: null,
    });
    const plan = await as(team.lead).create({
      countryCode: 'SDN',
      sensitivity: 'restricted',
      content,
    });
    const { financing, organisations, today } = await as(team.reviewer).analysis({ id: plan.id });
    expect(financing.plan).toEqual({
      requiredUsd: 40_000_000,
      pledgedUsd: 9_900_000,
      committedUsd: 25_000_000,
      disbursedUsd: 0,
      gapCommittedUsd: 15_000_000,
      gapDisbursedUsd: 40_000_000,
    });
    expect(financing.byAction[action.id]?.gapCommittedUsd).toBe(15_000_000);
    // One action serves two pillars: its money is split between them, and counted once.
    const byPillar = Object.values(financing.byPillar);
    expect(byPillar.reduce((sum, t) => sum + t.committedUsd, 0)).toBe(25_000_000);
    expect(organisations.map((o) => o.organisationId).sort()).toEqual(
      [team.leadOrganisationId, team.funderId].sort(),
    );
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('takes progress reports on an active plan only, and audits them', async () => {
    const draft = await planIn(deps(), team, 'draft', { cycle: cycle() });
    const active = await planIn(deps(), team, 'active', { cycle: cycle() });
    const officer = await member(['field-officer']);
    const report = (actionId: string) => ({
      actionId,
      date: '2026-11-30',
      status: 2 as const,
      milestonesMetPercent: 40,
      rating: 'amber' as const,
      narrative: 'Two of five committees meet monthly.',
    });
    const draftAction = draft.content.actions[0];
    const actionId = active.content.actions[0]?.id;
    if (!draftAction || !actionId) throw new Error('no action');
    const refused = await failure(
      as(officer).addReport({ planId: draft.id, report: report(draftAction.id) }),
    );
    expect(refused.code).toBe('CONFLICT');
    const noAction = await failure(
      as(officer).addReport({ planId: active.id, report: report(newId()) }),
    );
    expect(noAction.code).toBe('BAD_REQUEST');
    const stored = await as(officer).addReport({ planId: active.id, report: report(actionId) });
    expect(stored).toMatchObject({ actionId, authorId: officer.userId, rating: 'amber' });
    expect((await as(team.reviewer).byId({ id: active.id })).reports).toEqual([stored]);
    const audit = await findAuditEntries(database.db, { resourceId: active.id }, { limit: 1 });
    expect(audit.entries[0]).toMatchObject({ action: 'plan.report', actorUserId: officer.userId });
  });

  it('lists what is due from a focal point: the actions they answer for, late ones flagged', async () => {
    const focal = await member(['field-officer']);
    const years = { startYear: 2020, endYear: 2021 };
    const content = testPlanContent(team, years);
    content.actions = content.actions.map((a) => ({ ...a, focalPointId: focal.userId }));
    const [action] = content.actions;
    if (!action) throw new Error('no action');
    const plan = await as(team.lead).create({
      countryCode: 'SDN',
      sensitivity: 'restricted',
      content,
    });
    const due = await as(focal).dueFromMe();
    const mine = due.actions.filter((a) => a.planId === plan.id);
    expect(mine).toEqual([
      expect.objectContaining({
        actionId: action.id,
        title: action.title,
        late: expect.arrayContaining(['end-overdue']),
      }),
    ]);
    expect((await as(team.lead).dueFromMe()).actions.some((a) => a.planId === plan.id)).toBe(false);
  });
});

/** The decision log: who records, who owns, who follows up, and who sees it. */
describe.each(databaseKinds())('the decision log on %s', (kind) => {
  const database = useTestDatabase(kind);
  const deps = () => testDependencies(database.db, kind);
  const as = (actor: Actor) => callerFor(deps(), actor).decisions;
  const member = async (
    roles: Role[],
    scope: { kind: 'global' } | { kind: 'countries'; countries: string[] } = {
      kind: 'countries',
      countries: ['SDN'],
    },
    clearance: Sensitivity = 'confidential',
  ) => actorOf(await createTestUser(database.db, { roles, scope, clearance }));
  const meeting = {
    body: 'country-team' as const,
    bodyName: 'UN Country Team Sudan',
    title: 'Monthly meeting',
    date: '2026-11-12',
  };

  it('records a decision with an owner who follows it up; others may not', async () => {
    const lead = await member(['country-team-lead']);
    const owner = await member(['field-officer']);
    const bystander = await member(['field-officer']);
    const created = await as(lead).create({
      countryCode: 'SDN',
      sensitivity: 'restricted',
      meeting,
      text: 'Open a joint field office in El Fasher.',
      kind: 'decision',
      ownerId: owner.userId,
      dueDate: '2000-01-31',
    });
    expect(created).toMatchObject({ status: 'open', overdue: true, createdBy: lead.userId });
    const id = created.decision.id;
    expect(
      (await failure(as(bystander).followUp({ id, text: 'Done?', status: 'completed' }))).code,
    ).toBe('FORBIDDEN');
    const done = await as(owner).followUp({ id, text: 'The office opened.', status: 'completed' });
    expect(done).toMatchObject({ status: 'completed', overdue: false });
    expect(done.decision.followUps).toEqual([
      expect.objectContaining({ authorId: owner.userId, text: 'The office opened.' }),
    ]);
    const audit = await findAuditEntries(database.db, { resourceId: id }, { limit: 5 });
    expect(audit.entries.map((e) => e.action)).toEqual(['decision.follow-up', 'decision.create']);
    expect((await as(bystander).list({ countryCode: 'SDN' })).map((d) => d.decision.id)).toContain(
      id,
    );
  });

  it('refuses an owner who could not read it, and a decision or action without owner or date', async () => {
    const lead = await member(['country-team-lead']);
    const elsewhere = await member(['field-officer'], { kind: 'countries', countries: ['MLI'] });
    const partner = await member(['partner']);
    for (const ownerId of [elsewhere.userId, partner.userId, newId()]) {
      const error = await failure(
        as(lead).create({
          countryCode: 'SDN',
          sensitivity: 'restricted',
          meeting,
          text: 'Someone else does it.',
          kind: 'action',
          ownerId,
          dueDate: '2027-01-31',
        }),
      );
      expect(error.code).toBe('BAD_REQUEST');
      expect(issuePaths(error)).toEqual(['ownerId']);
    }
    const unowned = await failure(
      as(lead).create({
        countryCode: 'SDN',
        sensitivity: 'restricted',
        meeting,
        text: 'Nobody does it.',
        kind: 'decision',
        ownerId: null,
        dueDate: null,
      }),
    );
    expect(unowned.code).toBe('BAD_REQUEST');
  });

  it('keeps a decision across countries to those who work in every country', async () => {
    const lead = await member(['country-team-lead']);
    const planner = await member(['hq-planner'], { kind: 'global' });
    const request = {
      countryCode: null,
      sensitivity: 'restricted' as const,
      meeting: {
        ...meeting,
        body: 'hq-executive-committee' as const,
        bodyName: 'Executive Committee',
      },
      text: 'Every plan names its gender focal point.',
      kind: 'information' as const,
      ownerId: null,
      dueDate: null,
    };
    expect((await failure(as(lead).create(request))).code).toBe('FORBIDDEN');
    const created = await as(planner).create(request);
    expect((await failure(as(lead).byId({ id: created.decision.id }))).code).toBe('NOT_FOUND');
    expect((await as(planner).byId({ id: created.decision.id })).decision.countryCode).toBeNull();
  });

  it('hides a decision above the reader’s clearance', async () => {
    const planner = await member(['hq-planner'], { kind: 'global' }, 'strictly-confidential');
    const reviewer = await member(['reviewer'], undefined, 'restricted');
    const created = await as(planner).create({
      countryCode: 'SDN',
      sensitivity: 'confidential',
      meeting,
      text: 'Raise the detentions with the authorities.',
      kind: 'information',
      ownerId: null,
      dueDate: null,
    });
    expect((await failure(as(reviewer).byId({ id: created.decision.id }))).code).toBe('NOT_FOUND');
    expect(
      (await as(reviewer).list({ countryCode: 'SDN' })).map((d) => d.decision.id),
    ).not.toContain(created.decision.id);
  });
});
