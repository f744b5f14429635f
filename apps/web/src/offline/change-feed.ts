/**
 * Tells every view of the device's data, in this tab and in the others, that a user's drafts or
 * outbox changed, so they read them again. Other tabs hear it through a BroadcastChannel.
 */
export type ChangeMessage =
  /** A save was queued: the tab that drains should send it. */
  | { type: 'saved'; userId: string }
  /** Answers or a resolution changed drafts. */
  | { type: 'changed'; userId: string }
  | { type: 'sending'; userId: string; sending: boolean };

type Listener = (message: ChangeMessage) => void;

const listeners = new Set<Listener>();
const channel =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('prevention-outbox');

// In Node (the unit tests) an open channel would keep the process alive.
(channel as { unref?: () => void } | null)?.unref?.();

channel?.addEventListener('message', (event: MessageEvent<ChangeMessage>) => {
  for (const listener of listeners) listener(event.data);
});

export function announce(message: ChangeMessage): void {
  for (const listener of listeners) listener(message);
  channel?.postMessage(message);
}

export function listen(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
