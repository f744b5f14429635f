import type { UserAccount } from '@prevention/core';
import type { Session } from '@prevention/db';

/**
 * How long a session read from the database is believed without reading it again. It is what
 * bounds revocation across server processes: a session ended or narrowed through another process
 * stops opening anything here at most this long after the change.
 */
export const sessionTrustMs = 5_000;

/** Enough for every signed-in user of a busy instance: an entry takes about 2.3 KB, so ~23 MB. */
export const defaultSessionCacheEntries = 10_000;

/** A session and its user, as `findLiveSession` reads them. */
export interface LiveSession {
  session: Session;
  user: UserAccount;
}

/** What is to be forgotten after a change: one session, or every session of a user. */
export type SessionCacheTarget = { sessionId: string } | { userId: string };

/** Taken before a database read, so that a read older than a change is not remembered after it. */
export interface SessionRead {
  readonly generation: number;
  readonly startedAt: number;
}

interface Entry {
  live: LiveSession;
  /** When the read that produced it began: the database may have changed at any time after. */
  readAt: number;
}

/**
 * The sessions this server process read recently, by token hash, so that a signed-in request
 * costs no database read. Bounded: past `maxEntries` the least recently used entry goes. Only
 * live sessions are kept (an unknown token is read every time, so guessing cannot fill it), and
 * each for at most `sessionTrustMs`. Every change that ends or narrows a session forgets it here
 * as soon as the change is committed. One per process, held by the API's dependencies.
 */
export class SessionCache {
  readonly maxEntries: number;
  /** Token hash → entry; a Map iterates in insertion order, so the first is the least recent. */
  private readonly entries = new Map<string, Entry>();
  private readonly tokenBySession = new Map<string, string>();
  private readonly tokensByUser = new Map<string, Set<string>>();
  /** Counts forgets: a read that began before one may hold what it revoked. */
  private generation = 0;

  constructor(options: { maxEntries?: number } = {}) {
    const maxEntries = options.maxEntries ?? defaultSessionCacheEntries;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`A session cache needs room for at least one entry, not ${maxEntries}`);
    }
    this.maxEntries = maxEntries;
  }

  /** How many sessions, session ids and users it holds (they stay within `maxEntries`). */
  footprint(): { entries: number; sessions: number; users: number } {
    return {
      entries: this.entries.size,
      sessions: this.tokenBySession.size,
      users: this.tokensByUser.size,
    };
  }

  /** The session of this token hash, if it was read less than `sessionTrustMs` before `now`. */
  get(tokenHash: string, now: Date): LiveSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const age = now.getTime() - entry.readAt;
    // A clock that went backwards proves nothing about the entry's age either.
    if (age < 0 || age >= sessionTrustMs) {
      this.delete(tokenHash);
      return undefined;
    }
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, entry);
    return entry.live;
  }

  /** Call just before reading a session from the database; give the result to `remember`. */
  beginRead(now: Date): SessionRead {
    return { generation: this.generation, startedAt: now.getTime() };
  }

  /**
   * Keeps a session read from the database, trusted from when the read began. Dropped if
   * anything was forgotten meanwhile: the read may have seen the database before that change.
   */
  remember(tokenHash: string, live: LiveSession, read: SessionRead): void {
    if (read.generation !== this.generation) return;
    this.delete(tokenHash);
    this.entries.set(tokenHash, { live, readAt: read.startedAt });
    this.tokenBySession.set(live.session.id, tokenHash);
    const tokens = this.tokensByUser.get(live.user.id);
    if (tokens) tokens.add(tokenHash);
    else this.tokensByUser.set(live.user.id, new Set([tokenHash]));
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.delete(oldest);
    }
  }

  /** Records that the session's last use was written, so the next request does not write it. */
  touched(tokenHash: string, lastSeenAt: Date): void {
    const entry = this.entries.get(tokenHash);
    if (!entry) return;
    entry.live = { ...entry.live, session: { ...entry.live.session, lastSeenAt } };
  }

  forget(target: SessionCacheTarget): void {
    this.generation += 1;
    if ('sessionId' in target) {
      const tokenHash = this.tokenBySession.get(target.sessionId);
      if (tokenHash !== undefined) this.delete(tokenHash);
    } else {
      for (const tokenHash of this.tokensByUser.get(target.userId) ?? []) this.delete(tokenHash);
    }
  }

  /**
   * Runs a change that can end or narrow sessions, then forgets them, whether it committed or
   * not. Forgetting before the commit would let a concurrent request read the old row back in
   * and keep it; forgetting after a failure costs only a read, while skipping it when the commit's
   * fate is unknown could keep a revoked session.
   */
  async forgetAfter<T>(target: SessionCacheTarget, change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } finally {
      this.forget(target);
    }
  }

  private delete(tokenHash: string): void {
    const entry = this.entries.get(tokenHash);
    if (!entry) return;
    this.entries.delete(tokenHash);
    const { session, user } = entry.live;
    if (this.tokenBySession.get(session.id) === tokenHash) this.tokenBySession.delete(session.id);
    const tokens = this.tokensByUser.get(user.id);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.tokensByUser.delete(user.id);
  }
}
