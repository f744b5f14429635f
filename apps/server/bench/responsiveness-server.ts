/**
 * The server process of the responsiveness benchmark: the real server on a fresh database, with
 * a signed-in user and a small built web app, started by `responsiveness-during-long-query.ts`
 * over IPC. On request it runs one long query on its own database, so the parent can measure
 * how the server answers meanwhile. Not a route: nothing outside this benchmark can start it.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@prevention/api';
import { newId } from '@prevention/core';
import {
  insertUser,
  migrateToLatest,
  openDatabase,
  syncReferenceData,
  type DatabaseConfig,
} from '@prevention/db';
import { sql } from 'kysely';
import { createServer } from '../src/server.js';

export type ServerRequest = { op: 'long-query'; seconds: number } | { op: 'stop' };
export type ServerMessage =
  | { op: 'ready'; url: string; cookie: string; asset: string }
  | { op: 'long-query-done'; ms: number }
  | { op: 'stopped' };

const send = (message: ServerMessage) => process.send?.(message);
const config = JSON.parse(process.env.BENCH_SERVER_DATABASE ?? 'null') as DatabaseConfig | null;
if (!config) throw new Error('BENCH_SERVER_DATABASE names the database to open');

const webRoot = await mkdtemp(join(tmpdir(), 'prevention-bench-web-'));
await mkdir(join(webRoot, 'assets'));
await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>bench</title>');
// About the size of one of the app's scripts.
await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log(1);\n'.repeat(4000));

const database = await openDatabase(config);
const schema = config.kind === 'postgres' ? config.schema : undefined;
if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(database.db);
await migrateToLatest(database.db, schema ? { schema } : {});
await syncReferenceData(database.db);
const password = 'bench password for one user';
await insertUser(database.db, {
  id: newId(),
  email: 'bench@example.org',
  displayName: 'Benchmark',
  roles: ['hq-planner'],
  scope: { kind: 'global' },
  clearance: 'restricted',
  passwordHash: await hashPassword(password, { memoryCost: 256, timeCost: 1, parallelism: 1 }),
  now: new Date(),
});
const server = await createServer({
  config: {
    PORT: 0,
    HOST: '127.0.0.1',
    APP_MODE: 'production',
    LOG_LEVEL: 'silent',
    BODY_LIMIT_BYTES: 1 << 20,
    WEB_ROOT: webRoot,
    TRUST_PROXY: false,
    RATE_LIMIT_PER_MINUTE: 1_000_000,
    APP_SECRET: 'bench-secret-that-is-long-enough-to-derive-keys',
    SESSION_IDLE_MINUTES: 30,
    SESSION_ABSOLUTE_HOURS: 12,
  },
  database,
  version: 'bench',
});
const url = await server.start();
const response = await fetch(`${url}/trpc/auth.signIn`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-prevention-client': 'bench', origin: url },
  body: JSON.stringify({ email: 'bench@example.org', password }),
});
const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
if (!cookie) throw new Error(`sign-in failed with ${response.status}`);
send({ op: 'ready', url, cookie, asset: '/assets/app.js' });

process.on('message', (request: ServerRequest) => {
  void (async () => {
    if (request.op === 'long-query') {
      const started = performance.now();
      await sql`select pg_sleep(${request.seconds})`.execute(database.db);
      send({ op: 'long-query-done', ms: performance.now() - started });
    } else {
      await server.stop();
      if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
      await database.close();
      await rm(webRoot, { recursive: true, force: true });
      send({ op: 'stopped' });
      process.disconnect();
    }
  })();
});
