import { apiLimits, isAppError } from '@prevention/core';
import { initTRPC, TRPCError } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { Context } from './context.js';
import { toClientError } from './error-formatter.js';

/** The most operations one batched HTTP request may carry; the web client's link uses the same. */
export const MAX_BATCH_SIZE = apiLimits.maxBatchSize;

const t = initTRPC.context<Context>().create({
  // Pinned rather than left to tRPC's NODE_ENV default: what a client sees never depends on how
  // the server was started. Stack traces go to the server log only.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const client = toClientError(error, ctx?.requestId);
    const jsonRpcCode =
      client.code in TRPC_ERROR_CODES_BY_KEY ? client.code : 'INTERNAL_SERVER_ERROR';
    return {
      code: TRPC_ERROR_CODES_BY_KEY[jsonRpcCode as keyof typeof TRPC_ERROR_CODES_BY_KEY],
      message: client.message,
      data: {
        code: client.code,
        httpStatus: client.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        issues: client.issues,
        ...(client.details ? { details: client.details } : {}),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * Domain functions throw `AppError`; tRPC would report those as internal errors. This turns
 * them into tRPC errors of the same code, so callers (`createCaller`, logs, the formatter) see
 * NOT_FOUND as NOT_FOUND.
 */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (
    !result.ok &&
    isAppError(result.error.cause) &&
    result.error.code !== result.error.cause.code
  ) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

/** A procedure anyone may call. The access issue replaces this with declared policies. */
export const publicProcedure = t.procedure.use(appErrors);
