import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestServer } from './test-server.js';

const webRoot = mkdtempSync(join(tmpdir(), 'prevention-web-root-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Prevention</title>');
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

describe('security headers', () => {
  const test = useTestServer('pglite', { webRoot });

  it('sends a CSP without inline script or framing, nosniff and a referrer policy on every response', async () => {
    for (const path of ['/', '/countries/SDN', '/healthz', '/trpc/system.info', '/missing.js']) {
      const response = await test.newSession().fetch(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('forbids caching of API responses, errors included', async () => {
    const session = test.newSession();
    expect((await session.fetch('/trpc/system.info')).headers.get('cache-control')).toBe(
      'no-store',
    );
    const refused = await session.fetch('/trpc/areas.list');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const guarded = await fetch(`${test.url}/trpc/system.info`);
    expect(guarded.status).toBe(403);
    expect(guarded.headers.get('cache-control')).toBe('no-store');
  });

  it('ignores X-Forwarded-Proto from a proxy it was not told to trust', async () => {
    const response = await test.server.app.inject({
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('security headers behind a trusted TLS proxy', () => {
  const test = useTestServer('pglite', { config: { TRUST_PROXY: true } });

  it('sends HSTS when the request came over TLS', async () => {
    const response = await test.server.app.inject({
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const plain = await test.server.app.inject({ url: '/healthz' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('rate limits', () => {
  const test = useTestServer('pglite', { config: { RATE_LIMIT_PER_MINUTE: 10 } });

  it('answers 429 with the request id and a safe message past the limit, but never on health checks', async () => {
    const session = test.newSession();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await session.fetch('/trpc/system.info')).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    const limited = await session.fetch('/trpc/system.info');
    expect(limited.status).toBe(429);
    const body = (await limited.json()) as {
      error: { code: string; message: string; requestId: string };
    };
    expect(body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(body.error.requestId).toBe(limited.headers.get('x-request-id'));
    expect((await fetch(`${test.url}/healthz`)).status).toBe(200);
  });
});
