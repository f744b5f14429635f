/**
 * The server process of the responsiveness benchmark: the real server on a fresh database, with
 * a signed-in user and a small built web app, started by `responsiveness-during-long-query.ts`
 * over IPC. On request it runs one long query on its own database, so the parent can measure
 * how the server answers meanwhile. Not a route: nothing outside this benchmark can start it.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseConfig } from '@prevention/db';
import { sql } from 'kysely';
import { startBenchServer } from './api-bench-server.js';

export type ServerRequest = { op: 'long-query'; seconds: number } | { op: 'stop' };
export type ServerMessage =
  | {
      op: 'ready';
      url: string;
      headers: Record<string, string>;
      readPath: string;
      asset: string;
    }
  | { op: 'long-query-done'; ms: number }
  | { op: 'stopped' };

const send = (message: ServerMessage) => process.send?.(message);
const config = JSON.parse(process.env.BENCH_SERVER_DATABASE ?? 'null') as DatabaseConfig | null;
if (!config) throw new Error('BENCH_SERVER_DATABASE names the database to open');

const webRoot = await mkdtemp(join(tmpdir(), 'prevention-bench-web-'));
await mkdir(join(webRoot, 'assets'));
await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>bench</title>');
// About the size of one of the app's scripts.
await writeFile(
  join(webRoot, 'assets', 'app.js'),
  '/* about the size of one of the app scripts */\n'.repeat(1400),
);

const database = await openDatabase(config);
const schema = config.kind === 'postgres' ? config.schema : undefined;
const server = await startBenchServer(database, 'fast-path', schema, webRoot);
send({
  op: 'ready',
  url: server.url,
  headers: server.headers,
  readPath: server.readPath,
  asset: '/assets/app.js',
});

process.on('message', (request: ServerRequest) => {
  void (async () => {
    if (request.op === 'long-query') {
      const started = performance.now();
      await sql`select pg_sleep(${request.seconds})`.execute(database.db);
      send({ op: 'long-query-done', ms: performance.now() - started });
    } else {
      await server.stop();
      await database.close();
      await rm(webRoot, { recursive: true, force: true });
      send({ op: 'stopped' });
      process.disconnect();
    }
  })();
});
