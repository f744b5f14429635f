import type { SyncAnswer } from '@prevention/assessment';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPCClient } from '../trpc/trpc.js';
import { announce, listen } from './change-feed.js';
import { localDatabase } from './local-database.js';
import { drainOutbox, type DrainDependencies, type LockManagerLike } from './outbox.js';
import { recordOutcome, recount } from './outbox-status.js';

/** How often a tab tries the outbox when nothing else prompted it. */
const periodMs = 30_000;
/** When another tab held the outbox, try again after this, in case it had just finished. */
const busyRetryMs = 2_000;

/**
 * Sends the signed-in user's outbox when the connection returns, when a save is queued (here or
 * in another tab), periodically, and at start. Only the tab that gets the lock sends.
 */
export function OutboxRunner({ userId }: { userId: string }) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  useEffect(() => {
    let running = false;
    let again = false;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const run = async (): Promise<void> => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      // Offline, nothing is tried: an item tried once is never replaced by a newer save (it may
      // have reached the server), so a try that cannot succeed would only cost a revision.
      if (!navigator.onLine) {
        recordOutcome('offline');
        return;
      }
      running = true;
      try {
        const deps: DrainDependencies = {
          db: await localDatabase(),
          // The output schema is `SyncResponse`; serialisation only loosens `unknown` fields.
          send: async (items) =>
            (await client.assessments.sync.mutate({ items })).answers as SyncAnswer[],
          locks: (navigator as { locks?: LockManagerLike }).locks,
          onApplied: () => announce({ type: 'changed', userId }),
          onSending: (sending) => announce({ type: 'sending', userId, sending }),
        };
        const outcome = await drainOutbox(deps, userId);
        recordOutcome(outcome.status);
        await recount(userId);
        if (outcome.status === 'signed-out') {
          await queryClient.invalidateQueries({ queryKey: [['auth', 'session']] });
        }
        if (outcome.status === 'busy') {
          clearTimeout(retry);
          retry = setTimeout(() => void run(), busyRetryMs);
        }
      } catch {
        // IndexedDB unavailable or a bug: the next trigger tries again.
        recordOutcome('failed');
      } finally {
        running = false;
      }
      if (again) {
        again = false;
        await run();
      }
    };

    const onOnline = () => void run();
    window.addEventListener('online', onOnline);
    const timer = setInterval(() => void run(), periodMs);
    const unlisten = listen((message) => {
      if (message.userId === userId && message.type === 'saved') void run();
    });
    void run();
    return () => {
      stopped = true;
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
      clearTimeout(retry);
      unlisten();
    };
  }, [client, queryClient, userId]);

  return null;
}
