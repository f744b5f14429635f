import { databaseKinds } from '@prevention/db/testing';
import { describe, expect, it } from 'vitest';
import { testPassword, useTestServer } from './test-server.js';

const minutes = (n: number) => n * 60_000;

function cookieAttributes(setCookie: string | string[] | undefined): {
  name: string;
  attributes: string[];
} {
  const line = Array.isArray(setCookie) ? (setCookie[0] ?? '') : (setCookie ?? '');
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  return { name: pair.split('=')[0] ?? '', attributes: attributes.map((a) => a.toLowerCase()) };
}

describe('the session cookie', () => {
  const test = useTestServer('pglite', { config: { TRUST_PROXY: '127.0.0.1' } });

  async function signInThrough(headers: Record<string, string>) {
    const user = await test.createUser();
    const response = await test.server.app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { 'content-type': 'application/json', 'x-prevention-client': 'test', ...headers },
      payload: { email: user.email, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    return cookieAttributes(response.headers['set-cookie']);
  }

  it('is a __Host- cookie, HttpOnly, SameSite=Strict and Secure, over TLS', async () => {
    const { name, attributes } = await signInThrough({
      host: 'prevention.example.org',
      origin: 'https://prevention.example.org',
      'x-forwarded-proto': 'https',
    });
    expect(name).toBe('__Host-prevention-session');
    expect(attributes).toEqual(
      expect.arrayContaining(['path=/', 'httponly', 'secure', 'samesite=strict']),
    );
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
    expect(attributes.some((a) => a.startsWith('expires='))).toBe(true);
  });

  it('is the same over plain HTTP to localhost, which browsers treat as secure', async () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000']) {
      const { name, attributes } = await signInThrough({ host, origin: `http://${host}` });
      expect(name, host).toBe('__Host-prevention-session');
      expect(attributes, host).toContain('secure');
    }
  });

  it('drops the prefix and the Secure flag over plain HTTP to another host, where a browser would refuse them', async () => {
    const { name, attributes } = await signInThrough({
      host: 'prevention.lan:3000',
      origin: 'http://prevention.lan:3000',
    });
    expect(name).toBe('prevention-session');
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict']));
    expect(attributes).not.toContain('secure');
  });
});

describe('sessions over HTTP without a trusted proxy', () => {
  const test = useTestServer('pglite');

  it('does not believe X-Forwarded-Proto from just anyone', async () => {
    const user = await test.createUser();
    const response = await test.server.app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: {
        host: 'prevention.lan',
        origin: 'http://prevention.lan',
        'x-forwarded-proto': 'https',
        'content-type': 'application/json',
        'x-prevention-client': 'test',
      },
      payload: { email: user.email, password: testPassword },
    });
    expect(cookieAttributes(response.headers['set-cookie']).name).toBe('prevention-session');
  });
});

describe.each(databaseKinds())('the cookie stops working on %s', (kind) => {
  let now = Date.now();
  const test = useTestServer(kind, { now: () => new Date(now) });

  it('after 30 idle minutes', async () => {
    const session = await test.signIn(await test.createUser());
    const cookie = session.cookie;
    now += minutes(29);
    expect(await session.client.auth.session.query()).not.toBeNull();
    now += minutes(31);
    session.useCookie(cookie);
    expect(await session.client.auth.session.query()).toBeNull();
    const refused = await session.fetch('/trpc/areas.list');
    expect(refused.status).toBe(401);
  });

  it('after signing out, even if the browser kept it', async () => {
    const session = await test.signIn(await test.createUser());
    const cookie = session.cookie;
    await session.client.auth.signOut.mutate();
    expect(session.cookie).toBeNull();
    session.useCookie(cookie);
    expect((await session.fetch('/trpc/areas.list')).status).toBe(401);
  });

  it('once an administrator disables the user', async () => {
    const user = await test.createUser();
    const session = await test.signIn(user);
    const admin = await test.signIn(
      await test.createUser({ roles: ['administrator'], scope: { kind: 'global' } }),
    );
    await admin.client.users.update.mutate({ id: user.id, disabled: true });
    expect((await session.fetch('/trpc/areas.list')).status).toBe(401);
  });
});
