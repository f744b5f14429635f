import {
  composeAssessmentForm,
  exampleContent,
  type AssessmentContent,
  type SyncItem,
} from '@prevention/assessment';
import { newId } from '@prevention/core';
import { databaseKinds } from '@prevention/db/testing';
import { platformPillars } from '@prevention/risk';
import { TRPCClientError } from '@trpc/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, type ApiSession } from './test-server.js';

const form = composeAssessmentForm(platformPillars);

function content(title: string): AssessmentContent {
  return exampleContent(form, { title });
}

function item(overrides: Partial<SyncItem> = {}): SyncItem {
  return {
    clientId: newId(),
    assessmentId: newId(),
    baseRevision: null,
    areaCode: 'SDN',
    period: '2026-11',
    content: content('Sudan, November'),
    savedAt: new Date().toISOString(),
    ...overrides,
  };
}

interface ErrorData {
  code: string;
  httpStatus: number;
  issues: { path: (string | number)[] }[];
  details?: Record<string, unknown>;
}

/** The error data a failed call carried (code, status, issues, details). */
async function errorOf(call: Promise<unknown>): Promise<ErrorData> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError)) throw new Error('Expected the call to fail');
  return error.data as ErrorData;
}

/** Assessments through the real server: cookies, CSRF guard, batching and JSON all included. */
describe.each(databaseKinds())('assessments over HTTP on %s', (kind) => {
  const test = useTestServer(kind, { config: { BODY_LIMIT_BYTES: 1 << 20 } });
  let officer: ApiSession;
  let lead: ApiSession;
  let reviewer: ApiSession;

  beforeAll(async () => {
    const scope = { kind: 'countries' as const, countries: ['SDN'] };
    officer = await test.signIn(await test.createUser({ roles: ['field-officer'], scope }));
    lead = await test.signIn(await test.createUser({ roles: ['country-team-lead'], scope }));
    reviewer = await test.signIn(await test.createUser({ roles: ['reviewer'], scope }));
  });

  it('answers an update on a stale base with a conflict holding both versions', async () => {
    const created = item();
    const [first] = (await officer.client.assessments.sync.mutate({ items: [created] })).answers;
    expect(first).toMatchObject({ outcome: 'acknowledged', revision: 1 });

    const theirs = item({
      assessmentId: created.assessmentId,
      baseRevision: 1,
      content: content('Edited by the team lead'),
    });
    const mine = item({
      assessmentId: created.assessmentId,
      baseRevision: 1,
      content: content('Edited offline by the field officer'),
    });
    expect(
      (await lead.client.assessments.sync.mutate({ items: [theirs] })).answers[0],
    ).toMatchObject({ outcome: 'acknowledged', revision: 2 });
    const { answers } = await officer.client.assessments.sync.mutate({ items: [mine] });
    const [conflict] = answers;
    expect(conflict).toMatchObject({
      clientId: mine.clientId,
      outcome: 'conflict',
      reason: 'stale-base',
      conflictId: expect.any(String),
      yours: { baseRevision: 1, content: mine.content },
      theirs: { revision: 2, status: 'draft', savedAt: expect.any(String) },
    });
    if (conflict?.outcome !== 'conflict') throw new Error('no conflict');
    const server = conflict.theirs?.content as AssessmentContent;
    expect(server.title).toBe('Edited by the team lead');
    expect(server.sections.risks).toEqual(theirs.content.sections.risks);
    // The human rights section is confidential by default: withheld from a restricted session.
    expect(server.sections.humanRights).toEqual({ withheld: true, sensitivity: 'confidential' });

    const replay = await officer.client.assessments.sync.mutate({ items: [mine] });
    expect(replay.answers).toEqual(answers);
    const detail = await officer.client.assessments.byId.query({ id: created.assessmentId });
    expect(detail).toMatchObject({ revision: 2, openConflicts: 1 });
    expect(detail.conflicts[0]).toMatchObject({ id: conflict.conflictId, baseRevision: 1 });
  });

  it('takes an assessment through its lifecycle over HTTP', async () => {
    const created = item({ content: content('Lifecycle over HTTP') });
    await officer.client.assessments.sync.mutate({ items: [created] });
    const id = created.assessmentId;
    const submitted = await officer.client.assessments.transition.mutate({
      id,
      action: 'submit',
      revision: 1,
    });
    const noComments = await errorOf(
      reviewer.client.assessments.transition.mutate({ id, action: 'return', revision: 2 }),
    );
    expect(noComments).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    const stale = await errorOf(
      reviewer.client.assessments.transition.mutate({ id, action: 'endorse', revision: 1 }),
    );
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
      details: { revision: 2 },
    });
    const endorsed = await reviewer.client.assessments.transition.mutate({
      id,
      action: 'endorse',
      revision: submitted.revision,
    });
    const published = await lead.client.assessments.transition.mutate({
      id,
      action: 'publish',
      revision: endorsed.revision,
    });
    expect(published).toMatchObject({ status: 'published', editable: false });
    const [edit] = (
      await officer.client.assessments.sync.mutate({
        items: [item({ assessmentId: id, baseRevision: published.revision })],
      })
    ).answers;
    expect(edit).toMatchObject({ outcome: 'conflict', reason: 'not-editable' });
    const reopened = await lead.client.assessments.transition.mutate({
      id,
      action: 'reopen',
      revision: published.revision,
    });
    expect(reopened).toMatchObject({ status: 'draft', editable: true });
    const history = await reviewer.client.assessments.history.query({ id });
    expect(history.map((r) => r.action)).toEqual([
      'create',
      'submit',
      'endorse',
      'publish',
      'reopen',
    ]);
  });

  it('reports every missing part when an incomplete draft is submitted', async () => {
    const draft = item({
      content: {
        title: 'Barely begun',
        sensitivity: 'restricted',
        sectionSensitivity: {},
        sections: {},
      },
    });
    await officer.client.assessments.sync.mutate({ items: [draft] });
    const error = await errorOf(
      officer.client.assessments.transition.mutate({
        id: draft.assessmentId,
        action: 'submit',
        revision: 1,
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['content.sections.team', 'content.sections.overall']),
    );
  });
});
