import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSyntheticAcled } from '@prevention/exchange/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReady, runCli } from './cli-process.js';
import { copySeededDemo } from './seeded-demo.js';

const headers = (cookie: string) => ({
  'x-prevention-client': 'test',
  cookie,
});

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-prevention-client': 'test', origin: url },
    body: JSON.stringify({ email: 'hq-planner@demo.example', password: 'prevention-demo' }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

async function call(url: string, cookie: string, path: string, input: unknown, mutation = false) {
  const response = mutation
    ? await fetch(`${url}/trpc/${path}`, {
        method: 'POST',
        headers: { ...headers(cookie), 'content-type': 'application/json', origin: url },
        body: JSON.stringify(input),
      })
    : await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: headers(cookie),
      });
  const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data as Record<string, unknown>;
}

describe('an import interrupted by SIGKILL', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prevention-import-crash-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps answering during the import and leaves nothing of it visible after a restart', async () => {
    const env = { DATA_DIR: join(dir, 'data'), PORT: '0', LOG_LEVEL: 'info' };
    await copySeededDemo(env.DATA_DIR);
    const first = runCli(['start'], env);
    const { url } = (await first.waitForLog(isReady)) as { url: string };
    const cookie = await signIn(url);
    const count = async (base: string, session: string) =>
      (
        (await call(base, session, 'signals.list', { areaCode: 'HTI', limit: 100 }))
          .items as unknown[]
      ).length;
    const before = await count(url, cookie);

    let csv = '';
    for await (const chunk of generateSyntheticAcled({
      seed: 51,
      countries: ['HTI'],
      rows: 20_000,
    }))
      csv += chunk;
    const uploaded = await fetch(`${url}/api/imports/upload`, {
      method: 'PUT',
      headers: {
        ...headers(cookie),
        'content-type': 'application/octet-stream',
        origin: url,
        'x-file-name': 'big.csv',
      },
      body: csv,
    });
    expect(uploaded.status).toBe(200);
    const { upload } = (await uploaded.json()) as { upload: { id: string } };
    const { batch } = (await call(url, cookie, 'imports.start', { uploadId: upload.id }, true)) as {
      batch: { id: string };
    };

    // Wait until rows are being staged, reading meanwhile: the server keeps answering.
    let staged = 0;
    for (let i = 0; i < 600 && staged === 0; i += 1) {
      const now = await call(url, cookie, 'imports.byId', { id: batch.id });
      staged = Number(now.added);
      expect(now.status).not.toBe('committed');
      expect(await count(url, cookie)).toBe(before);
      if (staged === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(staged).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = runCli(['start'], env);
    const { url: again } = (await second.waitForLog(isReady)) as { url: string };
    const session = await signIn(again);
    const after = await call(again, session, 'imports.byId', { id: batch.id });
    expect(after.status).toBe('failed');
    expect(after.failure).toBe(
      'The server stopped while this file was being imported; nothing was imported.',
    );
    expect(await count(again, session)).toBe(before);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 300_000);
});
