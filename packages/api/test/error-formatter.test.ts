import { AppError } from '@prevention/core';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toClientError } from '../src/index.js';

describe('toClientError', () => {
  it('passes a domain error through with its code, message, issues and details', () => {
    const cause = new AppError('CONFLICT', 'Someone saved this assessment before you.', {
      details: { latestRevision: 4 },
      cause: new Error('duplicate key value violates unique constraint "assessment_pkey"'),
    });
    const error = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause });
    expect(toClientError(error, 'req-1')).toEqual({
      code: 'CONFLICT',
      httpStatus: 409,
      message: 'Someone saved this assessment before you.',
      issues: [],
      details: { latestRevision: 4 },
    });
  });

  it('lists every invalid field of a validation failure', () => {
    const result = z
      .object({ a: z.number(), b: z.object({ c: z.string() }) })
      .safeParse({ a: 'x', b: { c: 1 } });
    if (result.success) throw new Error('expected a validation failure');
    const error = new TRPCError({ code: 'BAD_REQUEST', cause: result.error });
    const client = toClientError(error, 'req-2');
    expect(client.code).toBe('BAD_REQUEST');
    expect(client.httpStatus).toBe(400);
    expect(client.issues.map((issue) => issue.path)).toEqual([['a'], ['b', 'c']]);
  });

  it('hides everything about an unexpected failure but the request id', () => {
    const cause = new Error('relation "area" does not exist at character 15 (select * from area)');
    const client = toClientError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause }), 'req-3');
    expect(client).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      httpStatus: 500,
      message: 'Something went wrong on our side. If it persists, quote request id req-3.',
      issues: [],
    });
  });

  it('does not trust a 4xx code that wraps an unexpected exception', () => {
    const cause = new TypeError("Cannot read properties of undefined (reading 'rows')");
    const client = toClientError(new TRPCError({ code: 'BAD_REQUEST', cause }), 'req-4');
    expect(client.httpStatus).toBe(500);
    expect(client.message).not.toContain('rows');
  });

  it("keeps tRPC's own description of a malformed request", () => {
    const client = toClientError(
      new TRPCError({ code: 'NOT_FOUND', message: 'No procedure found on path "x"' }),
      'r',
    );
    expect(client).toMatchObject({
      code: 'NOT_FOUND',
      httpStatus: 404,
      message: 'No procedure found on path "x"',
    });
  });
});
