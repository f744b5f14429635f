import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  hashPassword,
  startImportJobs,
  UploadStore,
  type AppRouter,
  type ImportServices,
  type PasswordHashing,
} from '@prevention/api';
import type { UserAccount } from '@prevention/core';
import {
  createTestUser,
  useTestDatabase,
  type DatabaseKind,
  type TestDatabase,
} from '@prevention/db/testing';
import { startJobQueue, type JobQueue, type NewUser } from '@prevention/db';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../src/env.js';
import { securitySettings } from '../src/security-settings.js';
import { createServer, type Server, type TrpcHandling } from '../src/server.js';

/**
 * Argon2 for tests: 256 KiB and one pass instead of OWASP's 19 MiB and two, so that creating and
 * signing in test users costs milliseconds. Production parameters are checked in the api tests.
 */
export const testPasswordHashing: PasswordHashing = {
  memoryCost: 256,
  timeCost: 1,
  parallelism: 1,
};
export const testPassword = 'a test password nobody uses';

/** A browser-like API session: its own cookie jar, the client header, and our Origin. */
export interface ApiSession {
  readonly client: TRPCClient<AppRouter>;
  /** The session cookie currently held, as a `name=value` pair, or null. */
  readonly cookie: string | null;
  /** Replaces the held cookie (to replay an old one). */
  useCookie(cookie: string | null): void;
  /** `fetch` with this session's cookie and the client header; records cookies it is given. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface TestServer {
  readonly url: string;
  readonly server: Server;
  readonly database: TestDatabase;
  /** A signed-out session. */
  readonly client: TRPCClient<AppRouter>;
  newSession(): ApiSession;
  /** A user in the database whose password is `testPassword`. */
  createUser(overrides?: Partial<NewUser>): Promise<UserAccount>;
  /** A new session signed in as this user (whose clearance must not need a second factor). */
  signIn(user: UserAccount): Promise<ApiSession>;
}

/**
 * A real server on a random port over a test database, for the tests of one `describe` block.
 * The web root is an empty folder unless `webRoot` is given.
 */
export interface TestServerOptions {
  webRoot?: string;
  /** Adds routes before the server starts listening (a route that holds a request, say). */
  extend?: (app: FastifyInstance) => void;
  now?: () => Date;
  config?: Partial<Config>;
  /** How /trpc is answered (the server's default, the fast path, unless given). */
  trpc?: TrpcHandling;
  /** The database of another test server, to run a second server over the same data. */
  database?: TestDatabase;
  /** Uploads (at most this many bytes) and import jobs on a real job queue, as `start` has them. */
  imports?: { maxBytes: number };
}

const testConfig = {
  PORT: 0,
  HOST: '127.0.0.1',
  APP_MODE: 'demo',
  LOG_LEVEL: 'silent',
  BODY_LIMIT_BYTES: 64 * 1024,
  WEB_ROOT: '',
  TRUST_PROXY: false,
  RATE_LIMIT_PER_MINUTE: 1_000_000,
  APP_SECRET: 'a-test-secret-that-is-long-enough-for-keys',
  SESSION_IDLE_MINUTES: 30,
  SESSION_ABSOLUTE_HOURS: 12,
} as const;

export function useTestServer(kind: DatabaseKind, options: TestServerOptions = {}): TestServer {
  const database = options.database ?? useTestDatabase(kind);
  let server: Server | undefined;
  let url: string | undefined;
  let emptyWebRoot: string | undefined;
  let passwordHash: string | undefined;
  let jobs: JobQueue | undefined;
  let uploadDir: string | undefined;

  beforeAll(async () => {
    let imports: ImportServices | undefined;
    if (options.imports) {
      uploadDir = await mkdtemp(join(tmpdir(), 'prevention-uploads-'));
      jobs = await startJobQueue(database.handle, {
        pollingIntervalSeconds: 0.5,
        onError: () => undefined,
      });
      imports = await startImportJobs(
        jobs,
        {
          db: database.db,
          now: () => new Date(),
          requestId: 'job:import',
          security: securitySettings(testConfig, testPasswordHashing),
        },
        new UploadStore(uploadDir, options.imports.maxBytes),
        { onJobError: () => undefined },
      );
    }
    emptyWebRoot = options.webRoot ? undefined : await mkdtemp(join(tmpdir(), 'prevention-web-'));
    passwordHash = await hashPassword(testPassword, testPasswordHashing);
    server = await createServer({
      config: {
        ...testConfig,
        WEB_ROOT: options.webRoot ?? emptyWebRoot ?? '',
        ...options.config,
      },
      database: database.handle,
      version: '0.0.0-test',
      passwordHashing: testPasswordHashing,
      ...(options.now ? { now: options.now } : {}),
      ...(options.trpc ? { trpc: options.trpc } : {}),
      ...(imports ? { imports } : {}),
    });
    options.extend?.(server.app);
    url = await server.start();
  });

  afterAll(async () => {
    await server?.stop();
    await jobs?.stop(2_000);
    if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
    if (emptyWebRoot) await rm(emptyWebRoot, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The test server is not started yet');
    return value;
  };

  const newSession = (): ApiSession => {
    const base = ready(url);
    let cookie: string | null = null;
    const sessionFetch = async (input: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('x-prevention-client')) headers.set('x-prevention-client', 'test');
      if (!headers.has('origin')) headers.set('origin', base);
      if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
      const response = await fetch(input.startsWith('http') ? input : `${base}${input}`, {
        ...init,
        headers,
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const cleared = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
        cookie = cleared || pair.endsWith('=') ? null : pair.trim();
      }
      return response;
    };
    return {
      client: createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: `${base}/trpc`,
            fetch: (input, init) => sessionFetch(String(input), init as RequestInit),
          }),
        ],
      }),
      get cookie() {
        return cookie;
      },
      useCookie: (value) => {
        cookie = value;
      },
      fetch: sessionFetch,
    };
  };

  let anonymous: ApiSession | undefined;
  return {
    get url() {
      return ready(url);
    },
    get server() {
      return ready(server);
    },
    get client() {
      anonymous ??= newSession();
      return anonymous.client;
    },
    database,
    newSession,
    createUser: (overrides = {}) =>
      createTestUser(database.db, { passwordHash: ready(passwordHash), ...overrides }),
    signIn: async (user) => {
      const session = newSession();
      const result = await session.client.auth.signIn.mutate({
        email: user.email,
        password: testPassword,
      });
      if (result.status !== 'signed-in') throw new Error(`sign-in ended in ${result.status}`);
      return session;
    },
  };
}
