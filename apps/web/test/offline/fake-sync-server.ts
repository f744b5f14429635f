import type { AssessmentContent, SyncAnswer, SyncItem } from '@prevention/assessment';
import { canonicalJson } from '@prevention/assessment';
import { newId } from '@prevention/core';

/**
 * The sync semantics of the server, in memory, for testing the client's outbox: idempotent by
 * client id, a stale base is a conflict, creation with a null base.
 */
export function fakeSyncServer() {
  const assessments = new Map<string, { revision: number; content: AssessmentContent }>();
  const answered = new Map<string, { key: string; answer: SyncAnswer }>();
  const received: SyncItem[][] = [];
  let failNext: unknown = null;

  const answer = (item: SyncItem): SyncAnswer => {
    const key = canonicalJson({ ...item, savedAt: undefined });
    const previous = answered.get(item.clientId);
    if (previous) {
      if (previous.key === key) return previous.answer;
      return conflict(item, 'id-reused');
    }
    const current = assessments.get(item.assessmentId);
    let result: SyncAnswer;
    if ((current?.revision ?? null) !== item.baseRevision) {
      result = conflict(item, 'stale-base');
    } else {
      const revision = (current?.revision ?? 0) + 1;
      assessments.set(item.assessmentId, { revision, content: item.content });
      result = {
        clientId: item.clientId,
        outcome: 'acknowledged',
        assessmentId: item.assessmentId,
        revision,
        savedAt: new Date().toISOString(),
      };
    }
    answered.set(item.clientId, { key, answer: result });
    return result;
  };

  const conflict = (item: SyncItem, reason: 'stale-base' | 'id-reused'): SyncAnswer => {
    const current = assessments.get(item.assessmentId);
    return {
      clientId: item.clientId,
      outcome: 'conflict',
      assessmentId: item.assessmentId,
      reason,
      conflictId: newId(),
      yours: { baseRevision: item.baseRevision, content: item.content },
      theirs: current
        ? {
            revision: current.revision,
            status: 'draft',
            content: current.content,
            savedBy: 'Someone else',
            savedAt: new Date().toISOString(),
          }
        : null,
    };
  };

  return {
    assessments,
    received,
    /** Makes the next call fail with this error, as a network failure or a server error would. */
    failNextWith(error: unknown) {
      failNext = error;
    },
    /** Another client saves the assessment on the server. */
    saveElsewhere(assessmentId: string, content: AssessmentContent) {
      const current = assessments.get(assessmentId);
      assessments.set(assessmentId, { revision: (current?.revision ?? 0) + 1, content });
    },
    async send(items: SyncItem[]): Promise<SyncAnswer[]> {
      await Promise.resolve();
      if (failNext) {
        const error = failNext;
        failNext = null;
        throw error;
      }
      received.push(items);
      return items.map(answer);
    },
  };
}

/** Web Locks with `ifAvailable`, in memory: a held lock is refused, not waited for. */
export function memoryLocks() {
  const held = new Set<string>();
  return {
    async request<T>(
      name: string,
      _options: { ifAvailable: true },
      callback: (lock: unknown) => Promise<T>,
    ): Promise<T> {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}
