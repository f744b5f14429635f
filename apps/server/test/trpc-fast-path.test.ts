import { MAX_BATCH_SIZE } from '@prevention/api';
import { databaseKinds } from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, type ApiSession, type TestServer } from './test-server.js';

/**
 * The fast path against tRPC's own adapter: two servers over one database, one answering /trpc
 * through the fast path, the other through the adapter only, get the same requests, and must
 * answer with the same status, the same headers and the same body, byte for byte, once the
 * values that differ by nature (request ids, session tokens, dates) are set aside.
 */

/** Headers that differ between any two answers, or between two servers, by nature. */
const unequalByNature = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'x-request-id',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'set-cookie',
]);

interface Probe {
  name: string;
  method?: string;
  /** Under /trpc/. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  as: 'signed-in' | 'signed-out' | 'no session header';
  /**
   * Who answers it on the fast-path server: the fast path itself, the adapter behind it, or the
   * server before either (the CSRF guard, the body limit).
   */
  answeredBy: 'fast path' | 'adapter' | 'server';
}

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const json = { 'content-type': 'application/json' };
const tooManyPaths = Array.from({ length: MAX_BATCH_SIZE + 1 }, () => 'system.info').join(',');

const probes: Probe[] = [
  // Queries, one at a time.
  {
    name: 'a query',
    path: `areas.byCode?input=${input({ code: 'SDN' })}`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a query of a missing record',
    path: `areas.byCode?input=${input({ code: 'SD99' })}`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a query with invalid input',
    path: `areas.byCode?input=${input({ code: 5, extra: true })}`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  { name: 'a query without input', path: 'areas.byCode', as: 'signed-in', answeredBy: 'fast path' },
  {
    name: 'a query with an empty input',
    path: 'areas.byCode?input=',
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a query with malformed input JSON',
    path: 'areas.byCode?input=%7B%22code%22%3A',
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a query whose input has a + (a space once decoded)',
    path: 'areas.byCode?input={"code":"S+N"}',
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a query with a default input',
    path: `areas.list?input=${input({ kind: 'country', regionCode: '019' })}`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  { name: 'a public query', path: 'system.info', as: 'signed-out', answeredBy: 'fast path' },
  {
    name: 'malformed input to a query that takes none',
    path: 'auth.session?input=%7Bnot%20json',
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a query signed out',
    path: `areas.byCode?input=${input({ code: 'SDN' })}`,
    as: 'signed-out',
    answeredBy: 'fast path',
  },
  { name: 'an unknown procedure', path: 'areas.nothing', as: 'signed-in', answeredBy: 'fast path' },
  {
    name: 'an unknown router',
    path: 'nothing.atAll?input=1',
    as: 'signed-out',
    answeredBy: 'fast path',
  },
  {
    name: 'a path encoded once',
    path: `areas%2EbyCode?input=${input({ code: 'SDN' })}`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a path encoded twice',
    path: `areas%252EbyCode?input=${input({ code: 'SDN' })}`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a path that does not decode',
    path: 'areas%25E0%25A4%25A',
    as: 'signed-in',
    answeredBy: 'adapter',
  },
  {
    name: 'a query with extra headers',
    path: 'system.info',
    headers: {
      accept: 'application/json',
      'sec-fetch-site': 'same-origin',
      'accept-language': 'fr',
    },
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a query with a JSON content type',
    path: 'system.info',
    headers: json,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a query with a form content type',
    path: 'system.info',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    as: 'signed-in',
    answeredBy: 'adapter',
  },
  {
    name: 'a query without the client header',
    path: 'system.info',
    as: 'no session header',
    answeredBy: 'server',
  },
  {
    name: 'a cross-site query',
    path: 'system.info',
    headers: { 'sec-fetch-site': 'cross-site' },
    as: 'signed-in',
    answeredBy: 'server',
  },
  {
    name: 'a query with connection parameters',
    path: 'system.info?connectionParams=%7B%7D',
    as: 'signed-in',
    answeredBy: 'adapter',
  },
  {
    name: 'a streamed batch',
    path: 'system.info?batch=1',
    headers: { 'trpc-accept': 'application/jsonl' },
    as: 'signed-in',
    answeredBy: 'adapter',
  },
  {
    name: 'a batch that accepts JSON lines',
    path: 'system.info,auth.session?batch=1',
    headers: { accept: 'application/json, application/jsonl' },
    as: 'signed-in',
    answeredBy: 'adapter',
  },

  // Methods.
  {
    name: 'a query by POST',
    method: 'POST',
    path: 'system.info',
    headers: json,
    body: '{}',
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  { name: 'a mutation by GET', path: 'auth.signOut', as: 'signed-in', answeredBy: 'fast path' },
  {
    name: 'a HEAD request',
    method: 'HEAD',
    path: 'system.info',
    as: 'signed-in',
    answeredBy: 'adapter',
  },
  {
    name: 'a PUT request',
    method: 'PUT',
    path: 'auth.signOut',
    headers: json,
    body: '{}',
    as: 'signed-in',
    answeredBy: 'adapter',
  },
  {
    name: 'a DELETE request',
    method: 'DELETE',
    path: 'auth.signOut',
    headers: json,
    body: '{}',
    as: 'signed-in',
    answeredBy: 'adapter',
  },

  // Batches.
  {
    name: 'a batch of queries',
    path: `system.info,areas.byCode,auth.session?batch=1&input=${input({ 1: { code: 'MLI' } })}`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a batch of mixed outcomes (207)',
    path: `areas.byCode,areas.byCode,areas.nothing,areas.byCode?batch=1&input=${input({ 0: { code: 'SDN' }, 1: { code: 'SD99' }, 3: { code: 7 } })}`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a batch of equal failures',
    path: `areas.byCode,areas.byCode?batch=1&input=${input({ 0: { code: 'SD98' }, 1: { code: 'SD99' } })}`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a batch signed out',
    path: `system.info,areas.byCode?batch=1&input=${input({ 1: { code: 'SDN' } })}`,
    as: 'signed-out',
    answeredBy: 'fast path',
  },
  {
    name: 'a batch without input',
    path: 'system.info,auth.session?batch=1',
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a batch whose input is not an object',
    path: `areas.byCode,system.info?batch=1&input=${input([{ code: 'SDN' }])}`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a batch with malformed input JSON',
    path: 'areas.byCode,system.info?batch=1&input=%7B%220%22',
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a batch with an empty path',
    path: 'system.info,?batch=1',
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a batch at the limit',
    path: `${tooManyPaths.slice('system.info,'.length)}?batch=1`,
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a batch over the limit',
    path: `${tooManyPaths}?batch=1`,
    as: 'signed-in',
    answeredBy: 'adapter',
  },
  {
    name: 'a batch that mixes queries and mutations',
    method: 'POST',
    path: 'system.info,auth.signOut?batch=1',
    headers: json,
    body: '{}',
    as: 'signed-in',
    answeredBy: 'adapter',
  },
  {
    name: 'batch=0 is no batch',
    path: 'system.info?batch=0',
    as: 'signed-in',
    answeredBy: 'fast path',
  },
  {
    name: 'a batch of mutations with invalid inputs',
    method: 'POST',
    path: 'auth.signIn,auth.signIn?batch=1',
    headers: json,
    body: JSON.stringify({ 0: { email: 'nobody' }, 1: {} }),
    as: 'signed-out',
    answeredBy: 'fast path',
  },

  // Mutations.
  {
    name: 'a mutation with invalid input',
    method: 'POST',
    path: 'auth.signIn',
    headers: json,
    body: JSON.stringify({ email: 'not an address' }),
    as: 'signed-out',
    answeredBy: 'fast path',
  },
  {
    name: 'a mutation with a wrong password',
    method: 'POST',
    path: 'auth.signIn',
    headers: json,
    body: JSON.stringify({
      email: 'differential-probe@example.org',
      password: 'not the right one',
    }),
    as: 'signed-out',
    answeredBy: 'fast path',
  },
  {
    name: 'a mutation with a malformed body',
    method: 'POST',
    path: 'auth.signIn',
    headers: json,
    body: '{"email":',
    as: 'signed-out',
    answeredBy: 'fast path',
  },
  {
    name: 'a mutation with an empty body',
    method: 'POST',
    path: 'auth.signIn',
    headers: json,
    body: '',
    as: 'signed-out',
    answeredBy: 'fast path',
  },
  {
    name: 'a mutation whose body starts with a byte order mark',
    method: 'POST',
    path: 'auth.signIn',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: `\uFEFF${JSON.stringify({ email: 'x' })}`,
    as: 'signed-out',
    answeredBy: 'fast path',
  },
  {
    name: 'a mutation with a JSON null body',
    method: 'POST',
    path: 'auth.signIn',
    headers: { 'content-type': 'Application/JSON' },
    body: 'null',
    as: 'signed-out',
    answeredBy: 'fast path',
  },
  {
    name: 'a mutation that takes no input, signed out',
    method: 'POST',
    path: 'auth.signOut',
    headers: json,
    body: '{"ignored":',
    as: 'signed-out',
    answeredBy: 'fast path',
  },
  {
    name: 'a mutation as text',
    method: 'POST',
    path: 'auth.signOut',
    headers: { 'content-type': 'text/plain' },
    body: '{}',
    as: 'signed-in',
    answeredBy: 'server',
  },
  {
    name: 'a mutation without a content type',
    method: 'POST',
    path: 'auth.signOut',
    as: 'signed-in',
    answeredBy: 'server',
  },
  {
    name: 'a mutation from another origin',
    method: 'POST',
    path: 'auth.signOut',
    headers: { ...json, origin: 'https://elsewhere.example' },
    body: '{}',
    as: 'signed-in',
    answeredBy: 'server',
  },
  {
    name: 'a body over the limit',
    method: 'POST',
    path: 'auth.signIn',
    headers: json,
    body: JSON.stringify({ email: 'x'.repeat(70 * 1024) }),
    as: 'signed-out',
    answeredBy: 'server',
  },
];

describe.each(databaseKinds())('the tRPC fast path on %s', (kind) => {
  const fast = useTestServer(kind);
  const adapter = useTestServer(kind, { database: fast.database, trpc: 'adapter' });
  let signedIn: string;

  beforeAll(async () => {
    const user = await fast.createUser({ roles: ['hq-planner'] });
    await fast.createUser({ email: 'differential-probe@example.org' });
    // Both servers read sessions from the one database, so one cookie signs in on both.
    const session = await fast.signIn(user);
    signedIn = session.cookie ?? '';
    expect(signedIn).not.toBe('');
  });

  const send = (server: TestServer, probe: Probe) => {
    const headers: Record<string, string> = { origin: server.url, ...probe.headers };
    if (probe.as !== 'no session header') headers['x-prevention-client'] = 'test';
    if (probe.as === 'signed-in') headers.cookie = signedIn;
    return fetch(`${server.url}/trpc/${probe.path}`, {
      method: probe.method ?? 'GET',
      headers,
      ...(probe.body === undefined ? {} : { body: probe.body }),
    });
  };

  it.each(probes)('answers $name as the adapter does', async (probe) => {
    const expected = await comparable(await send(adapter, probe));
    const actual = await comparable(await send(fast, probe));
    expect(actual.answer).toEqual(expected.answer);
    // The adapter streams its answers, the fast path and the server's own refusals do not.
    expect(actual.framing).toBe(
      probe.answeredBy === 'adapter' ? expected.framing : 'content-length',
    );
    expect(expected.framing).toBe(
      probe.answeredBy === 'server' ? 'content-length' : expected.framing,
    );
    if (probe.answeredBy !== 'server') expect(expected.framing).not.toBe('content-length');
  });

  it('answers the typed client through the fast path, with its cookie on sign-in', async () => {
    const user = await fast.createUser({ roles: ['hq-planner'] });
    const session: ApiSession = await fast.signIn(user);
    expect(session.cookie).toMatch(/^__Host-prevention-session=\S+$/);
    const [sudan, info] = await Promise.all([
      session.client.areas.byCode.query({ code: 'SDN' }),
      session.client.system.info.query(),
    ]);
    expect(sudan.name).toBe('Sudan');
    expect(info.database).toBe(kind);
    await session.client.auth.signOut.mutate();
    expect(session.cookie).toBeNull();
  });

  it('sets and clears the session cookie as the adapter does', async () => {
    const user = await fast.createUser({ roles: ['hq-planner'] });
    const signInBody = JSON.stringify({
      email: user.email,
      password: 'a test password nobody uses',
    });
    const signIn = async (server: TestServer) => {
      const response = await fetch(`${server.url}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { ...json, origin: server.url, 'x-prevention-client': 'test' },
        body: signInBody,
      });
      return {
        cookie: response.headers.getSetCookie().map(withoutToken),
        body: await response.text(),
      };
    };
    const viaAdapter = await signIn(adapter);
    const viaFastPath = await signIn(fast);
    expect(viaFastPath).toEqual(viaAdapter);
    expect(viaFastPath.cookie).toHaveLength(1);
  });
});

interface Comparable {
  answer: { status: number; headers: Record<string, string>; body: string };
  /** How the body's end is told: by its length, by chunks, or not at all (no body). */
  framing: 'content-length' | 'chunked' | 'none';
}

/** An answer with what differs by nature set aside: its request id, and the length framing. */
async function comparable(response: Response): Promise<Comparable> {
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!unequalByNature.has(name)) headers[name] = value;
  });
  headers['set-cookie'] = response.headers.getSetCookie().map(withoutToken).join('\n');
  const body = (await response.text()).replaceAll(requestId ?? '', '<request id>');
  const framing = response.headers.has('content-length')
    ? 'content-length'
    : response.headers.get('transfer-encoding') === 'chunked'
      ? 'chunked'
      : 'none';
  return { answer: { status: response.status, headers, body }, framing };
}

/** A Set-Cookie line with its token and expiry date, which differ at every sign-in, replaced. */
function withoutToken(line: string): string {
  return line
    .replace(/^([^=]+)=[^;]+/, '$1=<token>')
    .replace(/Expires=(?!Thu, 01 Jan 1970)[^;]+/i, 'Expires=<date>');
}
