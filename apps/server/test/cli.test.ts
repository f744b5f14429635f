import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseKinds } from '@prevention/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReady, runCli } from './cli-process.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'prevention-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the command line', () => {
  it('stops with a message that names every bad variable, and no stack trace', async () => {
    const cli = runCli(['start'], {
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      DATA_DIR: join(dataDir, 'never'),
    });
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain('PORT must be a number (got "abc")');
    expect(cli.stderr()).toContain('LOG_LEVEL must be one of');
    expect(cli.stderr()).not.toMatch(/\bat .+:\d+/);
    expect(existsSync(join(dataDir, 'never'))).toBe(false);
  });

  it('prints its usage for help, and refuses an unknown command', async () => {
    const help = runCli(['help'], {});
    expect(await help.exited).toBe(0);
    expect(help.stdout()).toContain('Usage: prevention <command>');
    const unknown = runCli(['frobnicate'], {});
    expect(await unknown.exited).toBe(2);
    expect(unknown.stderr()).toContain('Unknown command');
  });

  it('serves, refuses a second process on its data directory, shuts down cleanly and reuses the data', async () => {
    const env = { DATA_DIR: join(dataDir, 'app'), PORT: '0', HOST: '127.0.0.1' };
    const first = runCli(['start'], env);
    const { url } = (await first.waitForLog(isReady)) as { url: string };
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(first.stdout()).toContain('loaded the demo data set');

    const second = runCli(['start'], env);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(`is in use by process ${first.child.pid}`);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.stdout()).toContain('the database is checkpointed and closed');
    expect(existsSync(join(env.DATA_DIR, 'server.lock'))).toBe(false);

    const third = runCli(['start'], env);
    const { url: again } = (await third.waitForLog(isReady)) as { url: string };
    expect(third.stdout()).toContain('the demo data set is already loaded');
    const input = encodeURIComponent(JSON.stringify({ parentCode: 'MLI' }));
    const body = (await (await fetch(`${again}/trpc/areas.list?input=${input}`)).json()) as {
      result: { data: unknown[] };
    };
    expect(body.result.data).toHaveLength(11);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });

  it('migrates and seeds on request, once', async () => {
    const env = { DATA_DIR: join(dataDir, 'seeded') };
    const seed = runCli(['seed'], env);
    expect(await seed.exited).toBe(0);
    expect(seed.stdout()).toContain('loaded the demo data set');
    const again = runCli(['seed'], env);
    expect(await again.exited).toBe(0);
    expect(again.stdout()).toContain('the demo data set is already loaded');
  });
});

describe.runIf(databaseKinds().includes('postgres'))('the command line on PostgreSQL', () => {
  const database = `prevention_cli_${process.pid}`;
  let url: string;

  beforeAll(async () => {
    const testUrl = process.env.TEST_DATABASE_URL;
    if (!testUrl)
      throw new Error(
        'TEST_DATABASE_URL is not set. In CI every database test must also run on PostgreSQL.',
      );
    await admin(testUrl, `create database ${database}`);
    const target = new URL(testUrl);
    target.pathname = `/${database}`;
    url = target.toString();
  });

  afterAll(async () => {
    const testUrl = process.env.TEST_DATABASE_URL;
    if (testUrl) await admin(testUrl, `drop database if exists ${database} with (force)`);
  });

  it('runs the same server with DATABASE_URL and no other change', async () => {
    const cli = runCli(['start'], {
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dataDir, 'unused'),
    });
    const { url: base } = (await cli.waitForLog(isReady)) as { url: string };
    const info = (await (await fetch(`${base}/trpc/system.info`)).json()) as {
      result: { data: { database: string } };
    };
    expect(info.result.data.database).toBe('postgres');
    expect(existsSync(join(dataDir, 'unused'))).toBe(false);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });
});

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
