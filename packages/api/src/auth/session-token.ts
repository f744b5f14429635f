import { createHash, randomBytes } from 'node:crypto';

/**
 * A session token: 128 random bits (OWASP's minimum for a session id), as URL-safe base64. Only
 * its SHA-256 is stored, so a copy of the database opens no session; a slow hash is not needed
 * because the token has full entropy.
 */
export function newSessionToken(): string {
  return randomBytes(16).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a cookie value could be one of our tokens; anything else is ignored unread. */
export function isWellFormedSessionToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(value);
}
