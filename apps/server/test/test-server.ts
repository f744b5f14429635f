import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@prevention/api';
import { useTestDatabase, type DatabaseKind, type TestDatabase } from '@prevention/db/testing';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { createServer, type Server } from '../src/server.js';

export interface TestServer {
  readonly url: string;
  readonly server: Server;
  readonly database: TestDatabase;
  readonly client: TRPCClient<AppRouter>;
}

/**
 * A real server on a random port over a test database, for the tests of one `describe` block.
 * The web root is an empty folder unless `webRoot` is given.
 */
export interface TestServerOptions {
  webRoot?: string;
  /** Adds routes before the server starts listening (a route that holds a request, say). */
  extend?: (app: FastifyInstance) => void;
}

export function useTestServer(kind: DatabaseKind, options: TestServerOptions = {}): TestServer {
  const database = useTestDatabase(kind);
  let server: Server | undefined;
  let url: string | undefined;
  let emptyWebRoot: string | undefined;
  let client: TRPCClient<AppRouter> | undefined;

  beforeAll(async () => {
    emptyWebRoot = options.webRoot ? undefined : await mkdtemp(join(tmpdir(), 'prevention-web-'));
    server = await createServer({
      config: {
        PORT: 0,
        HOST: '127.0.0.1',
        APP_MODE: 'demo',
        LOG_LEVEL: 'silent',
        BODY_LIMIT_BYTES: 64 * 1024,
        WEB_ROOT: options.webRoot ?? emptyWebRoot ?? '',
      },
      database: database.handle,
      version: '0.0.0-test',
    });
    options.extend?.(server.app);
    url = await server.start();
    client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${url}/trpc` })] });
  });

  afterAll(async () => {
    await server?.stop();
    if (emptyWebRoot) await rm(emptyWebRoot, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The test server is not started yet');
    return value;
  };
  return {
    get url() {
      return ready(url);
    },
    get server() {
      return ready(server);
    },
    get client() {
      return ready(client);
    },
    database,
  };
}
