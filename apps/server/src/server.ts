import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  appRouter,
  createContextInner,
  MAX_BATCH_SIZE,
  toClientError,
  type ApiDependencies,
} from '@prevention/api';
import type { DatabaseHandle } from '@prevention/db';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Config } from './env.js';
import { registerHealthRoutes } from './health-routes.js';
import { registerWebApp } from './web-app.js';

export interface ServerOptions {
  config: Pick<
    Config,
    'PORT' | 'HOST' | 'APP_MODE' | 'LOG_LEVEL' | 'BODY_LIMIT_BYTES' | 'WEB_ROOT'
  >;
  database: DatabaseHandle;
  version: string;
}

export interface Server {
  /** The Fastify instance, for tests that inject requests or add routes. */
  readonly app: FastifyInstance;
  /** Listens on the configured host and port; resolves to the base URL. */
  start(): Promise<string>;
  /** Stops accepting connections and waits for requests in flight; the caller closes the database. */
  stop(): Promise<void>;
}

export async function createServer({ config, database, version }: ServerOptions): Promise<Server> {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Ids come from us, never from a request header a client could forge into the logs.
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 5000 },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Errors outside tRPC (body too large, malformed JSON, a crash in a route) get the same safe
  // shape as tRPC errors: a code, a message fit for a client, and the request id.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const message =
      status >= 500
        ? `Something went wrong on our side. If it persists, quote request id ${request.id}.`
        : error.message;
    return reply.status(status).send({
      error: { code: error.code ?? 'INTERNAL_SERVER_ERROR', message, requestId: request.id },
    });
  });

  const deps: ApiDependencies = {
    db: database.db,
    databaseKind: database.kind,
    version,
    mode: config.APP_MODE,
  };

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req }) => createContextInner(deps, { requestId: req.id }),
      onError: ({ error, path, req }) => {
        const client = toClientError(error, req.id);
        if (client.httpStatus >= 500) req.log.error({ err: error, path }, 'procedure failed');
        else req.log.info({ code: client.code, path }, 'procedure refused');
      },
    } satisfies FastifyTRPCPluginOptions<typeof appRouter>['trpcOptions'],
  });

  registerHealthRoutes(app, database);
  await registerWebApp(app, config.WEB_ROOT);

  return {
    app,
    start: async () => {
      await app.listen({ port: config.PORT, host: config.HOST });
      const address = app.server.address() as AddressInfo;
      const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
      return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    },
    stop: async () => {
      const closing = app.close();
      // A keep-alive connection that finishes its request after close() began would otherwise
      // stay open until its keep-alive timeout; close each one as soon as it falls idle.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
      try {
        await closing;
      } finally {
        clearInterval(sweep);
      }
    },
  };
}
