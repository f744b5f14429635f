import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import {
  appRouter,
  createContextInner,
  MAX_BATCH_SIZE,
  readSessionState,
  SessionCache,
  sharedAnswerJson,
  toClientError,
  type ApiDependencies,
  type AppRouter,
  type ImportServices,
  type AlertServices,
  type RiskServices,
  type PasswordHashing,
} from '@prevention/api';
import type { DatabaseHandle } from '@prevention/db';
import type { HTTPErrorHandler } from '@trpc/server/http';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { registerApiRequestGuard } from './api-request-guard.js';
import type { Config } from './env.js';
import { sendError } from './error-reply.js';
import { registerExchangeRoutes } from './exchange-routes.js';
import { registerHealthRoutes } from './health-routes.js';
import { iatiReportingOrgOf, type IatiReportingConfig } from './iati-reporting-org.js';
import { registerSecurityHeaders } from './security-headers.js';
import { securitySettings, type SecurityConfig } from './security-settings.js';
import { readSessionToken, sessionCookieJar } from './session-cookie.js';
import { registerTrpc, type TrpcHandling } from './trpc-fast-path.js';
import { registerWebApp } from './web-app.js';

export interface ServerOptions {
  config: Pick<
    Config,
    | 'PORT'
    | 'HOST'
    | 'APP_MODE'
    | 'LOG_LEVEL'
    | 'BODY_LIMIT_BYTES'
    | 'WEB_ROOT'
    | 'TRUST_PROXY'
    | 'RATE_LIMIT_PER_MINUTE'
  > &
    SecurityConfig &
    IatiReportingConfig;
  database: DatabaseHandle;
  version: string;
  /** The clock (tests move it to reach session expiry). */
  now?: () => Date;
  /**
   * Argon2 parameters for new hashes. Production uses OWASP's; only tests pass cheaper ones, to
   * create many users quickly.
   */
  passwordHashing?: PasswordHashing;
  /**
   * How /trpc is answered: `fast-path` (the default) resolves plain queries, mutations and
   * batches itself and hands anything else to tRPC's Fastify adapter; `adapter` sends everything
   * to the adapter, as before the fast path (the benchmark's baseline, the differential test).
   */
  trpc?: TrpcHandling;
  /** Uploads and the import jobs; without them the import routes answer 412. */
  imports?: ImportServices;
  /** The recomputation jobs; without them `risk.recompute` answers with an error. */
  risk?: RiskServices;
  /** The evaluation jobs of the early-warning rules; without them `alerts.evaluate` answers 412. */
  alerts?: AlertServices;
}

export type { TrpcHandling } from './trpc-fast-path.js';

export interface Server {
  /** The Fastify instance, for tests that inject requests or add routes. */
  readonly app: FastifyInstance;
  /** Listens on the configured host and port; resolves to the base URL. */
  start(): Promise<string>;
  /** Stops accepting connections and waits for requests in flight; the caller closes the database. */
  stop(): Promise<void>;
}

export async function createServer({
  config,
  database,
  version,
  now = () => new Date(),
  passwordHashing,
  trpc = 'fast-path',
  imports,
  risk,
  alerts,
}: ServerOptions): Promise<Server> {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Ids come from us, never from a request header a client could forge into the logs.
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 5000 },
    // Only a configured proxy is believed about the client's address and protocol.
    trustProxy: config.TRUST_PROXY,
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
    return sendError(request, reply, status, error.code ?? 'INTERNAL_SERVER_ERROR', message);
  });

  await registerSecurityHeaders(app);
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests. Try again in ${context.after}.`), {
        statusCode: 429,
        code: 'TOO_MANY_REQUESTS',
      }),
  });
  await app.register(fastifyCookie);
  registerApiRequestGuard(app, '/trpc');
  registerApiRequestGuard(app, '/api', {
    bodyTypes: ['application/octet-stream'],
    downloads: ['/api/exports', '/api/exports/plan'],
  });

  const deps: ApiDependencies = {
    db: database.db,
    databaseKind: database.kind,
    version,
    mode: config.APP_MODE,
    security: securitySettings(config, passwordHashing),
    now,
    // One per server process; other processes' revocations reach it within sessionTrustMs.
    sessionCache: new SessionCache(),
    imports,
    risk,
    alerts,
  };

  const createContext = (req: FastifyRequest, res: FastifyReply) =>
    createContextInner(
      deps,
      {
        requestId: req.id,
        clientAddress: req.ip,
        sessionToken: readSessionToken(req),
        cookies: sessionCookieJar(req, res),
      },
      readSessionState,
    );
  const onError: HTTPErrorHandler<AppRouter, FastifyRequest> = ({ error, path, req }) => {
    const client = toClientError(error, req.id);
    if (client.httpStatus >= 500) req.log.error({ err: error, path }, 'procedure failed');
    else req.log.info({ code: client.code, path }, 'procedure refused');
  };
  await registerTrpc(app, '/trpc', trpc, {
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext,
    onError,
    serializedResult: sharedAnswerJson,
  });

  await registerExchangeRoutes(app, deps, imports, iatiReportingOrgOf(config));
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
