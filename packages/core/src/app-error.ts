import { z } from 'zod';

/**
 * The codes a domain or service function may fail with. They are deliberately the codes a
 * client can act on; anything else is an internal error and is reported as such.
 */
export const AppErrorCode = z.enum([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
]);
export type AppErrorCode = z.infer<typeof AppErrorCode>;

/** One problem with one field of the input, addressed by its path. */
export const AppErrorIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type AppErrorIssue = z.infer<typeof AppErrorIssue>;

export interface AppErrorOptions {
  /** Problems with individual fields, safe to show to the caller. */
  issues?: readonly AppErrorIssue[];
  /** Structured, safe data for the caller, e.g. both versions of a conflicting record. */
  details?: Record<string, unknown>;
  /** What went wrong underneath. Logged on the server; never sent to a client. */
  cause?: unknown;
}

/**
 * An error whose `message` is written for the person on the other end: it is the only text
 * that may leave the server. Internal detail belongs in `cause`.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly issues: readonly AppErrorIssue[];
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details;
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} was not found.`);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
