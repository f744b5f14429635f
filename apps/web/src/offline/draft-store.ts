import type { AssessmentContent, SyncAnswer, SyncItem } from '@prevention/assessment';
import { newId } from '@prevention/core';
import type { DraftProblem, LocalDatabase, LocalDraft, OutboxEntry } from './local-database.js';

/** A tab tried to save over a save that another tab made since it loaded the draft. */
export class DraftChangedElsewhere extends Error {
  constructor(readonly current: LocalDraft) {
    super('The draft was saved in another tab or window since it was opened here.');
  }
}

export interface SaveRequest {
  userId: string;
  assessmentId: string;
  areaCode: string;
  period: string;
  content: AssessmentContent;
  /** The `localVersion` the editor loaded; null for a new draft or to save over anything. */
  expectedVersion: number | null;
  now?: Date;
}

/**
 * Saves a draft on the device and queues it for the server, in one strict transaction: the one
 * path every save takes, online or not. A queued save that was never sent is replaced, since
 * the new one carries all of its content; one already sent (perhaps in flight now) is left
 * alone, and the new save waits behind it.
 */
export async function saveDraft(db: LocalDatabase, request: SaveRequest): Promise<LocalDraft> {
  const savedAt = (request.now ?? new Date()).toISOString();
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite', { durability: 'strict' });
  const drafts = tx.objectStore('drafts');
  const outbox = tx.objectStore('outbox');
  const existing = await drafts.get([request.userId, request.assessmentId]);
  if (
    existing &&
    request.expectedVersion !== null &&
    existing.localVersion !== request.expectedVersion
  ) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new DraftChangedElsewhere(existing);
  }
  const draft: LocalDraft = {
    baseRevision: null,
    serverStatus: null,
    acknowledgedAt: null,
    ...existing,
    userId: request.userId,
    assessmentId: request.assessmentId,
    areaCode: request.areaCode,
    period: request.period,
    content: request.content,
    localVersion: (existing?.localVersion ?? 0) + 1,
    savedAt,
    // A rejection was about the content saved before; a conflict stands until it is resolved.
    problem: existing?.problem?.kind === 'conflict' ? existing.problem : null,
  };
  let cursor = await outbox
    .index('byAssessment')
    .openCursor([request.userId, request.assessmentId]);
  while (cursor) {
    if (cursor.value.attempts === 0) await cursor.delete();
    cursor = await cursor.continue();
  }
  const entry: OutboxEntry = {
    clientId: newId(),
    userId: request.userId,
    assessmentId: request.assessmentId,
    areaCode: request.areaCode,
    period: request.period,
    content: request.content,
    savedAt,
    attempts: 0,
    sentBase: null,
  };
  await Promise.all([drafts.put(draft), outbox.put(entry)]);
  await tx.done;
  return draft;
}

/**
 * Keeps a server version of an assessment on the device to edit it. A draft the device already
 * holds is kept when it has work of its own — saves waiting, or a problem to settle — and
 * otherwise brought up to the server's newer revision.
 */
export async function adoptServerVersion(
  db: LocalDatabase,
  draft: Omit<LocalDraft, 'localVersion' | 'problem' | 'acknowledgedAt'>,
): Promise<LocalDraft> {
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite', { durability: 'strict' });
  const drafts = tx.objectStore('drafts');
  const existing = await drafts.get([draft.userId, draft.assessmentId]);
  const waiting = await tx
    .objectStore('outbox')
    .index('byAssessment')
    .count([draft.userId, draft.assessmentId]);
  const ownWork = existing !== undefined && (waiting > 0 || existing.problem !== null);
  const newer = (existing?.baseRevision ?? 0) < (draft.baseRevision ?? 0);
  if (existing && (ownWork || !newer)) {
    await tx.done;
    return existing;
  }
  const adopted: LocalDraft = {
    ...draft,
    localVersion: (existing?.localVersion ?? -1) + 1,
    acknowledgedAt: draft.savedAt,
    problem: null,
  };
  await drafts.put(adopted);
  await tx.done;
  return adopted;
}

export async function findDraft(
  db: LocalDatabase,
  userId: string,
  assessmentId: string,
): Promise<LocalDraft | undefined> {
  return db.get('drafts', [userId, assessmentId]);
}

