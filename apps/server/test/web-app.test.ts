import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestServer } from './test-server.js';

const webRoot = mkdtempSync(join(tmpdir(), 'prevention-web-root-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(
  join(webRoot, 'index.html'),
  '<!doctype html><title>Prevention</title><div id="root"></div>',
);
writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), 'console.log("app")');
writeFileSync(
  join(webRoot, 'assets', 'main-abc123.js.br'),
  brotliCompressSync('console.log("app")'),
);
writeFileSync(
  join(webRoot, 'index.html.gz'),
  gzipSync('<!doctype html><title>Prevention</title><div id="root"></div>'),
);
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

describe('the web app', () => {
  const test = useTestServer('pglite', { webRoot });

  it('serves index.html at the root, revalidated on every load', async () => {
    const response = await fetch(`${test.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('serves index.html for a client route, so deep links work', async () => {
    const response = await fetch(`${test.url}/countries/SDN`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Prevention</title>');
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await fetch(`${test.url}/assets/main-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends the compressed copy the build wrote to a browser that accepts it', async () => {
    const asset = await fetch(`${test.url}/assets/main-abc123.js`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(await asset.text()).toBe('console.log("app")');
    const page = await fetch(`${test.url}/countries/SDN`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(await page.text()).toContain('<div id="root">');
    const plain = await fetch(`${test.url}/assets/main-abc123.js`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('answers a missing file with 404, not with the app', async () => {
    const response = await fetch(`${test.url}/assets/missing.js`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
