import { sharedAnswerJson, validatedOnce } from '@prevention/api';
import { initTRPC, lazy, TRPCError } from '@trpc/server';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerTrpc, type TrpcHandling } from '../src/trpc-fast-path.js';

/**
 * What the platform's router cannot show: results tRPC refuses to send without streaming,
 * results JSON cannot represent, a context that fails, subscriptions and lazily loaded routers.
 * A small router of its own, mounted the way the server mounts the platform's, is answered by
 * the fast path and by tRPC's adapter alone; the answers and the errors reported must agree.
 */
interface EdgeContext {
  caller: string;
}

const t = initTRPC.context<EdgeContext>().create({ isDev: false });

/**
 * One answer every call shares, as the HQ views' cache gives: validated once, serialised once
 * and spliced into the body. Its extra member is not in the schema, so a body that showed it
 * would be the unvalidated object's.
 */
const sharedRow = { id: 'r1', score: 4.2, nodes: { composite: { score: 4.2 } }, secret: 'x' };
const sharedSchema = z.object({
  id: z.string(),
  score: z.number(),
  nodes: z.record(z.string(), z.object({ score: z.number() })),
});
const notAsPromised = { id: 7 };

/** A router of its own for each server, so that loading its lazy part on one leaves the other's. */
function edgeRouter() {
  return t.router({
    whoAmI: t.procedure.query(({ ctx }) => ({ caller: ctx.caller })),
    echo: t.procedure.input(z.object({ text: z.string() })).mutation(({ input }) => input),
    tooBigForJson: t.procedure.query(() => ({ count: 10n })),
    promiseInside: t.procedure.query(() => ({ later: Promise.resolve(1) })),
    refuses: t.procedure.query(() => {
      throw new TRPCError({ code: 'CONFLICT', message: 'Not now.' });
    }),
    crashes: t.procedure.query(() => {
      throw new Error('an internal detail');
    }),
    ticks: t.procedure.subscription(async function* () {
      yield 1;
    }),
    shared: t.procedure.output(validatedOnce(sharedSchema)).query(() => sharedRow),
    sharedButWrong: t.procedure
      .output(validatedOnce(sharedSchema))
      .query(() => notAsPromised as unknown as z.infer<typeof sharedSchema>),
    later: lazy(async () => t.router({ ping: t.procedure.query(() => 'pong') })),
  });
}

interface ReportedError {
  code: string;
  path: string | undefined;
  type: string;
}

interface EdgeServer {
  url: string;
  app: FastifyInstance;
  errors: ReportedError[];
}

async function startEdgeServer(handling: TrpcHandling): Promise<EdgeServer> {
  const app = Fastify({ logger: false });
  const errors: ReportedError[] = [];
  await registerTrpc(app, '/trpc', handling, {
    router: edgeRouter(),
    maxBatchSize: 3,
    createContext: (request: FastifyRequest) => {
      if (request.headers['x-fail-context'] !== undefined) throw new Error('no context today');
      return { caller: String(request.headers['x-caller'] ?? 'anyone') };
    },
    onError: ({ error, path, type }) => {
      errors.push({ code: error.code, path, type });
    },
    serializedResult: sharedAnswerJson,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app, errors };
}

interface EdgeProbe {
  name: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Whether the fast path answers it itself rather than leave it to the adapter. */
  fast: boolean;
}

const json = { 'content-type': 'application/json' };
const probes: EdgeProbe[] = [
  { name: 'a query with its context', path: 'whoAmI', headers: { 'x-caller': 'ada' }, fast: true },
  {
    name: 'a mutation',
    path: 'echo',
    method: 'POST',
    headers: json,
    body: '{"text":"hi"}',
    fast: true,
  },
  { name: 'a result JSON cannot hold', path: 'tooBigForJson', fast: true },
  {
    name: 'a result JSON cannot hold, in a batch',
    path: 'tooBigForJson,whoAmI?batch=1',
    fast: true,
  },
  { name: 'a result with a promise inside', path: 'promiseInside', fast: true },
  {
    name: 'a result with a promise inside, in a batch',
    path: 'promiseInside,whoAmI?batch=1',
    fast: true,
  },
  { name: 'a refusal', path: 'refuses', fast: true },
  { name: 'a crash', path: 'crashes', fast: true },
  { name: 'a refusal and a crash in a batch', path: 'refuses,crashes,whoAmI?batch=1', fast: true },
  { name: 'a context that fails', path: 'whoAmI', headers: { 'x-fail-context': '1' }, fast: true },
  {
    name: 'a context that fails, in a batch',
    path: 'whoAmI,refuses?batch=1',
    headers: { 'x-fail-context': '1' },
    fast: true,
  },
  { name: 'a subscription', path: 'ticks', fast: false },
  // Until a lazy router is loaded, an unknown path may be one of its procedures.
  { name: 'an unknown path beside a lazy router', path: 'nothing', fast: false },
  { name: 'a procedure of a lazy router', path: 'later.ping', fast: false },
  { name: 'a procedure of a lazy router once loaded', path: 'later.ping', fast: true },
  { name: 'an unknown path once the lazy router is loaded', path: 'nothing', fast: true },
  {
    name: 'a batch over this router’s limit of 3',
    path: 'whoAmI,whoAmI,whoAmI,whoAmI?batch=1',
    fast: false,
  },
  { name: 'a shared answer', path: 'shared', fast: true },
  { name: 'a shared answer again, from its kept JSON', path: 'shared', fast: true },
  { name: 'a shared answer in a batch', path: 'whoAmI,shared,refuses?batch=1', fast: true },
  { name: 'a shared answer that fails its schema', path: 'sharedButWrong', fast: true },
  { name: 'a mutation by GET', path: 'echo?input=%7B%22text%22%3A%22hi%22%7D', fast: true },
];

describe('the tRPC fast path on a router of edge cases', () => {
  let fast: EdgeServer;
  let adapter: EdgeServer;

  beforeAll(async () => {
    [fast, adapter] = await Promise.all([startEdgeServer('fast-path'), startEdgeServer('adapter')]);
  });

  afterAll(async () => {
    await Promise.all([fast.app.close(), adapter.app.close()]);
  });

  const send = async (server: EdgeServer, probe: EdgeProbe) => {
    server.errors.length = 0;
    const response = await fetch(`${server.url}/trpc/${probe.path}`, {
      method: probe.method ?? 'GET',
      ...(probe.headers ? { headers: probe.headers } : {}),
      ...(probe.body === undefined ? {} : { body: probe.body }),
    });
    return {
      framing: response.headers.has('content-length') ? 'whole' : 'streamed',
      status: response.status,
      contentType: response.headers.get('content-type'),
      vary: response.headers.get('vary'),
      body: await response.text(),
      reported: [...server.errors],
    };
  };

  it.each(probes)(
    'answers $name as the adapter does, and reports the same errors',
    async (probe) => {
      const { framing: adapterFraming, ...expected } = await send(adapter, probe);
      const { framing, ...actual } = await send(fast, probe);
      expect(actual).toEqual(expected);
      // The adapter streams every answer; the fast path sends its own whole.
      expect(adapterFraming).toBe('streamed');
      expect(framing).toBe(probe.fast ? 'whole' : 'streamed');
    },
  );
});
