/**
 * API throughput: a tRPC read procedure that reads one row from the database, through the real
 * server, against a bare Fastify JSON route measured in the same run on the same machine.
 * Run with `pnpm bench` (or `pnpm --filter @prevention/server bench`). BENCH_SECONDS sets the
 * duration of each measurement (default 5); BENCH_DATABASE_URL adds a run on PostgreSQL.
 */
import autocannon from 'autocannon';
import {
  migrateToLatest,
  openDatabase,
  syncReferenceData,
  type DatabaseHandle,
} from '@prevention/db';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { createServer } from '../src/server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 50;

interface Measurement {
  label: string;
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

async function measure(label: string, url: string): Promise<Measurement> {
  // A short warm-up lets the JIT and the database caches settle before the measured run.
  await autocannon({ url, connections, duration: 1 });
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    label,
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function bareFastify(): Promise<Measurement> {
  const app = Fastify({ logger: false });
  const body = { code: 'SDN', kind: 'country', name: 'Sudan', parentCode: null, adminLevel: 0 };
  app.get('/area', async () => body);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await measure('bare Fastify JSON route', `${url}/area`);
  } finally {
    await app.close();
  }
}

async function trpcRead(
  database: DatabaseHandle,
  label: string,
  schema?: string,
): Promise<Measurement> {
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(database.db);
  await migrateToLatest(database.db, schema ? { schema } : {});
  await syncReferenceData(database.db);
  const server = await createServer({
    config: {
      PORT: 0,
      HOST: '127.0.0.1',
      APP_MODE: 'production',
      LOG_LEVEL: 'silent',
      BODY_LIMIT_BYTES: 1 << 20,
      WEB_ROOT: '/nonexistent',
    },
    database,
    version: 'bench',
  });
  const url = await server.start();
  try {
    const input = encodeURIComponent(JSON.stringify({ code: 'SDN' }));
    return await measure(label, `${url}/trpc/areas.byCode?input=${input}`);
  } finally {
    await server.stop();
    if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
    await database.close();
  }
}

const results: Measurement[] = [];
results.push(await bareFastify());
results.push(
  await trpcRead(
    await openDatabase({ kind: 'pglite', dataDir: null }),
    'tRPC areas.byCode, PGlite',
  ),
);
const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl) {
  // A schema of its own, dropped afterwards, so the benchmark leaves the database as it found it.
  const schema = `bench_${process.pid}`;
  const database = await openDatabase({ kind: 'postgres', url: postgresUrl, schema });
  results.push(await trpcRead(database, 'tRPC areas.byCode, PostgreSQL', schema));
}

const baseline = results[0]?.requestsPerSecond ?? 1;
const rows = results.map((r) => [
  r.label.padEnd(34),
  Math.round(r.requestsPerSecond).toLocaleString('en').padStart(9),
  `${r.p99} ms`.padStart(9),
  (r.requestsPerSecond / baseline).toFixed(3).padStart(8),
  String(r.errors).padStart(7),
]);
process.stdout.write(
  `\nAPI throughput: autocannon, ${connections} connections, ${seconds} s per route, load generator on the same machine\n` +
    `${'route'.padEnd(34)}${'req/s'.padStart(9)}${'p99'.padStart(9)}${'ratio'.padStart(8)}${'errors'.padStart(7)}\n` +
    rows.map((cells) => cells.join('')).join('\n') +
    `\n(ratio = req/s relative to the bare Fastify route measured in this run)\n`,
);
