import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseConfig } from '@prevention/db';
import { databaseKinds } from '@prevention/db/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReady, runCli } from './cli-process.js';
import { copySeededDemo } from './seeded-demo.js';

const productionSecret = 'a-production-secret-for-the-cli-tests-only';

/** Signs in over HTTP as a browser would, and returns the session cookie. */
async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-prevention-client': 'test', origin: url },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

async function query(url: string, path: string, cookie: string | null, input?: unknown) {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${url}/trpc/${path}${search}`, {
    headers: { 'x-prevention-client': 'test', ...(cookie ? { cookie } : {}) },
  });
  return {
    status: response.status,
    body: (await response.json()) as { result: { data: unknown } },
  };
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'prevention-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

// Every test here starts one or more processes that compile the sources with tsx, and several
// create and seed a database: about 15 s each alone, but over 30 s when the whole suite shares two
// cores with it (CI saw four time out at 30 s). The limit is for hangs, not for speed.
const processTimeout = { timeout: 120_000 };

describe('the command line', processTimeout, () => {
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

  // Four server processes, one after another, the first loading the demo data.
  it('serves, refuses a second process on its data directory, shuts down cleanly and reuses the data', async () => {
    const env = { DATA_DIR: join(dataDir, 'app'), PORT: '0', HOST: '127.0.0.1' };
    // A signal while the first start seeds: it finishes, then stops cleanly.
    const seeding = runCli(['start'], env);
    await seeding.waitForLog((entry) => entry.msg === 'opening the database');
    seeding.child.kill('SIGTERM');
    expect(await seeding.exited).toBe(0);
    expect(seeding.stderr()).toContain('Received SIGTERM: stopping once the server has started');
    expect(seeding.stdout()).toContain('loaded the demo data set');
    expect(seeding.stdout()).toContain('created 6 demo users');
    expect(seeding.stdout()).toContain('the database is checkpointed and closed');

    const first = runCli(['start'], env);
    const { url } = (await first.waitForLog(isReady)) as { url: string };
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(first.stdout()).toContain('the demo data set is already loaded');
    expect(first.stderr()).toContain('admin@demo.example');

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
    expect((await query(again, 'areas.list', null, { parentCode: 'MLI' })).status).toBe(401);
    const cookie = await signIn(again, 'hq-planner@demo.example', 'prevention-demo');
    const areas = await query(again, 'areas.list', cookie, { parentCode: 'MLI' });
    expect(areas.body.result.data).toHaveLength(11);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 240_000);

  it('refuses production mode with the published APP_SECRET', async () => {
    const cli = runCli(['start'], { APP_MODE: 'production', DATA_DIR: join(dataDir, 'never') });
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain('APP_SECRET must be set to a secret of your own');
    expect(cli.stderr()).not.toMatch(/\bat .+:\d+/);
  });

  it('creates the first administrator, whom production mode then serves', async () => {
    const env = {
      DATA_DIR: join(dataDir, 'production'),
      APP_MODE: 'production',
      APP_SECRET: productionSecret,
      PORT: '0',
      HOST: '127.0.0.1',
    };
    const weak = runCli(['create-admin', 'ada@example.org', 'Ada Admin'], env, {
      input: 'password\n',
    });
    expect(await weak.exited).toBe(1);
    expect(weak.stderr()).toContain('most common');

    const admin = runCli(['create-admin', 'ada@example.org', 'Ada Admin'], env, {
      input: ' a passphrase with spaces \n',
    });
    expect(await admin.exited).toBe(0);
    expect(admin.stdout()).toContain('Created the administrator ada@example.org');

    const server = runCli(['start'], env);
    const { url } = (await server.waitForLog(isReady)) as { url: string };
    expect(server.stdout()).not.toContain('demo');
    const cookie = await signIn(url, 'ada@example.org', ' a passphrase with spaces ');
    const users = await query(url, 'users.list', cookie, {});
    expect(users.body.result.data).toMatchObject({ items: [{ email: 'ada@example.org' }] });
    expect((await query(url, 'auth.demoAccounts', null)).body.result.data).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses production mode on a database that has demo users', async () => {
    const env = { DATA_DIR: join(dataDir, 'demo-then-production') };
    await copySeededDemo(env.DATA_DIR);
    const production = runCli(['start'], {
      ...env,
      APP_MODE: 'production',
      APP_SECRET: productionSecret,
    });
    expect(await production.exited).toBe(1);
    expect(production.stderr()).toContain('Production mode refuses to start');
    expect(production.stderr()).toContain('6 demo user(s)');
  });

  it('verifies the audit log, and names the entry changed behind its back', async () => {
    const env = { DATA_DIR: join(dataDir, 'audited') };
    await copySeededDemo(env.DATA_DIR);
    const intact = runCli(['verify-audit'], env);
    expect(await intact.exited).toBe(0);
    expect(intact.stdout()).toMatch(
      /The audit log is intact: \d+ entries verified, head hash [0-9a-f]{64}/,
    );

    await tamperWithEntry({ kind: 'pglite', dataDir: env.DATA_DIR }, 4);
    const broken = runCli(['verify-audit'], env);
    expect(await broken.exited).toBe(1);
    expect(broken.stderr()).toMatch(
      /The audit log is broken at entry #4 \(id [0-9a-f-]{36}\): its content no longer gives its hash/,
    );
    expect(broken.stderr()).toContain('The 3 entries before it verify.');
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

describe.runIf(databaseKinds().includes('postgres'))(
  'the command line on PostgreSQL',
  processTimeout,
  () => {
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
        DATA_DIR: join(dataDir, 'files'),
      });
      const { url: base } = (await cli.waitForLog(isReady)) as { url: string };
      const info = await query(base, 'system.info', null);
      expect(info.body.result.data).toMatchObject({ database: 'postgres' });
      // DATA_DIR holds files only (the demo's, uploads), never an embedded database.
      expect(existsSync(join(dataDir, 'files', 'pglite'))).toBe(false);
      expect(existsSync(join(dataDir, 'files', 'demo-files', 'acled-demo.csv'))).toBe(true);
      cli.child.kill('SIGTERM');
      // With what it wrote, should it fail: a shutdown on PostgreSQL while the demo's first
      // recomputation runs.
      expect({ exit: await cli.exited, stderr: cli.stderr() }).toEqual({
        exit: 0,
        stderr: expect.any(String),
      });
    });

    it('names the audit entry changed behind its back on PostgreSQL too', async () => {
      const env = { DATABASE_URL: url, DATA_DIR: join(dataDir, 'unused') };
      // Seeded here rather than by the test before, so that this one stands on its own.
      expect(await runCli(['seed'], env).exited).toBe(0);
      const intact = runCli(['verify-audit'], env);
      expect(await intact.exited).toBe(0);
      expect(intact.stdout()).toMatch(/The audit log is intact: \d+ entries verified/);
      await tamperWithEntry({ kind: 'postgres', url }, 2);
      const broken = runCli(['verify-audit'], env);
      expect(await broken.exited).toBe(1);
      expect(broken.stderr()).toContain('The audit log is broken at entry #2');
    });
  },
);

/** What someone with direct access to the database could do, bypassing the application. */
async function tamperWithEntry(config: DatabaseConfig, seq: number): Promise<void> {
  const database = await openDatabase(config);
  try {
    await database.db.transaction().execute(async (trx) => {
      await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(trx);
      await sql`update audit_entry set outcome = 'failure' where seq = ${seq}`.execute(trx);
      await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(trx);
    });
  } finally {
    await database.close();
  }
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
