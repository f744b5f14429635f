import type { Session } from '@prevention/db';
import { describe, expect, it } from 'vitest';
import {
  defaultSessionCacheEntries,
  SessionCache,
  sessionTrustMs,
  type LiveSession,
} from '../src/index.js';
import { accountOf } from './harness.js';

const start = new Date('2026-12-01T12:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

/** A live session of user `user-<n % users>`, keyed `token-<n>`. */
function live(n: number, users = 1_000): { tokenHash: string; live: LiveSession } {
  const userId = `user-${n % users}`;
  const session: Session = {
    id: `session-${n}`,
    userId,
    stage: 'active',
    pendingTotpSecret: null,
    secondFactorVerified: false,
    createdAt: start,
    lastSeenAt: start,
    expiresAt: at(60 * 60_000),
  };
  const user = accountOf({
    userId,
    roles: ['reviewer'],
    scope: { kind: 'global' },
    clearance: 'restricted',
  });
  return { tokenHash: `token-${n}`, live: { session, user } };
}

function fill(cache: SessionCache, count: number, now = start, users = 1_000): void {
  for (let n = 0; n < count; n += 1) {
    const entry = live(n, users);
    cache.remember(entry.tokenHash, entry.live, cache.beginRead(now));
  }
}

describe('the session cache', () => {
  it('holds no more than its limit, however many sessions pass through it', () => {
    const cache = new SessionCache();
    fill(cache, defaultSessionCacheEntries + 2_500);
    expect(cache.footprint()).toEqual({
      entries: defaultSessionCacheEntries,
      sessions: defaultSessionCacheEntries,
      users: 1_000,
    });
    // The oldest went first; the newest are all there.
    expect(cache.get('token-0', start)).toBeUndefined();
    expect(cache.get('token-2499', start)).toBeUndefined();
    expect(cache.get('token-2500', start)).toBeDefined();
    expect(cache.get(`token-${defaultSessionCacheEntries + 2_499}`, start)).toBeDefined();
  });

  it('keeps no index entry for a user whose sessions were all evicted', () => {
    const cache = new SessionCache({ maxEntries: 10 });
    fill(cache, 25, start, 25);
    expect(cache.footprint()).toEqual({ entries: 10, sessions: 10, users: 10 });
  });

  it('evicts the least recently used session, not the least recently read one', () => {
    const cache = new SessionCache({ maxEntries: 3 });
    fill(cache, 3);
    expect(cache.get('token-0', start)).toBeDefined();
    const fourth = live(3);
    cache.remember(fourth.tokenHash, fourth.live, cache.beginRead(start));
    expect(cache.get('token-1', start)).toBeUndefined();
    expect(cache.get('token-0', start)).toBeDefined();
    expect(cache.get('token-3', start)).toBeDefined();
  });

  it(`trusts an entry for less than ${sessionTrustMs} ms after its read began`, () => {
    const cache = new SessionCache();
    const entry = live(1);
    const read = cache.beginRead(start);
    // The answer arrives a second later; its age still counts from the read's start.
    cache.remember(entry.tokenHash, entry.live, read);
    expect(cache.get(entry.tokenHash, at(sessionTrustMs - 1))).toBe(entry.live);
    expect(cache.get(entry.tokenHash, at(sessionTrustMs))).toBeUndefined();
    expect(cache.footprint().entries).toBe(0);
  });

  it('does not trust an entry when the clock went back', () => {
    const cache = new SessionCache();
    const entry = live(1);
    cache.remember(entry.tokenHash, entry.live, cache.beginRead(start));
    expect(cache.get(entry.tokenHash, at(-1))).toBeUndefined();
  });

  it('forgets one session, or every session of a user', () => {
    const cache = new SessionCache();
    fill(cache, 6, start, 2);
    cache.forget({ sessionId: 'session-0' });
    expect(cache.get('token-0', start)).toBeUndefined();
    expect(cache.get('token-2', start)).toBeDefined();
    cache.forget({ userId: 'user-1' });
    for (const n of [1, 3, 5]) expect(cache.get(`token-${n}`, start)).toBeUndefined();
    for (const n of [2, 4]) expect(cache.get(`token-${n}`, start)).toBeDefined();
    expect(cache.footprint()).toEqual({ entries: 2, sessions: 2, users: 1 });
  });

  it('does not remember a read that began before a change was forgotten', () => {
    const cache = new SessionCache();
    const entry = live(1);
    const read = cache.beginRead(start);
    // Meanwhile the user is disabled and the change committed; the read may predate it.
    cache.forget({ userId: entry.live.user.id });
    cache.remember(entry.tokenHash, entry.live, read);
    expect(cache.get(entry.tokenHash, start)).toBeUndefined();
    cache.remember(entry.tokenHash, entry.live, cache.beginRead(start));
    expect(cache.get(entry.tokenHash, start)).toBe(entry.live);
  });

  it('forgets after a change, whether it committed or failed', async () => {
    const cache = new SessionCache();
    fill(cache, 2, start, 2);
    const seenDuringChange: (LiveSession | undefined)[] = [];
    await expect(
      cache.forgetAfter({ userId: 'user-0' }, async () => {
        // Until the change is committed the cached session is the database's truth.
        seenDuringChange.push(cache.get('token-0', start));
        return 'committed';
      }),
    ).resolves.toBe('committed');
    expect(seenDuringChange[0]).toBeDefined();
    expect(cache.get('token-0', start)).toBeUndefined();
    await expect(
      cache.forgetAfter({ sessionId: 'session-1' }, () => Promise.reject(new Error('rolled back'))),
    ).rejects.toThrow('rolled back');
    expect(cache.get('token-1', start)).toBeUndefined();
  });

  it('records a written last use, so the next request does not write it again', () => {
    const cache = new SessionCache();
    const entry = live(1);
    cache.remember(entry.tokenHash, entry.live, cache.beginRead(start));
    cache.touched(entry.tokenHash, at(1_000));
    expect(cache.get(entry.tokenHash, at(2_000))?.session.lastSeenAt).toEqual(at(1_000));
  });

  it('refuses a limit below one entry', () => {
    expect(() => new SessionCache({ maxEntries: 0 })).toThrow(RangeError);
  });
});
