import type { RouterOutputs } from '@prevention/api';
import { localDatabase } from './local-database.js';

export type CachedSession = NonNullable<RouterOutputs['auth']['session']>;

const key = 'session';
let cached: CachedSession | null = null;

/**
 * Reads the user last signed in on this device, once, before the first render: with no network
 * the app opens for them, with their drafts. The server still decides every request; this only
 * opens what is already on the device.
 */
export async function loadCachedSession(): Promise<void> {
  try {
    const db = await localDatabase();
    cached = ((await db.get('cache', key))?.value as CachedSession | undefined) ?? null;
  } catch {
    cached = null;
  }
}

export function cachedSession(): CachedSession | null {
  return cached;
}

export async function rememberSession(session: CachedSession): Promise<void> {
  cached = session;
  try {
    const db = await localDatabase();
    await db.put('cache', { key, value: session, storedAt: new Date().toISOString() });
  } catch {
    // Without IndexedDB the app still works online; it only cannot open offline.
  }
}

/** Signing out, or the server saying the session is over: the device forgets the user. */
export async function forgetSession(): Promise<void> {
  cached = null;
  try {
    const db = await localDatabase();
    await db.delete('cache', key);
  } catch {
    // Nothing was stored.
  }
}
