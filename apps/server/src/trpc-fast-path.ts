import {
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  transformTRPCResponse,
  TRPCError,
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
  type inferRouterContext,
  type TRPCProcedureType,
} from '@trpc/server';
import { getHTTPStatusCode, type HTTPErrorHandler } from '@trpc/server/http';
import type { TRPCResponse } from '@trpc/server/rpc';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
} from 'fastify';

/**
 * A lighter way through tRPC's HTTP protocol for the requests the web client makes: GET queries
 * and POST mutations with JSON, alone or batched. tRPC's `resolveResponse`, which every adapter
 * calls, turns each request into a Fetch `Request`, combines AbortSignals for every call and
 * answers with a Fetch `Response`; on Node 20 that bridge costs more than the procedure. This
 * resolves the same calls with tRPC's public building blocks (`callTRPCProcedure`,
 * `getTRPCErrorShape`, `getHTTPStatusCode`) on Fastify's own request and reply, and answers
 * with the same status, headers and body as the adapter would.
 *
 * It runs as a preHandler of the adapter's route, so the route, its body parser and its limits
 * are the adapter's. Whatever it does not recognise as plain — another method or content type,
 * streaming, connection parameters, subscriptions, mixed batches, lazy routers, a malformed
 * path, a batch over the limit — it leaves to the adapter, untouched, before anything has run.
 */
export interface TrpcFastPathOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  maxBatchSize: number;
  createContext: (request: FastifyRequest, reply: FastifyReply) => inferRouterContext<TRouter>;
  onError: HTTPErrorHandler<TRouter, FastifyRequest>;
  /**
   * The JSON of a result the application has serialised before (an answer many requests
   * share), spliced into the body as it is; undefined for any other result. Used only while
   * the router's transformer leaves results as they are, as the default one does.
   */
  serializedResult?: (data: unknown) => string | undefined;
}

/** One call of a request, once its path has been matched to a procedure (or to none). */
interface PlannedCall {
  path: string;
  procedure: AnyTRPCProcedure | null;
}

interface Plan {
  isBatch: boolean;
  calls: PlannedCall[];
  /** The one procedure type of the request, or `unknown` when no path names a procedure. */
  type: TRPCProcedureType | 'unknown';
  searchParams: URLSearchParams;
}

type CallOutcome = { ok: true; data: unknown } | { ok: false; error: TRPCError };

/** The headers tRPC's `resolveResponse` puts on every JSON answer. */
const answerHeaders = { vary: 'trpc-accept, accept', 'content-type': 'application/json' };

const methodOfType: Record<TRPCProcedureType, string> = {
  query: 'GET',
  mutation: 'POST',
  subscription: 'GET',
};

/** How /trpc is answered: through the fast path, or through tRPC's adapter only. */
export type TrpcHandling = 'fast-path' | 'adapter';

/** Mounts tRPC's Fastify adapter under `prefix`, with the fast path in front unless told not to. */
export async function registerTrpc<TRouter extends AnyTRPCRouter>(
  app: FastifyInstance,
  prefix: string,
  handling: TrpcHandling,
  options: TrpcFastPathOptions<TRouter>,
): Promise<void> {
  const { router, maxBatchSize, createContext, onError } = options;
  await app.register(async (scope) => {
    // A hook of the adapter's own route: what it passes on reaches the adapter as it came.
    if (handling === 'fast-path') scope.addHook('preHandler', trpcFastPath(options));
    await scope.register(fastifyTRPCPlugin, {
      prefix,
      trpcOptions: {
        router,
        maxBatchSize,
        createContext: ({ req, res }) => createContext(req, res),
        onError,
      } satisfies FastifyTRPCPluginOptions<TRouter>['trpcOptions'],
    });
  });
}

export function trpcFastPath<TRouter extends AnyTRPCRouter>(
  options: TrpcFastPathOptions<TRouter>,
): preHandlerAsyncHookHandler {
  return async function answerPlainTrpcRequest(request, reply) {
    const plan = planOf(request, options);
    if (!plan) return undefined;
    await answer(request, reply, plan, options);
    return reply;
  };
}

