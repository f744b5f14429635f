import { databaseKinds } from '@prevention/db/testing';
import { TRPCClientError } from '@trpc/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, type ApiSession } from './test-server.js';

const internals =
  /stack|at \w+ \(|select |insert |from "|pglite|postgres|kysely|node_modules|\.ts:\d+/i;

describe.each(databaseKinds())('the server over HTTP on %s', (kind) => {
  const test = useTestServer(kind);
  let session: ApiSession;

  beforeAll(async () => {
    session = await test.signIn(await test.createUser({ roles: ['hq-planner'] }));
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${test.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers /readyz when the database is reachable', async () => {
    const response = await fetch(`${test.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: kind });
  });

  it('serves a tRPC query to the tRPC client', async () => {
    const info = await test.client.system.info.query();
    expect(info).toEqual({
      name: 'Integrated Prevention Platform',
      version: '0.0.0-test',
      mode: 'demo',
      database: kind,
    });
    const africa = await session.client.areas.list.query({ kind: 'country', regionCode: '002' });
    expect(africa).toHaveLength(54);
    expect(africa.every((area) => area.region.name === 'Africa')).toBe(true);
  });

  it('answers a Zod-invalid input with 400, the field paths and no stack', async () => {
    const input = encodeURIComponent(JSON.stringify({ regionCode: 'Africa', kind: 'planet' }));
    const response = await session.fetch(`/trpc/areas.list?input=${input}`);
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).not.toMatch(internals);
    const { error } = JSON.parse(body) as {
      error: { message: string; data: { code: string; issues: { path: string[] }[] } };
    };
    expect(error.data.code).toBe('BAD_REQUEST');
    expect(error.data.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([['regionCode'], ['kind']]),
    );
  });

  it('reports a missing record as NOT_FOUND through the client', async () => {
    const error = await session.client.areas.byCode
      .query({ code: 'SD99' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<never>).data).toMatchObject({
      code: 'NOT_FOUND',
      httpStatus: 404,
    });
  });

  it('answers an unknown procedure with 404', async () => {
    const response = await session.fetch(`/trpc/areas.nothingHere`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(internals);
  });

  it('answers an oversized body with 413', async () => {
    const response = await session.fetch(`/trpc/system.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(100 * 1024) }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { requestId: string } };
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('answers a batch above the limit with 400', async () => {
    const paths = Array.from({ length: 21 }, () => 'system.info').join(',');
    const input = encodeURIComponent(JSON.stringify({}));
    const response = await session.fetch(`/trpc/${paths}?batch=1&input=${input}`);
    expect(response.status).toBe(400);
    const within = Array.from({ length: 20 }, () => 'system.info').join(',');
    expect((await session.fetch(`/trpc/${within}?batch=1&input=${input}`)).status).toBe(200);
  });
});

describe.each(databaseKinds())('the server when its database is gone, on %s', (kind) => {
  const test = useTestServer(kind);

  it('fails /readyz with 503 and hides the database error from a procedure', async () => {
    expect((await fetch(`${test.url}/readyz`)).status).toBe(200);
    const session = await test.signIn(await test.createUser());
    await test.database.handle.close();

    const ready = await fetch(`${test.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: kind });

    const response = await session.fetch(`/trpc/areas.list`);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toMatch(internals);
    const { error } = JSON.parse(body) as {
      error: { message: string; data: { requestId: string } };
    };
    expect(error.data.requestId).toBe(response.headers.get('x-request-id'));
    expect(error.message).toContain(error.data.requestId);
  });
});
