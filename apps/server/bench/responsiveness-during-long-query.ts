/**
 * Responsiveness: while one 2 s query runs on the server's database, do `/healthz`, a static
 * asset and a signed-in read of a small row keep answering? Each is loaded by autocannon at a
 * steady rate (all at once) for the length of the long query, and its p99 is compared with
 * the same load without the long query, measured in the same run (the ratio). Target: p99 under
 * 50 ms for `/healthz` and the asset during the query.
 *
 * The server runs as its own process (responsiveness-server.ts), so the load generator does not
 * share its event loop: a blocked server thread shows as latency here, not as requests never
 * sent. On PGlite the signed-in read needs the one database session the long query holds, so it
 * waits for it; on PostgreSQL it takes another connection of the pool.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import type { DatabaseConfig } from '@prevention/db';
import type { ServerMessage, ServerRequest } from './responsiveness-server.js';

const longQuerySeconds = 2;
const connectionsPerRoute = 2;
/** A steady rate per route: the probe measures waiting, not what saturating two cores costs. */
const requestsPerSecondPerRoute = 200;
const targetMs = 50;

interface Route {
  label: string;
  path: string;
  headers: Record<string, string>;
}

interface RouteResult {
  label: string;
  idleP99: number;
  duringP99: number;
  duringMax: number;
  requests: number;
  errors: number;
}

async function startServer(config: DatabaseConfig): Promise<{
  child: ChildProcess;
  ready: Extract<ServerMessage, { op: 'ready' }>;
}> {
  const child = fork(new URL('./responsiveness-server.ts', import.meta.url), {
    env: { ...process.env, BENCH_SERVER_DATABASE: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [ServerMessage];
  if (ready.op !== 'ready') throw new Error(`the server said ${ready.op} before it was ready`);
  return { child, ready };
}

function request(child: ChildProcess, message: ServerRequest): void {
  child.send(message);
}

async function load(url: string, routes: readonly Route[], seconds: number) {
  return Promise.all(
    routes.map((route) =>
      autocannon({
        url: `${url}${route.path}`,
        headers: route.headers,
        connections: connectionsPerRoute,
        overallRate: requestsPerSecondPerRoute,
        duration: seconds,
      }),
    ),
  );
}

async function measure(label: string, config: DatabaseConfig): Promise<RouteResult[]> {
  const { child, ready } = await startServer(config);
  try {
    const routes: Route[] = [
      { label: '/healthz', path: '/healthz', headers: {} },
      { label: 'static asset', path: ready.asset, headers: {} },
      {
        label: 'signed-in read (areas.byCode)',
        path: ready.readPath,
        headers: ready.headers,
      },
    ];
    await load(ready.url, routes, 1); // warm-up
    const idle = await load(ready.url, routes, longQuerySeconds);
    const done = once(child, 'message');
    request(child, { op: 'long-query', seconds: longQuerySeconds });
    const during = await load(ready.url, routes, longQuerySeconds);
    const [finished] = (await done) as [ServerMessage];
    if (finished.op !== 'long-query-done') throw new Error(`unexpected ${finished.op}`);
    process.stdout.write(`${label}: the long query took ${Math.round(finished.ms)} ms\n`);
    return routes.map((route, index) => ({
      label: `${route.label}, ${label}`,
      idleP99: idle[index]?.latency.p99 ?? Number.NaN,
      duringP99: during[index]?.latency.p99 ?? Number.NaN,
      duringMax: during[index]?.latency.max ?? Number.NaN,
      requests: during[index]?.requests.total ?? 0,
      errors: (during[index]?.errors ?? 0) + (during[index]?.non2xx ?? 0),
    }));
  } finally {
    const stopped = once(child, 'exit');
    request(child, { op: 'stop' });
    await stopped;
  }
}

const results: RouteResult[] = [];
results.push(...(await measure('PGlite', { kind: 'pglite', dataDir: null })));
const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl) {
  const schema = `bench_responsive_${process.pid}`;
  results.push(
    ...(await measure('PostgreSQL', { kind: 'postgres', url: postgresUrl, schema, poolSize: 10 })),
  );
}

const rows = results.map((r) => [
  r.label.padEnd(42),
  `${r.idleP99} ms`.padStart(10),
  `${r.duringP99} ms`.padStart(12),
  `${r.duringMax} ms`.padStart(10),
  (r.duringP99 / Math.max(r.idleP99, 1)).toFixed(1).padStart(7),
  String(r.requests).padStart(9),
  String(r.errors).padStart(7),
  r.label.startsWith('signed-in')
    ? r.label.endsWith('PGlite')
      ? '  (waits for the one session)'
      : ''
    : r.duringP99 < targetMs
      ? '  met'
      : '  MISSED',
]);
process.stdout.write(
  `\nResponsiveness during a ${longQuerySeconds} s query: autocannon, ${requestsPerSecondPerRoute} req/s over ${connectionsPerRoute} connections per route, all routes at once, server in its own process\n` +
    `${'route'.padEnd(42)}${'idle p99'.padStart(10)}${'during p99'.padStart(12)}${'max'.padStart(10)}${'ratio'.padStart(7)}${'requests'.padStart(9)}${'errors'.padStart(7)}  target p99 < ${targetMs} ms\n` +
    rows.map((cells) => cells.join('')).join('\n') +
    `\n(ratio = p99 during the long query relative to p99 of the same load without it, in this run)\n`,
);
