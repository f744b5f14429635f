import { isAppError, type AppErrorCode, type AppErrorIssue } from '@prevention/core';
import type { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/** What a client may learn about a failed call: a code, a safe message, and safe details. */
export interface ClientError {
  code: AppErrorCode | TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  message: string;
  issues: AppErrorIssue[];
  details?: Record<string, unknown>;
}

const httpStatusByCode: Partial<Record<ClientError['code'], number>> = {
  PARSE_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  CLIENT_CLOSED_REQUEST: 499,
};

/**
 * Turns any error raised while serving a call into what the client may see. Domain errors
 * (`AppError`) carry messages written for the user; input validation failures become the list of
 * offending fields; tRPC's own protocol errors keep their messages, which describe the request
 * and nothing else. Anything else is an internal error, and its message, stack, SQL and cause
 * stay in the server log.
 */
export function toClientError(error: TRPCError, requestId: string | undefined): ClientError {
  const cause = error.cause;
  if (isAppError(cause)) {
    return {
      code: cause.code,
      httpStatus: httpStatusByCode[cause.code] ?? 500,
      message: cause.code === 'INTERNAL_SERVER_ERROR' ? internalMessage(requestId) : cause.message,
      issues: [...cause.issues],
      ...(cause.details ? { details: cause.details } : {}),
    };
  }
  if (isValidationError(cause)) {
    return {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      message: 'The input is not valid; see the issues for each field.',
      issues: cause.issues.map((issue) => ({
        path: issue.path.map(pathSegment),
        message: issue.message,
      })),
    };
  }
  const httpStatus = httpStatusByCode[error.code];
  // A 4xx raised by tRPC itself, with no underlying exception, describes the request only.
  if (httpStatus !== undefined && (cause === undefined || cause instanceof SyntaxError)) {
    return { code: error.code, httpStatus, message: error.message, issues: [] };
  }
  return {
    code: 'INTERNAL_SERVER_ERROR',
    httpStatus: 500,
    message: internalMessage(requestId),
    issues: [],
  };
}

function internalMessage(requestId: string | undefined): string {
  return requestId
    ? `Something went wrong on our side. If it persists, quote request id ${requestId}.`
    : 'Something went wrong on our side.';
}

interface ValidationErrorLike {
  issues: { path: PropertyKey[]; message: string }[];
}

function isValidationError(cause: unknown): cause is ValidationErrorLike {
  return (
    cause instanceof Error &&
    cause.name === 'ZodError' &&
    Array.isArray((cause as Partial<ValidationErrorLike>).issues)
  );
}

function pathSegment(segment: PropertyKey): string | number {
  return typeof segment === 'number' ? segment : String(segment);
}
