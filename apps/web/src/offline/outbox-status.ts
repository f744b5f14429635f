import { useSyncExternalStore } from 'react';
import { listen } from './change-feed.js';
import { localDatabase } from './local-database.js';

/** What the header and the sign-out button need to know about the signed-in user's outbox. */
export interface OutboxStatus {
  userId: string | null;
  /** Saves on this device the server has not answered yet. */
  waiting: number;
  /** Some tab is sending right now. */
  sending: boolean;
  /** How the last attempt of this tab ended. */
  lastOutcome: 'drained' | 'busy' | 'offline' | 'signed-out' | 'failed' | null;
}

let status: OutboxStatus = { userId: null, waiting: 0, sending: false, lastOutcome: null };
const listeners = new Set<() => void>();

function set(next: Partial<OutboxStatus>): void {
  status = { ...status, ...next };
  for (const listener of listeners) listener();
}

/** Follows a user's outbox (null when nobody is signed in). */
export function followOutbox(userId: string | null): void {
  if (status.userId === userId) return;
  set({ userId, waiting: 0, sending: false, lastOutcome: null });
  if (userId) void recount(userId);
}

export async function recount(userId: string): Promise<number> {
  try {
    const db = await localDatabase();
    const waiting = await db.countFromIndex('outbox', 'byUser', userId);
    if (status.userId === userId) set({ waiting });
    return waiting;
  } catch {
    return 0;
  }
}

export function recordOutcome(lastOutcome: NonNullable<OutboxStatus['lastOutcome']>): void {
  set({ lastOutcome });
}

listen((message) => {
  if (message.userId !== status.userId) return;
  if (message.type === 'sending') set({ sending: message.sending });
  else void recount(message.userId);
});

export function useOutboxStatus(): OutboxStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}