export async function listDrafts(db: LocalDatabase, userId: string): Promise<LocalDraft[]> {
  const drafts = await db.getAllFromIndex('drafts', 'byUser', userId);
  return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function listOutbox(db: LocalDatabase, userId: string): Promise<OutboxEntry[]> {
  const entries = await db.getAllFromIndex('outbox', 'byUser', userId);
  return entries.sort(bySaveOrder);
}

/** Removes a draft the server has in full; refuses while a save of it waits to be sent. */
export async function forgetDraft(
  db: LocalDatabase,
  userId: string,
  assessmentId: string,
): Promise<boolean> {
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite', { durability: 'strict' });
  const waiting = await tx
    .objectStore('outbox')
    .index('byAssessment')
    .count([userId, assessmentId]);
  if (waiting > 0) {
    await tx.done;
    return false;
  }
  await tx.objectStore('drafts').delete([userId, assessmentId]);
  await tx.done;
  return true;
}

/**
 * Takes the next items to send, at most `limit` and about `maxBytes` of content: the oldest
 * waiting save of each assessment, except those held by an unresolved conflict. An item's base revision is the draft's acknowledged revision
 * when it is first sent — a save queued behind one in flight builds on what that one becomes.
 */
export async function takeBatch(
  db: LocalDatabase,
  userId: string,
  limit: number,
  maxBytes = 512 * 1024,
): Promise<SyncItem[]> {
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite', { durability: 'strict' });
  const drafts = tx.objectStore('drafts');
  const outbox = tx.objectStore('outbox');
  const entries = (await outbox.index('byUser').getAll(userId)).sort(bySaveOrder);
  const heads = new Map<string, OutboxEntry>();
  for (const entry of entries) {
    if (!heads.has(entry.assessmentId)) heads.set(entry.assessmentId, entry);
  }
  const batch: SyncItem[] = [];
  let bytes = 0;
  for (const entry of heads.values()) {
    if (batch.length >= limit) break;
    const draft = await drafts.get([userId, entry.assessmentId]);
    if (draft?.problem?.kind === 'conflict') continue;
    // The server refuses large bodies; a long assessment goes alone rather than not at all.
    const size = JSON.stringify(entry.content).length;
    if (batch.length > 0 && bytes + size > maxBytes) break;
    bytes += size;
    const sentBase = entry.sentBase ?? { revision: draft?.baseRevision ?? null };
    await outbox.put({ ...entry, sentBase, attempts: entry.attempts + 1 });
    batch.push({
      clientId: entry.clientId,
      assessmentId: entry.assessmentId,
      baseRevision: sentBase.revision,
      areaCode: entry.areaCode,
      period: entry.period,
      content: entry.content,
      savedAt: entry.savedAt,
    });
  }
  await tx.done;
  return batch;
}

/**
 * Applies the server's answers: an acknowledged save moves its draft's base to the new
 * revision; a conflict or a rejection is kept on the draft for the user to see. Answered items
 * leave the outbox; saves queued behind them stay.
 */
export async function applyAnswers(
  db: LocalDatabase,
  userId: string,
  answers: readonly SyncAnswer[],
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite', { durability: 'strict' });
  const drafts = tx.objectStore('drafts');
  const outbox = tx.objectStore('outbox');
  for (const answer of answers) {
    const entry = await outbox.get(answer.clientId);
    if (!entry || entry.userId !== userId) continue;
    await outbox.delete(answer.clientId);
    const draft = await drafts.get([userId, entry.assessmentId]);
    if (!draft) continue;
    await drafts.put(updatedDraft(draft, answer, at));
  }
  await tx.done;
}

function updatedDraft(draft: LocalDraft, answer: SyncAnswer, at: string): LocalDraft {
  switch (answer.outcome) {
    case 'acknowledged':
      return {
        ...draft,
        baseRevision: Math.max(draft.baseRevision ?? 0, answer.revision),
        serverStatus: draft.serverStatus ?? 'draft',
        acknowledgedAt: answer.savedAt,
        problem: draft.problem?.kind === 'conflict' ? draft.problem : null,
      };
    case 'conflict':
      return {
        ...draft,
        serverStatus: answer.theirs?.status ?? draft.serverStatus,
        problem: conflictProblem(answer, at),
      };
    case 'rejected':
      return {
        ...draft,
        problem: {
          kind: 'rejected',
          code: answer.code,
          message: answer.message,
          issues: answer.issues,
          at,
        },
      };
  }
}

function conflictProblem(
  answer: Extract<SyncAnswer, { outcome: 'conflict' }>,
  at: string,
): DraftProblem {
  return {
    kind: 'conflict',
    reason: answer.reason,
    conflictId: answer.conflictId,
    theirs: answer.theirs,
    at,
  };
}

/**
 * Records that a conflict was resolved into `content` at server revision `revision`: saves
 * held behind the conflict are dropped, since the merge started from this device's newest
 * content, which holds them.
 */
export async function settleConflict(
  db: LocalDatabase,
  userId: string,
  assessmentId: string,
  settled: { content: AssessmentContent; revision: number; savedAt: string } | null,
): Promise<void> {
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite', { durability: 'strict' });
  const drafts = tx.objectStore('drafts');
  const draft = await drafts.get([userId, assessmentId]);
  let cursor = await tx
    .objectStore('outbox')
    .index('byAssessment')
    .openCursor([userId, assessmentId]);
  while (cursor) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  if (draft) {
    await drafts.put(
      settled
        ? {
            ...draft,
            content: settled.content,
            baseRevision: settled.revision,
            localVersion: draft.localVersion + 1,
            acknowledgedAt: settled.savedAt,
            problem: null,
          }
        : { ...draft, problem: null },
    );
  }
  await tx.done;
}

/**
 * An item already sent goes first — it may have reached the server, and what follows builds on
 * it; it is the only one of its assessment, besides at most one unsent save. Then by time.
 */
function bySaveOrder(a: OutboxEntry, b: OutboxEntry): number {
  const sent = (entry: OutboxEntry) => (entry.attempts > 0 ? 0 : 1);
  return (
    sent(a) - sent(b) || a.savedAt.localeCompare(b.savedAt) || a.clientId.localeCompare(b.clientId)
  );
}

/** Records what the server said of an assessment after a lifecycle step taken online. */
export async function recordServerState(
  db: LocalDatabase,
  userId: string,
  assessmentId: string,
  state: { revision: number; status: LocalDraft['serverStatus'] },
): Promise<void> {
  const tx = db.transaction('drafts', 'readwrite', { durability: 'strict' });
  const draft = await tx.store.get([userId, assessmentId]);
  if (draft) {
    await tx.store.put({
      ...draft,
      baseRevision: Math.max(draft.baseRevision ?? 0, state.revision),
      serverStatus: state.status,
    });
  }
  await tx.done;
}
