import { newId, type Actor, type Role } from '@prevention/core';
import { findAuditEntries } from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  acknowledged,
  assessmentIn,
  form,
  syncItem,
  testContent,
  type Team,
} from './assessment-fixtures.js';
import { actorOf, callerFor, failure, testDependencies } from './harness.js';

/** The lifecycle through the API: who takes which step, with what, and what it leaves behind. */
describe.each(databaseKinds())('the assessment lifecycle on %s', (kind) => {
  const database = useTestDatabase(kind);
  let team: Team;
  let planner: Actor;
  let partner: Actor;
  const deps = () => testDependencies(database.db, kind);
  const as = (actor: Actor) => callerFor(deps(), actor).assessments;

  beforeAll(async () => {
    const member = async (roles: Role[], countries = ['SDN', 'MLI']) =>
      actorOf(
        await createTestUser(database.db, {
          roles,
          scope: { kind: 'countries', countries },
          clearance: 'confidential',
        }),
      );
    team = {
      author: await member(['field-officer']),
      reviewer: await member(['reviewer']),
      lead: await member(['country-team-lead']),
    };
    planner = await member(['hq-planner']);
    partner = await member(['partner']);
  });

  it('serves the form composed from the pillar modules', async () => {
    const metadata = await as(partner).form();
    expect(metadata).toEqual(form.metadata);
    expect(metadata.sections.filter((s) => s.kind === 'pillar').map((s) => s.pillar)).toEqual([
      'peace-security',
      'development',
      'human-rights',
    ]);
  });

  it('goes draft → submitted → returned → submitted → endorsed → published, a revision each', async () => {
    const { id, revision } = await assessmentIn(deps(), team, 'returned');
    const returned = await as(team.author).byId({ id });
    expect(returned).toMatchObject({
      status: 'returned',
      editable: true,
      availableActions: ['submit'],
      review: {
        action: 'return',
        by: { id: team.reviewer.userId },
        comments: { risks: 'Please add the likelihood sources.' },
      },
    });
    const submitted = await as(team.author).transition({ id, action: 'submit', revision });
    const endorsed = await as(team.reviewer).transition({
      id,
      action: 'endorse',
      revision: submitted.revision,
      comments: { overall: 'A sound joint analysis.' },
    });
    const published = await as(planner).transition({
      id,
      action: 'publish',
      revision: endorsed.revision,
    });
    expect(published).toMatchObject({ status: 'published', revision: 6, editable: false });
    const history = await as(team.author).history({ id });
    expect(history.map((r) => [r.revision, r.action, r.status])).toEqual([
      [1, 'create', 'draft'],
      [2, 'submit', 'submitted'],
      [3, 'return', 'returned'],
      [4, 'submit', 'submitted'],
      [5, 'endorse', 'endorsed'],
      [6, 'publish', 'published'],
    ]);
    expect(history[2]?.author).toEqual({ id: team.reviewer.userId, name: expect.any(String) });
  });

  it('refuses a return without comments, and comments on no section', async () => {
    const { id, revision } = await assessmentIn(deps(), team, 'submitted');
    const bare = await failure(as(team.reviewer).transition({ id, action: 'return', revision }));
    expect(bare.code).toBe('BAD_REQUEST');
    const astray = await failure(
      as(team.reviewer).transition({
        id,
        action: 'return',
        revision,
        comments: { astrology: 'x' },
      }),
    );
    expect(astray.code).toBe('BAD_REQUEST');
    expect((await as(team.author).byId({ id })).status).toBe('submitted');
  });

  it('keeps four eyes: whoever submitted does not review it, whatever their roles', async () => {
    const both = actorOf(
      await createTestUser(database.db, {
        roles: ['field-officer', 'reviewer'],
        scope: { kind: 'countries', countries: ['SDN'] },
        clearance: 'confidential',
      }),
    );
    const { id, revision } = await assessmentIn(deps(), { ...team, author: both }, 'submitted');
    const detail = await as(both).byId({ id });
    expect(detail.availableActions).toEqual([]);
    const refused = await failure(as(both).transition({ id, action: 'endorse', revision }));
    expect(refused.code).toBe('FORBIDDEN');
    await expect(
      as(team.reviewer).transition({ id, action: 'endorse', revision }),
    ).resolves.toMatchObject({ status: 'endorsed' });
  });

  it('refuses steps the lifecycle does not allow, and steps taken on a stale revision', async () => {
    const { id, revision } = await assessmentIn(deps(), team, 'draft');
    expect(
      (await failure(as(team.author).transition({ id, action: 'publish', revision }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(as(team.lead).transition({ id, action: 'publish', revision }))).code,
    ).toBe('CONFLICT');
    const stale = await failure(
      as(team.author).transition({ id, action: 'submit', revision: 0 + revision + 1 }),
    );
    expect(stale.code).toBe('CONFLICT');
  });

  it('refuses to submit an incomplete assessment, naming every missing part', async () => {
    const { id, revision } = await assessmentIn(deps(), team, 'draft', {
      content: {
        title: 'Barely started',
        sensitivity: 'restricted',
        sectionSensitivity: {},
        sections: {},
      },
    });
    const error = await failure(as(team.author).transition({ id, action: 'submit', revision }));
    expect(error.code).toBe('BAD_REQUEST');
    const paths = (error.cause as { issues?: { path: unknown[] }[] }).issues?.map((i) =>
      i.path.join('.'),
    );
    expect(paths).toEqual(
      expect.arrayContaining(['content.sections.team', 'content.sections.risks']),
    );
  });

  it('makes a published assessment read-only, keeping an edit as a conflict', async () => {
    const { id, revision } = await assessmentIn(deps(), team, 'published');
    const edit = syncItem({ assessmentId: id, baseRevision: revision });
    const [answer] = (await as(team.author).sync({ items: [edit] })).answers;
    expect(answer).toMatchObject({
      outcome: 'conflict',
      reason: 'not-editable',
      theirs: { revision, status: 'published' },
    });
    const detail = await as(team.author).byId({ id });
    expect(detail).toMatchObject({ revision, editable: false, openConflicts: 1 });
    expect(detail.conflicts.map((c) => c.clientId)).toEqual([edit.clientId]);
  });

  it('reopens a published assessment as a new draft revision with the same content', async () => {
    const { id, revision } = await assessmentIn(deps(), team, 'published');
    expect(
      (await failure(as(team.author).transition({ id, action: 'reopen', revision }))).code,
    ).toBe('FORBIDDEN');
    const reopened = await as(team.lead).transition({ id, action: 'reopen', revision });
    expect(reopened).toMatchObject({ status: 'draft', revision: revision + 1 });
    const before = await as(team.lead).revision({ id, revision });
    const after = await as(team.lead).revision({ id, revision: revision + 1 });
    expect(after.content).toEqual(before.content);
    expect(after.summary).toMatchObject({ action: 'reopen', status: 'draft', changedSections: [] });
    const [save] = (
      await as(team.author).sync({
        items: [syncItem({ assessmentId: id, baseRevision: revision + 1 })],
      })
    ).answers;
    expect(acknowledged(save).revision).toBe(revision + 2);
  });

  it('shows partners published assessments and published revisions only', async () => {
    const draft = await assessmentIn(deps(), team, 'draft');
    const published = await assessmentIn(deps(), team, 'published');
    const list = await as(partner).list({ limit: 100 });
    expect(list.items.every((item) => item.status === 'published')).toBe(true);
    expect(list.items.map((i) => i.id)).toContain(published.id);
    expect((await failure(as(partner).byId({ id: draft.id }))).code).toBe('NOT_FOUND');
    expect((await as(team.author).byId({ id: published.id })).review).toMatchObject({
      action: 'endorse',
    });
    expect(await as(partner).byId({ id: published.id })).toMatchObject({
      review: null,
      conflicts: [],
      availableActions: [],
      editable: false,
    });
    const history = await as(partner).history({ id: published.id });
    expect(history.map((r) => r.status)).toEqual(['published']);
    expect((await failure(as(partner).revision({ id: published.id, revision: 1 }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('diffs two revisions field by field, labelled from the form', async () => {
    const { id, revision, item } = await assessmentIn(deps(), team, 'draft');
    const content = structuredClone(item.content);
    content.title = 'Renamed after the field visit';
    content.sections.overall = { confidence: 'low' };
    acknowledged(
      (
        await as(team.author).sync({
          items: [syncItem({ assessmentId: id, baseRevision: revision, content })],
        })
      ).answers[0],
    );
    const diff = await as(planner).diff({ id, from: revision, to: revision + 1 });
    expect(diff.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['title', 'sections.overall.confidence']),
    );
    expect(diff.find((entry) => entry.path === 'title')).toMatchObject({
      labels: [{ en: 'Title' }],
      before: item.content.title,
      after: 'Renamed after the field visit',
    });
    const [latest] = (await as(planner).history({ id })).slice(-1);
    expect(latest?.changedSections).toEqual(expect.arrayContaining(['title', 'overall']));
  });

  it('lists with filters and a stable cursor, newest update first', async () => {
    const period = '2031-07';
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { id } = await assessmentIn(deps(), team, 'draft', {
        period,
        areaCode: i % 2 === 0 ? 'SDN' : 'MLI',
      });
      created.push(id);
    }
    const seen: { id: string; updatedAt: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await as(planner).list({ period, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.map((i) => i.id).sort()).toEqual([...created].sort());
    const order = (a: { id: string; updatedAt: string }, b: { id: string; updatedAt: string }) =>
      b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id);
    expect(seen).toEqual([...seen].sort(order));
    const inMali = await as(planner).list({ period, areaCode: 'MLI', limit: 10 });
    expect(inMali.items.map((i) => i.id).sort()).toEqual([created[1], created[3]].sort());
    const byPillar = await as(planner).list({ period, pillar: 'human-rights', limit: 10 });
    expect(byPillar.items).toHaveLength(5);
    expect((await as(planner).list({ period, status: 'published', limit: 10 })).items).toEqual([]);
    for (const cursor of [
      'not-a-cursor',
      Buffer.from(JSON.stringify(['0000-01-01T00:00:00Z', created[0]])).toString('base64url'),
    ]) {
      expect((await failure(as(planner).list({ cursor, limit: 2 }))).code).toBe('BAD_REQUEST');
    }
  });

  it('refuses text the database cannot store, in every input that carries text', async () => {
    expect((await failure(as(planner).list({ organisation: 'UN\u0000DP', limit: 5 }))).code).toBe(
      'BAD_REQUEST',
    );
    const { id, revision } = await assessmentIn(deps(), team, 'submitted');
    const comments = { risks: 'Check\u0000 this' };
    expect(
      (await failure(as(team.reviewer).transition({ id, action: 'return', revision, comments })))
        .code,
    ).toBe('BAD_REQUEST');
    const content = testContent({ title: 'Stored' });
    content.sections.overall = { confidence: 'low', summary: 'Cut\u0000short' };
    const [answer] = (await as(team.author).sync({ items: [syncItem({ content })] })).answers;
    expect(answer).toMatchObject({
      outcome: 'rejected',
      code: 'BAD_REQUEST',
      issues: [{ path: ['content', 'sections', 'overall', 'summary'] }],
    });
  });

  it('filters by an organisation of the team, whatever its case', async () => {
    const content = testContent();
    content.sections.team = {
      members: [{ name: 'Amal', organisation: 'Sudan Women for Peace', pillar: 'human-rights' }],
    };
    const { id } = await assessmentIn(deps(), team, 'draft', { period: '2031-08', content });
    const found = await as(planner).list({ organisation: 'sudan WOMEN for peace', limit: 10 });
    expect(found.items.map((i) => i.id)).toEqual([id]);
    expect(found.items[0]?.organisations).toEqual(['Sudan Women for Peace']);
  });

  it('resolves a kept conflict into a new revision, and keeps a resolution on a stale base', async () => {
    const { id, revision } = await assessmentIn(deps(), team, 'draft');
    const mine = syncItem({ assessmentId: id, baseRevision: revision });
    const theirs = syncItem({ assessmentId: id, baseRevision: revision });
    acknowledged((await as(team.lead).sync({ items: [theirs] })).answers[0]);
    const [conflict] = (await as(team.author).sync({ items: [mine] })).answers;
    if (conflict?.outcome !== 'conflict' || !conflict.conflictId) throw new Error('no conflict');
    expect(conflict.theirs?.revision).toBe(revision + 1);

    const staleAgain = await as(team.author).resolveConflict({
      conflictId: conflict.conflictId,
      baseRevision: revision,
      content: mine.content,
    });
    expect(staleAgain).toMatchObject({
      outcome: 'conflict',
      reason: 'stale-base',
      clientId: mine.clientId,
    });
    if (staleAgain.outcome !== 'conflict' || !staleAgain.conflictId) throw new Error('no conflict');
    const superseded = await failure(
      as(team.author).discardConflict({ conflictId: conflict.conflictId }),
    );
    expect(superseded.code).toBe('CONFLICT');

    const resolved = await as(team.author).resolveConflict({
      conflictId: staleAgain.conflictId,
      baseRevision: revision + 1,
      content: { ...mine.content, title: 'Merged' },
    });
    expect(acknowledged(resolved).revision).toBe(revision + 2);
    const detail = await as(team.author).byId({ id });
    expect(detail).toMatchObject({ title: 'Merged', openConflicts: 0, conflicts: [] });
    expect((await as(team.author).history({ id })).at(-1)?.action).toBe('resolve-conflict');
  });

  it('discards a kept conflict, keeping the version and auditing who did it', async () => {
    const { id, revision } = await assessmentIn(deps(), team, 'submitted');
    const [conflict] = (
      await as(team.author).sync({
        items: [syncItem({ assessmentId: id, baseRevision: revision })],
      })
    ).answers;
    if (conflict?.outcome !== 'conflict' || !conflict.conflictId) throw new Error('no conflict');
    await expect(
      as(team.lead).discardConflict({ conflictId: conflict.conflictId }),
    ).resolves.toEqual({ discarded: true });
    expect((await as(team.author).byId({ id })).openConflicts).toBe(0);
    const audit = await findAuditEntries(database.db, { resourceId: id }, { limit: 20 });
    expect(audit.entries[0]).toMatchObject({
      action: 'assessment.conflict-discarded',
      actorUserId: team.lead.userId,
    });
    expect(audit.entries.map((e) => e.action)).toContain('assessment.conflict-kept');
    expect((await failure(as(team.author).discardConflict({ conflictId: newId() }))).code).toBe(
      'NOT_FOUND',
    );
  });
});