/** The calls of a request the fast path answers exactly as tRPC would, or null for the adapter. */
function planOf<TRouter extends AnyTRPCRouter>(
  request: FastifyRequest,
  { router, maxBatchSize }: TrpcFastPathOptions<TRouter>,
): Plan | null {
  if (request.method !== 'GET' && request.method !== 'POST') return null;
  const contentType = request.headers['content-type'];
  if (contentType === undefined ? request.method !== 'GET' : !isJson(contentType)) return null;
  if (request.headers['trpc-accept'] !== undefined || wantsJsonLines(request.headers.accept)) {
    return null;
  }
  if (request.method === 'POST' && typeof request.body !== 'string') return null;
  const searchParams = searchParamsOf(request);
  if (!searchParams || searchParams.has('connectionParams')) return null;
  const path = decodedPath(request.params);
  if (path === null) return null;

  const isBatch = searchParams.get('batch') === '1';
  const paths = isBatch ? path.split(',') : [path];
  if (isBatch && paths.length > maxBatchSize) return null;
  const { procedures, lazy } = router._def as {
    procedures: Record<string, AnyTRPCProcedure | undefined>;
    lazy: Record<string, unknown>;
  };
  const calls = paths.map((callPath) => ({
    path: callPath,
    procedure: procedures[callPath] ?? null,
  }));
  // An unknown path may be a procedure of a router that has not been loaded yet.
  if (calls.some((call) => !call.procedure) && Object.keys(lazy).length > 0) return null;
  const types = new Set(
    calls.flatMap((call) => (call.procedure ? [call.procedure._def.type] : [])),
  );
  if (types.size > 1 || types.has('subscription')) return null;
  const [type = 'unknown'] = types;
  return { isBatch, calls, type, searchParams };
}

/** tRPC compares media types case-insensitively and ignores parameters. */
function isJson(contentType: string): boolean {
  return contentType.toLowerCase().split(';', 1)[0]?.trim() === 'application/json';
}

function wantsJsonLines(accept: string | undefined): boolean {
  return (
    accept !== undefined && accept.split(',').some((type) => type.trim() === 'application/jsonl')
  );
}

/** The query as tRPC reads it: through a WHATWG URL, which, for one, ends the query at `#`. */
function searchParamsOf(request: FastifyRequest): URLSearchParams | null {
  try {
    return new URL(request.raw.url ?? '', `http://${request.headers.host ?? 'localhost'}`)
      .searchParams;
  } catch {
    // tRPC refuses such a request as a whole; the adapter says how.
    return null;
  }
}

