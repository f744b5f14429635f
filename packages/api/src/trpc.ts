import { AppError, apiLimits, isAppError, type Actor } from '@prevention/core';
import { initTRPC, TRPCError } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { decide } from './access/policy.js';
import type { Context } from './context.js';
import { toClientError } from './error-formatter.js';
import { policyFor } from './policies.js';

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

export const signInRequired = () => new AppError('UNAUTHORIZED', 'Sign in to continue.');

/**
 * Deny by default: the policy of the procedure's path (policies.ts) decides, and a path without
 * one is refused to everyone. Record-level rules — the caller's countries and clearance — are
 * applied by the repositories the procedure calls.
 */
const enforcePolicy = t.middleware(async ({ ctx, path, next }) => {
  const policy = policyFor(path);
  if (!policy) {
    throw new AppError('FORBIDDEN', 'This operation is not available.', {
      cause: new Error(`No access policy is declared for ${path}`),
    });
  }
  if (policy.access === 'public') return next({ ctx: { actor: null as Actor | null } });
  const state = await ctx.session();
  const actor = state.kind === 'active' ? state.actor : null;
  const decision = decide(policy, actor);
  if (!decision.allowed) {
    throw decision.reason === 'signed-out'
      ? signInRequired()
      : new AppError('FORBIDDEN', 'You do not have permission to do this.');
  }
  return next({ ctx: { actor } });
});

/** A procedure whose policy may be public; `ctx.actor` is null when nobody is signed in. */
export const publicProcedure = t.procedure.use(appErrors).use(enforcePolicy);

/** A procedure for signed-in callers only; `ctx.actor` is the caller. */
export const procedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw signInRequired();
  return next({ ctx: { actor: ctx.actor } });
});
