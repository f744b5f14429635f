/**
 * API throughput: a tRPC read procedure that reads one row from the database, through the real
 * server with a signed-in session (so the session lookup, CSRF checks, security headers and rate
 * limiting are included), against a bare Fastify JSON route measured in the same run.
 * Run with `pnpm bench` (or `pnpm --filter @prevention/server bench`). BENCH_SECONDS sets the
 * duration of each measurement (default 5); BENCH_DATABASE_URL adds a run on PostgreSQL.
 */
import { openDatabase, type DatabaseConfig } from '@prevention/db';
import Fastify from 'fastify';
import type { TrpcHandling } from '../src/server.js';
import { startBenchServer } from './api-bench-server.js';
import { loadLatency } from './load-latency.js';

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
  const { requestsPerSecond, p99, errors } = await loadLatency(url, {
    connections,
    seconds,
    headers,
  });
  return { label, requestsPerSecond, p99, errors };
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

/** The read through a new server over a fresh database of the given kind, one handling of /trpc. */
async function trpcRead(
  label: string,
  config: DatabaseConfig,
  trpc: TrpcHandling,
  schema?: string,
): Promise<Measurement> {
  const database = await openDatabase(config);
  try {
    const server = await startBenchServer(database, trpc, { schema });
    try {
      return await measure(label, `${server.url}${server.readPath}`, server.headers);
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
  }
}

const handlings: { trpc: TrpcHandling; label: string }[] = [
  { trpc: 'adapter', label: "tRPC's adapter (previous)" },
  { trpc: 'fast-path', label: 'fast path' },
];
const results: Measurement[] = [];
results.push(await bareFastify());
for (const { trpc, label } of handlings) {
  results.push(
    await trpcRead(`areas.byCode, PGlite, ${label}`, { kind: 'pglite', dataDir: null }, trpc),
  );
}
const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl) {
  for (const { trpc, label } of handlings) {
    // A schema of its own, dropped afterwards, so the benchmark leaves the database as it found it.
    const schema = `bench_${process.pid}_${trpc.replace('-', '_')}`;
    results.push(
      await trpcRead(
        `areas.byCode, PostgreSQL, ${label}`,
        { kind: 'postgres', url: postgresUrl, schema },
        trpc,
        schema,
      ),
    );
  }
}

const baseline = results[0]?.requestsPerSecond ?? 1;
const rows = results.map((r) => [
  r.label.padEnd(48),
  Math.round(r.requestsPerSecond).toLocaleString('en').padStart(9),
  `${r.p99} ms`.padStart(9),
  (r.requestsPerSecond / baseline).toFixed(3).padStart(8),
  String(r.errors).padStart(7),
]);
process.stdout.write(
  `\nAPI throughput: autocannon, ${connections} connections, ${seconds} s per route, load generator on the same machine\n` +
    `${'route'.padEnd(48)}${'req/s'.padStart(9)}${'p99'.padStart(9)}${'ratio'.padStart(8)}${'errors'.padStart(7)}\n` +
    rows.map((cells) => cells.join('')).join('\n') +
    `\n(ratio = req/s relative to the bare Fastify route measured in this run)\n`,
);
