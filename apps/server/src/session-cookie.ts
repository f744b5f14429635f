import type { SessionCookieJar } from '@prevention/api';
import { isWellFormedSessionToken } from '@prevention/api';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The session cookie is HttpOnly and SameSite=Strict, always. Its name and Secure flag depend on
 * how the browser reached us:
 * - over TLS (or through a trusted proxy that says so): `__Host-prevention-session`, Secure — the
 *   prefix makes the browser refuse it unless it is Secure, host-only and for the whole site;
 * - over plain HTTP to localhost or 127.0.0.1: the same, because browsers treat those as secure
 *   contexts and keep Secure cookies for them (checked in Chromium by the browser tests);
 * - over plain HTTP to any other host: `prevention-session`, not Secure, because a browser would
 *   drop a Secure cookie there and nobody could sign in. Such a deployment sends the session in
 *   clear over the network; the README says to put TLS in front.
 */
export const secureSessionCookie = '__Host-prevention-session';
export const plainSessionCookie = 'prevention-session';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export interface SessionCookieChoice {
  name: string;
  secure: boolean;
}

export function sessionCookieFor(request: FastifyRequest): SessionCookieChoice {
  const secure = request.protocol === 'https' || loopbackHosts.has(request.hostname);
  return secure
    ? { name: secureSessionCookie, secure: true }
    : { name: plainSessionCookie, secure: false };
}

/** The token in the request's session cookie, if it carries a well-formed one. */
export function readSessionToken(request: FastifyRequest): string | null {
  const value = request.cookies[sessionCookieFor(request).name];
  return value !== undefined && isWellFormedSessionToken(value) ? value : null;
}

export function sessionCookieJar(request: FastifyRequest, reply: FastifyReply): SessionCookieJar {
  const { name, secure } = sessionCookieFor(request);
  const options = { path: '/', httpOnly: true, sameSite: 'strict', secure } as const;
  return {
    set: (token, expiresAt) => {
      reply.setCookie(name, token, { ...options, expires: expiresAt });
    },
    clear: () => {
      reply.clearCookie(name, options);
    },
  };
}
