import type { Actor, UserAccount } from '@prevention/core';
import type { DatabaseClient, Session } from '@prevention/db';
import { TRPCError } from '@trpc/server';
import {
  createCaller,
  createContextInner,
  deriveServerKeys,
  readSessionState,
  SessionCache,
  type ApiDependencies,
  type SecuritySettings,
  type SessionState,
} from '../src/index.js';

/**
 * Security settings for tests. Argon2 runs with 256 KiB and one pass instead of OWASP's 19 MiB
 * and two, so that the hundreds of users the tests create cost milliseconds; a stored hash
 * carries its own parameters, and one test checks the production ones.
 */
export const testSecurity: SecuritySettings = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 60 * 60_000,
  passwordHashing: { memoryCost: 256, timeCost: 1, parallelism: 1 },
  keys: deriveServerKeys('test-secret-that-is-long-enough-for-hkdf'),
  signInThrottle: { windowMs: 15 * 60_000, maxFailuresPerAccount: 5, maxFailuresPerAddress: 50 },
};

/** A clock that tests move by hand. */
export function testClock(start = new Date()) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export function testDependencies(
  db: DatabaseClient,
  kind: 'pglite' | 'postgres',
  overrides: Partial<ApiDependencies> = {},
): ApiDependencies {
  return {
    db,
    databaseKind: kind,
    version: 'test',
    mode: 'demo',
    security: testSecurity,
    now: () => new Date(),
    // Its own, like a server process: no test sees another's cached sessions.
    sessionCache: new SessionCache(),
    ...overrides,
  };
}

const noCookies = { set: () => undefined, clear: () => undefined };

/**
 * A caller acting as `actor` (null: signed out) without a session in the database: for the
 * authorisation tests, which are about what an actor may do, not how they signed in.
 */
export function callerFor(
  deps: ApiDependencies,
  actor: Actor | null,
  user?: UserAccount,
  options: { clientAddress?: string } = {},
) {
  return createCaller(contextFor(deps, actor, user, options));
}

/** The context `callerFor` uses, for a caller of another router. */
export function contextFor(
  deps: ApiDependencies,
  actor: Actor | null,
  user?: UserAccount,
  options: { clientAddress?: string } = {},
) {
  const state: SessionState = actor
    ? {
        kind: 'active',
        actor,
        user: user ?? accountOf(actor),
        session: fakeSession(actor.userId, deps.now()),
      }
    : { kind: 'none' };
  return createContextInner(
    deps,
    {
      requestId: 'test-request',
      clientAddress: options.clientAddress ?? '192.0.2.1',
      sessionToken: null,
      cookies: noCookies,
    },
    async () => state,
  );
}

/**
 * A caller that behaves like a browser: it keeps the session cookie the server sets and sends it
 * with every later call, each call being a request of its own.
 */
export function browserCaller(deps: ApiDependencies, clientAddress = '198.51.100.7') {
  let token: string | null = null;
  let counter = 0;
  const caller = () => {
    counter += 1;
    return createCaller(
      createContextInner(
        deps,
        {
          requestId: `browser-request-${counter}`,
          clientAddress,
          sessionToken: token,
          cookies: {
            set: (value) => {
              token = value;
            },
            clear: () => {
              token = null;
            },
          },
        },
        readSessionState,
      ),
    );
  };
  return {
    get call() {
      return caller();
    },
    get token() {
      return token;
    },
    /** Puts back a cookie the browser had before (to show it no longer opens anything). */
    useToken(value: string | null) {
      token = value;
    },
  };
}

export function accountOf(actor: Actor): UserAccount {
  return {
    id: actor.userId,
    email: `${actor.userId}@example.org`,
    displayName: 'Test actor',
    roles: actor.roles,
    scope: actor.scope,
    clearance: actor.clearance,
    secondFactor: true,
    disabled: false,
    demo: false,
    createdAt: new Date(0).toISOString(),
    updatedAt: new Date(0).toISOString(),
  };
}

function fakeSession(userId: string, now: Date): Session {
  return {
    id: '00000000-0000-7000-8000-000000000000',
    userId,
    stage: 'active',
    pendingTotpSecret: null,
    secondFactorVerified: true,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 60_000),
  };
}

export function actorOf(user: UserAccount): Actor {
  return { userId: user.id, roles: user.roles, scope: user.scope, clearance: user.clearance };
}

/** The error a call failed with, or a failure of the test if it succeeded. */
export async function failure(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('Expected the call to fail, and it succeeded');
}