/** The route's `:path` decoded once more, as tRPC does; null when that decoding fails. */
function decodedPath(params: unknown): string | null {
  const path = (params as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string') return null;
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

async function answer<TRouter extends AnyTRPCRouter>(
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  { router, createContext, onError, serializedResult }: TrpcFastPathOptions<TRouter>,
): Promise<void> {
  const config = router._def._config;
  let ctx: inferRouterContext<TRouter> | undefined;
  let contextError: TRPCError | undefined;
  try {
    ctx = createContext(request, reply);
  } catch (cause) {
    contextError = getTRPCErrorFromUnknown(cause);
  }
  const inputs = lazyInputs(request, plan, (value) => config.transformer.input.deserialize(value));
  const aborted = abortOnClientGone(reply);

  const outcomes = await Promise.all(
    plan.calls.map(async ({ path, procedure }, index): Promise<CallOutcome> => {
      try {
        if (contextError) throw contextError;
        if (!procedure) {
          throw new TRPCError({
            code: 'NOT_FOUND',
            message: `No procedure found on path "${path}"`,
          });
        }
        const type = procedure._def.type;
        if (request.method !== methodOfType[type]) {
          throw new TRPCError({
            code: 'METHOD_NOT_SUPPORTED',
            message: `Unsupported ${request.method}-request to ${type} procedure at path "${path}"`,
          });
        }
        const data: unknown = await callTRPCProcedure({
          router,
          path,
          type,
          ctx,
          getRawInput: async () => (await inputs.read())[index],
          signal: aborted,
          batchIndex: index,
        });
        return { ok: true, data };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        onError({
          error,
          path,
          input: inputs.settled()?.[index],
          ctx,
          type: procedure?._def.type ?? 'unknown',
          req: request,
        });
        return { ok: false, error };
      }
    }),
  );

  const shapeOf = (
    outcome: CallOutcome,
    index: number,
    type: TRPCProcedureType | 'unknown',
  ): TRPCResponse =>
    outcome.ok
      ? { result: { data: outcome.data } }
      : {
          error: getTRPCErrorShape({
            config,
            ctx,
            error: outcome.error,
            input: inputs.settled()?.[index],
            path: plan.calls[index]?.path,
            type,
          }),
        };

  let responses: TRPCResponse | TRPCResponse[];
  let body: string;
  try {
    const single = outcomes[0];
    if (!plan.isBatch && single) {
      if (single.ok && isDataStream(single.data)) throw streamRefusal();
      responses = shapeOf(single, 0, plan.type);
    } else {
      // A batch item that returns a stream fails on its own, without onError, as in tRPC.
      responses = outcomes.map((outcome, index) =>
        shapeOf(
          outcome.ok && isDataStream(outcome.data)
            ? { ok: false, error: streamRefusal() }
            : outcome,
          index,
          plan.calls[index]?.procedure?._def.type ?? 'unknown',
        ),
      );
    }
    body = bodyOf(config, responses, serializedResult);
  } catch (cause) {
    // What tRPC reports for the request as a whole: one error, outside any batch array.
    const error = getTRPCErrorFromUnknown(cause);
    onError({ error, path: undefined, input: undefined, ctx, type: plan.type, req: request });
    responses = {
      error: getTRPCErrorShape({
        config,
        ctx,
        error,
        input: undefined,
        path: undefined,
        type: plan.type,
      }),
    };
    body = JSON.stringify(transformTRPCResponse(config, responses));
  }
  // A Buffer, not a string: Fastify would add `; charset=utf-8` to a string's content type.
  await reply.status(getHTTPStatusCode(responses)).headers(answerHeaders).send(Buffer.from(body));
}

type RootConfig = AnyTRPCRouter['_def']['_config'];

/**
 * `JSON.stringify(transformTRPCResponse(config, responses))`, with the results the application
 * has serialised before spliced in rather than serialised again. Splicing gives the same bytes
 * only when the transformer hands results back untouched, which is checked once per config.
 */
function bodyOf(
  config: RootConfig,
  responses: TRPCResponse | TRPCResponse[],
  serializedResult: ((data: unknown) => string | undefined) | undefined,
): string {
  if (!serializedResult || !leavesResultsAlone(config)) {
    return JSON.stringify(transformTRPCResponse(config, responses));
  }
  const one = (response: TRPCResponse): string => {
    const json = 'result' in response ? serializedResult(response.result.data) : undefined;
    return json === undefined
      ? JSON.stringify(transformTRPCResponse(config, response))
      : `{"result":{"data":${json}}}`;
  };
  return Array.isArray(responses) ? `[${responses.map(one).join(',')}]` : one(responses);
}

const untouchedBy = new WeakMap<RootConfig, boolean>();

function leavesResultsAlone(config: RootConfig): boolean {
  let untouched = untouchedBy.get(config);
  if (untouched === undefined) {
    const probe = {};
    untouched = config.transformer.output.serialize(probe) === probe;
    untouchedBy.set(config, untouched);
  }
  return untouched;
}

function streamRefusal(): TRPCError {
  return new TRPCError({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
  });
}

/**
 * The inputs of a request's calls, keyed by index, read the first time a procedure asks for its
 * input (a procedure without an input parser never does, so it ignores malformed input, as in
 * tRPC). Every later read answers the same value or the same error.
 */
function lazyInputs(
  request: FastifyRequest,
  plan: Plan,
  deserialize: (value: unknown) => unknown,
): { read(): Promise<Record<number, unknown>>; settled(): Record<number, unknown> | undefined } {
  let outcome:
    { ok: true; value: Record<number, unknown> } | { ok: false; error: TRPCError } | undefined;
  const compute = (): Record<number, unknown> => {
    const raw = rawInput(request, plan.searchParams);
    const inputs: Record<number, unknown> = Object.create(null) as Record<number, unknown>;
    if (raw === undefined) return inputs;
    if (!plan.isBatch) {
      inputs[0] = deserialize(raw);
      return inputs;
    }
    if (!isPlainObject(raw)) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: '"input" needs to be an object when doing a batch call',
      });
    }
    plan.calls.forEach((_call, index) => {
      const value = raw[index];
      if (value !== undefined) inputs[index] = deserialize(value);
    });
    return inputs;
  };
  return {
    read: async () => {
      if (!outcome) {
        try {
          outcome = { ok: true, value: compute() };
        } catch (cause) {
          outcome = {
            ok: false,
            error:
              cause instanceof TRPCError
                ? cause
                : new TRPCError({
                    code: 'BAD_REQUEST',
                    message: cause instanceof Error ? cause.message : 'Invalid input',
                    cause,
                  }),
          };
        }
      }
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    },
    settled: () => (outcome?.ok ? outcome.value : undefined),
  };
}

/** `?input=` of a GET, the body of a POST; a body's byte order mark goes, as a Fetch body's does. */
function rawInput(request: FastifyRequest, searchParams: URLSearchParams): unknown {
  if (request.method === 'GET') {
    const query = searchParams.get('input');
    return query ? (JSON.parse(query) as unknown) : undefined;
  }
  const body = typeof request.body === 'string' ? request.body : '';
  return JSON.parse(body.startsWith('\uFEFF') ? body.slice(1) : body) as unknown;
}

/**
 * One signal for the request's calls, aborted if the client goes before the answer is sent (what
 * tRPC gives each procedure; none of ours reads it yet).
 */
function abortOnClientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableEnded) controller.abort();
  });
  return controller.signal;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A result tRPC would only send through its streaming link: an async iterable, or promises in it. */
function isDataStream(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  const members = Object.values(value);
  return members.some(isThenable) || members.some(isAsyncIterable);
}

function isAsyncIterable(value: unknown): boolean {
  return isPlainObject(value) && Symbol.asyncIterator in value;
}

function isThenable(value: unknown): boolean {
  if (!(isPlainObject(value) || typeof value === 'function')) return false;
  const candidate = value as { then?: unknown; catch?: unknown };
  return typeof candidate.then === 'function' && typeof candidate.catch === 'function';
}
