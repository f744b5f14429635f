/**
 * API throughput: a tRPC read procedure that reads one row from the database, through the real
 * server with a signed-in session (so the session lookup, CSRF checks, security headers and rate
 * limiting are included), against a bare Fastify JSON route measured in the same run.
 * Run with `pnpm bench` (or `pnpm --filter @prevention/server bench`). BENCH_SECONDS sets the
 * duration of each measurement (default 5); BENCH_DATABASE_URL adds a run on PostgreSQL.
 */
import autocannon from 'autocannon';
import { hashPassword, owaspArgon2id } from '@prevention/api';
import { newId } from '@prevention/core';
import {
  insertUser,
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

async function measure(
  label: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<Measurement> {
  // A short warm-up lets the JIT and the database caches settle before the measured run.
  await autocannon({ url, connections, duration: 1, headers });
  const result = await autocannon({ url, connections, duration: seconds, headers });
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
  try {
    const headers = { cookie: await signedInCookie(database, url), 'x-prevention-client': 'bench' };
    const input = encodeURIComponent(JSON.stringify({ code: 'SDN' }));
    return await measure(label, `${url}/trpc/areas.byCode?input=${input}`, headers);
  } finally {
    await server.stop();
    if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
    await database.close();
  }
}

/** A user signed in over HTTP: the read is measured with its session, as a browser makes it. */
async function signedInCookie(database: DatabaseHandle, url: string): Promise<string> {
  const password = 'bench password for one user';
  await insertUser(database.db, {
    id: newId(),
    email: 'bench@example.org',
    displayName: 'Benchmark',
    roles: ['hq-planner'],
    scope: { kind: 'global' },
    clearance: 'restricted',
    passwordHash: await hashPassword(password, owaspArgon2id),
    now: new Date(),
  });
  const response = await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-prevention-client': 'bench', origin: url },
    body: JSON.stringify({ email: 'bench@example.org', password }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed with ${response.status}`);
  return cookie;
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
