import { useEffect, useState } from 'react';
import { listen } from './change-feed.js';
import { findDraft, listDrafts, listOutbox } from './draft-store.js';
import { localDatabase, type LocalDraft, type OutboxEntry } from './local-database.js';

/** Re-reads device data whenever a draft or the outbox of `userId` changes, in any tab. */
function useDeviceData<T>(userId: string, read: () => Promise<T>, deps: unknown[]): T | undefined {
  const [data, setData] = useState<T | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const load = () =>
      read().then(
        (value) => current && setData(value),
        () => undefined,
      );
    void load();
    const unlisten = listen((message) => {
      if (message.userId === userId && message.type !== 'sending') void load();
    });
    return () => {
      current = false;
      unlisten();
    };
    // `read` is rebuilt each render; what it reads is named by `deps`.
  }, [userId, ...deps]);
  return data;
}

export interface DraftOnDevice {
  draft: LocalDraft;
  /** Saves of it not yet answered by the server. */
  waiting: OutboxEntry[];
}

export function useDraftsOnDevice(userId: string): DraftOnDevice[] | undefined {
  return useDeviceData(userId, async () => {
    const db = await localDatabase();
    const [drafts, outbox] = await Promise.all([listDrafts(db, userId), listOutbox(db, userId)]);
    return drafts.map((draft) => ({
      draft,
      waiting: outbox.filter((entry) => entry.assessmentId === draft.assessmentId),
    }));
  }, []);
}

/** One draft on the device: undefined while reading, null when the device has none. */
export function useDraftOnDevice(
  userId: string,
  assessmentId: string,
): DraftOnDevice | null | undefined {
  return useDeviceData(userId, async () => {
    const db = await localDatabase();
    const [draft, outbox] = await Promise.all([
      findDraft(db, userId, assessmentId),
      listOutbox(db, userId),
    ]);
    return draft
      ? { draft, waiting: outbox.filter((entry) => entry.assessmentId === assessmentId) }
      : null;
  }, [assessmentId]);
}
