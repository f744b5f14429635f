import { MAX_SYNC_ITEMS, SyncItem, type SyncAnswer } from '@prevention/assessment';
import { applyAnswers, takeBatch } from './draft-store.js';
import type { LocalDatabase } from './local-database.js';

/** Sends items to the server's `assessments.sync`; rejects as the tRPC client does. */
export type SendItems = (items: SyncItem[]) => Promise<SyncAnswer[]>;

/** The part of the Web Locks API the outbox uses. */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export interface DrainDependencies {
  db: LocalDatabase;
  send: SendItems;
  /** Web Locks; without them (old browsers) every tab drains, and the server's ids dedupe. */
  locks: LockManagerLike | undefined;
  /** Called after answers were applied, to refresh every view. */
  onApplied: () => void;
  onSending: (sending: boolean) => void;
}

export type DrainOutcome =
  /** Nothing left that can be sent now. */
  | { status: 'drained'; sent: number }
  /** Another tab holds the outbox and is sending it. */
  | { status: 'busy'; sent: 0 }
  /** The server could not be reached; the items wait. */
  | { status: 'offline'; sent: number }
  /** The session has ended: the items wait for the next sign-in. */
  | { status: 'signed-out'; sent: number }
  /** The server failed or refused the request as a whole; the items wait for a later try. */
  | { status: 'failed'; sent: number; code: string | undefined };

export function outboxLockName(userId: string): string {
  return `prevention:outbox:${userId}`;
}

/**
 * Sends a user's outbox, in batches, until nothing sendable is left — in one tab only: the tab
 * that gets the user's outbox lock drains, and any other finds it busy and leaves it.
 */
export async function drainOutbox(deps: DrainDependencies, userId: string): Promise<DrainOutcome> {
  if (!deps.locks) return drainHeld(deps, userId);
  return deps.locks.request(outboxLockName(userId), { ifAvailable: true }, async (lock) =>
    lock ? drainHeld(deps, userId) : { status: 'busy', sent: 0 },
  );
}

async function drainHeld(deps: DrainDependencies, userId: string): Promise<DrainOutcome> {
  let sent = 0;
  for (;;) {
    const batch = await takeBatch(deps.db, userId, MAX_SYNC_ITEMS);
    if (batch.length === 0) return { status: 'drained', sent };
    deps.onSending(true);
    let answers: SyncAnswer[];
    try {
      answers = await sendChecked(deps.send, batch);
    } catch (error) {
      const code = failureCode(error);
      if (code === undefined) return { status: 'offline', sent };
      if (code === 'UNAUTHORIZED') return { status: 'signed-out', sent };
      return { status: 'failed', sent, code };
    } finally {
      deps.onSending(false);
    }
    await applyAnswers(deps.db, userId, answers);
    sent += answers.length;
    deps.onApplied();
    // An item the server did not answer would be taken again at once: stop and try later.
    const answered = new Set(answers.map((answer) => answer.clientId));
    if (batch.some((item) => !answered.has(item.clientId))) {
      return { status: 'failed', sent, code: 'INCOMPLETE_ANSWER' };
    }
  }
}

/**
 * Sends a batch, answering locally for items the server's own schema would refuse, and — when
 * the server refuses a batch as a whole — item by item, so one bad item cannot hold the others.
 */
async function sendChecked(send: SendItems, batch: SyncItem[]): Promise<SyncAnswer[]> {
  const answers: SyncAnswer[] = [];
  const valid: SyncItem[] = [];
  for (const item of batch) {
    const parsed = SyncItem.safeParse(item);
    if (parsed.success) valid.push(item);
    else {
      answers.push({
        clientId: item.clientId,
        outcome: 'rejected',
        code: 'BAD_REQUEST',
        message: 'Some values are not valid.',
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.filter((part) => typeof part !== 'symbol'),
          message: issue.message,
        })),
      });
    }
  }
  if (valid.length === 0) return answers;
  try {
    return [...answers, ...(await send(valid))];
  } catch (error) {
    if (failureCode(error) !== 'BAD_REQUEST') throw error;
    if (valid.length === 1) {
      const [item] = valid;
      if (!item) throw error;
      return [...answers, rejectedByServer(item, error)];
    }
    for (const item of valid) {
      try {
        answers.push(...(await send([item])));
      } catch (itemError) {
        if (failureCode(itemError) !== 'BAD_REQUEST') throw itemError;
        answers.push(rejectedByServer(item, itemError));
      }
    }
    return answers;
  }
}

function rejectedByServer(item: SyncItem, error: unknown): SyncAnswer {
  const data = (error as { data?: { issues?: unknown } } | null)?.data;
  const issues = Array.isArray(data?.issues)
    ? (data.issues as { path: (string | number)[]; message: string }[])
    : [];
  return {
    clientId: item.clientId,
    outcome: 'rejected',
    code: 'BAD_REQUEST',
    message: error instanceof Error ? error.message : 'The server refused this save.',
    issues,
  };
}

/** The tRPC error code of a failed call; undefined when the server was not reached at all. */
function failureCode(error: unknown): string | undefined {
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
  return typeof code === 'string' ? code : undefined;
}
