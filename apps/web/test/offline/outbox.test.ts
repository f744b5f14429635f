import 'fake-indexeddb/auto';
import type { AssessmentContent } from '@prevention/assessment';
import { newId } from '@prevention/core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DraftChangedElsewhere,
  adoptServerVersion,
  applyAnswers,
  findDraft,
  listOutbox,
  saveDraft,
  settleConflict,
  takeBatch,
} from '../../src/offline/draft-store.js';
import { openLocalDatabase, type LocalDatabase } from '../../src/offline/local-database.js';
import { drainOutbox, type DrainDependencies } from '../../src/offline/outbox.js';
import { fakeSyncServer, memoryLocks } from './fake-sync-server.js';

const userId = '01900000-0000-7000-8000-000000000001';

function content(title: string, summary?: string): AssessmentContent {
  return {
    title,
    sensitivity: 'restricted',
    sectionSensitivity: {},
    sections: summary ? { overall: { summary } } : {},
  };
}

describe('the outbox', () => {
  let db: LocalDatabase;
  let server: ReturnType<typeof fakeSyncServer>;
  let deps: DrainDependencies;
  const assessmentId = newId();
  const save = (title: string, expectedVersion: number | null = null, now?: Date) =>
    saveDraft(db, {
      userId,
      assessmentId,
      areaCode: 'SDN',
      period: '2026-03',
      content: content(title),
      expectedVersion,
      ...(now ? { now } : {}),
    });

  beforeEach(async () => {
    db = await openLocalDatabase(`test-${newId()}`);
    server = fakeSyncServer();
    deps = {
      db,
      send: (items) => server.send(items),
      locks: memoryLocks(),
      onApplied: () => undefined,
      onSending: () => undefined,
    };
  });

  it('keeps one unsent item per assessment, carrying the newest content', async () => {
    await save('First');
    await save('Second');
    const outbox = await listOutbox(db, userId);
    expect(outbox.map((entry) => entry.content.title)).toEqual(['Second']);
    expect((await findDraft(db, userId, assessmentId))?.localVersion).toBe(2);
  });

  it('creates the assessment, then moves the draft’s base to each acknowledged revision', async () => {
    await save('First');
    expect(await drainOutbox(deps, userId)).toEqual({ status: 'drained', sent: 1 });
    await save('Second');
    expect(await drainOutbox(deps, userId)).toEqual({ status: 'drained', sent: 1 });
    expect(server.received.flat().map((item) => item.baseRevision)).toEqual([null, 1]);
    expect(server.assessments.get(assessmentId)).toMatchObject({
      revision: 2,
      content: { title: 'Second' },
    });
    const draft = await findDraft(db, userId, assessmentId);
    expect(draft).toMatchObject({ baseRevision: 2, serverStatus: 'draft', problem: null });
    expect(await listOutbox(db, userId)).toEqual([]);
  });

  it('keeps an edit made while an item is being sent pending, and sends it on the new base', async () => {
    // In the same millisecond: the order cannot come from the clock.
    const now = new Date();
    await save('First', null, now);
    const [inFlight] = await takeBatch(db, userId, 50);
    await save('Edited during the send', 1, now);
    // The item in flight is untouched; the edit waits behind it.
    expect((await listOutbox(db, userId)).map((entry) => entry.content.title)).toEqual([
      'First',
      'Edited during the send',
    ]);
    if (!inFlight) throw new Error('nothing was taken');
    await applyAnswers(db, userId, await server.send([inFlight]));
    expect(await drainOutbox(deps, userId)).toEqual({ status: 'drained', sent: 1 });
    expect(server.received.flat().map((item) => [item.content.title, item.baseRevision])).toEqual([
      ['First', null],
      ['Edited during the send', 1],
    ]);
  });

  it('replays an item identically after a lost connection, and the server answers it once', async () => {
    await save('First');
    server.failNextWith(new TypeError('Failed to fetch'));
    expect(await drainOutbox(deps, userId)).toEqual({ status: 'offline', sent: 0 });
    const [waiting] = await listOutbox(db, userId);
    expect(waiting).toMatchObject({ attempts: 1, sentBase: { revision: null } });
    // A save after a send that may have reached the server does not replace that item.
    await save('Second');
    expect(await drainOutbox(deps, userId)).toEqual({ status: 'drained', sent: 2 });
    expect(server.received.flat().map((item) => item.clientId)).toEqual([
      waiting?.clientId,
      expect.any(String),
    ]);
    expect(server.assessments.get(assessmentId)?.revision).toBe(2);
  });

  it('lets only one of two tabs drain, and sends each item once', async () => {
    await save('First');
    const tabs = await Promise.all([drainOutbox(deps, userId), drainOutbox(deps, userId)]);
    expect(tabs.map((tab) => tab.status).sort()).toEqual(['busy', 'drained']);
    expect(server.received.flat()).toHaveLength(1);
  });

  it('keeps a conflict on the draft, holds later saves behind it, and settles it', async () => {
    await save('Mine');
    await drainOutbox(deps, userId);
    server.saveElsewhere(assessmentId, content('Theirs'));
    await save('Mine, edited', 1);
    expect(await drainOutbox(deps, userId)).toEqual({ status: 'drained', sent: 1 });
    let draft = await findDraft(db, userId, assessmentId);
    expect(draft?.problem).toMatchObject({
      kind: 'conflict',
      reason: 'stale-base',
      theirs: { revision: 2, content: { title: 'Theirs' } },
    });
    // Saved while the conflict stands: kept, not sent.
    await save('Mine, edited again', 2);
    expect(await drainOutbox(deps, userId)).toEqual({ status: 'drained', sent: 0 });
    expect(await listOutbox(db, userId)).toHaveLength(1);

    await settleConflict(db, userId, assessmentId, {
      content: content('Merged'),
      revision: 3,
      savedAt: new Date().toISOString(),
    });
    draft = await findDraft(db, userId, assessmentId);
    expect(draft).toMatchObject({ baseRevision: 3, problem: null, content: { title: 'Merged' } });
    expect(await listOutbox(db, userId)).toEqual([]);
  });

  it('shows a rejection’s reasons until the next save', async () => {
    await save('First');
    deps.send = async (items) =>
      items.map((item) => ({
        clientId: item.clientId,
        outcome: 'rejected' as const,
        code: 'FORBIDDEN' as const,
        message: 'Not in your countries.',
        issues: [{ path: ['areaCode'], message: 'Not in your countries.' }],
      }));
    await drainOutbox(deps, userId);
    expect((await findDraft(db, userId, assessmentId))?.problem).toMatchObject({
      kind: 'rejected',
      issues: [{ path: ['areaCode'] }],
    });
    await save('Second', 1);
    expect((await findDraft(db, userId, assessmentId))?.problem).toBeNull();
  });

  it('answers locally for an item the sync schema refuses, and sends the others', async () => {
    await save('First');
    await saveDraft(db, {
      userId,
      assessmentId: newId(),
      areaCode: 'SDN',
      period: 'March',
      content: content('Bad period'),
      expectedVersion: null,
    });
    expect(await drainOutbox(deps, userId)).toEqual({ status: 'drained', sent: 2 });
    expect(server.received.flat().map((item) => item.content.title)).toEqual(['First']);
  });

  it('leaves the outbox alone when the session has ended', async () => {
    await save('First');
    server.failNextWith({ data: { code: 'UNAUTHORIZED', httpStatus: 401 } });
    expect(await drainOutbox(deps, userId)).toEqual({ status: 'signed-out', sent: 0 });
    expect(await listOutbox(db, userId)).toHaveLength(1);
  });

  it('refuses to save over a save made in another tab since the draft was opened', async () => {
    await save('First');
    await save('From the other tab', 1);
    await expect(save('From this tab', 1)).rejects.toBeInstanceOf(DraftChangedElsewhere);
    expect((await findDraft(db, userId, assessmentId))?.content.title).toBe('From the other tab');
  });

  it('takes a newer server version to edit, unless the device has work of its own on it', async () => {
    const serverVersion = (title: string, revision: number) => ({
      userId,
      assessmentId,
      areaCode: 'SDN',
      period: '2026-03',
      content: content(title),
      baseRevision: revision,
      serverStatus: 'returned' as const,
      savedAt: new Date().toISOString(),
    });
    expect(await adoptServerVersion(db, serverVersion('Revision 2', 2))).toMatchObject({
      localVersion: 0,
      baseRevision: 2,
    });
    expect(await adoptServerVersion(db, serverVersion('Revision 4', 4))).toMatchObject({
      localVersion: 1,
      baseRevision: 4,
      serverStatus: 'returned',
    });
    await save('Edited here, not sent', 1);
    expect(await adoptServerVersion(db, serverVersion('Revision 5', 5))).toMatchObject({
      baseRevision: 4,
      content: { title: 'Edited here, not sent' },
    });
  });
});
