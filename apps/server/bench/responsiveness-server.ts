/**
 * The server process of the responsiveness benchmark: the real server on a fresh database, with
 * a signed-in user and a small built web app, started by `responsiveness-during-long-query.ts`
 * over IPC. On request it runs one long query on its own database, so the parent can measure
 * how the server answers meanwhile. Not a route: nothing outside this benchmark can start it.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { deriveServerKeys, queueImport, runImport, stagingDepthFor } from '@prevention/api';
import { insertUser, openDatabase, type DatabaseConfig } from '@prevention/db';
import { newId } from '@prevention/core';
import { generateSyntheticAcled } from '@prevention/exchange/synthetic';
import { sql } from 'kysely';
import { startBenchServer } from './api-bench-server.js';

export type ServerRequest =
  | { op: 'long-query'; seconds: number }
  /** Imports a synthetic ACLED file of this many rows, as the import job would. */
  | { op: 'import'; rows: number }
  | { op: 'stop' };
export type ServerMessage =
  | {
      op: 'ready';
      url: string;
      headers: Record<string, string>;
      readPath: string;
      asset: string;
    }
  | { op: 'long-query-done'; ms: number }
  | { op: 'import-done'; ms: number; added: number; status: string }
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
const server = await startBenchServer(database, 'fast-path', { schema, webRoot });
send({
  op: 'ready',
  url: server.url,
  headers: server.headers,
  readPath: server.readPath,
  asset: '/assets/app.js',
});

process.on('message', (request: ServerRequest) => {
  void (async () => {
    if (request.op === 'import') {
      const started = performance.now();
      const done = await importSynthetic(request.rows);
      send({
        op: 'import-done',
        ms: performance.now() - started,
        added: done.added,
        status: done.status,
      });
    } else if (request.op === 'long-query') {
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

/** The import job's work, in this process, on a file written first (not timed). */
async function importSynthetic(rows: number) {
  const file = join(webRoot, 'acled.csv');
  const out = createWriteStream(file);
  for await (const chunk of generateSyntheticAcled({ seed: 5, rows }))
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  out.end();
  await finished(out);
  const user = await insertUser(database.db, {
    id: newId(),
    email: `importer-${Date.now()}@example.org`,
    displayName: 'Importer',
    roles: ['hq-planner'],
    scope: { kind: 'global' },
    clearance: 'restricted',
    passwordHash: 'x',
    now: new Date(),
  });
  const ctx = {
    db: database.db,
    now: () => new Date(),
    requestId: 'bench:import',
    security: {
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 60 * 60_000,
      passwordHashing: { memoryCost: 256, timeCost: 1, parallelism: 1 },
      keys: deriveServerKeys('bench-secret-that-is-long-enough-to-derive-keys'),
      signInThrottle: { windowMs: 60_000, maxFailuresPerAccount: 5, maxFailuresPerAddress: 50 },
    },
  };
  const actor = {
    userId: user.id,
    roles: user.roles,
    scope: user.scope,
    clearance: user.clearance,
  };
  const { batch } = await queueImport(ctx, actor, {
    format: 'acled',
    fileName: 'acled.csv',
    contentHash: '0'.repeat(64),
    byteSize: 1,
    mode: 'all-or-nothing',
    sensitivity: 'public',
  });
  return runImport(ctx, batch.id, () => createReadStream(file) as AsyncIterable<Uint8Array>, {
    stagingDepth: stagingDepthFor(database.kind),
  });
}
