/**
 * Responsiveness during a large import: while the server imports BENCH_ROWS (1,000,000 by
 * default) synthetic ACLED rows, as its import job does, `/healthz` and a signed-in read of a
 * small row are loaded at a steady rate, and their p50 and p99 printed with those of the same
 * load before the import, measured in the same run (the ratio). Target: p99 under 200 ms.
 *
 * The server runs as its own process (responsiveness-server.ts), so the load generator does not
 * share its event loop. On PGlite the read needs the one database session, which the import's
 * staging statements take in turn: the read waits for at most one chunk.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import type { DatabaseConfig } from '@prevention/db';
import type { ServerMessage, ServerRequest } from './responsiveness-server.js';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const requestsPerSecondPerRoute = 50;
const targetMs = 200;

interface Route {
  label: string;
  path: string;
  headers: Record<string, string>;
}

async function startServer(config: DatabaseConfig) {
  const child = fork(new URL('./responsiveness-server.ts', import.meta.url), {
    env: { ...process.env, BENCH_SERVER_DATABASE: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [ServerMessage];
  if (ready.op !== 'ready') throw new Error(`the server said ${ready.op} before it was ready`);
  return { child, ready };
}

const send = (child: ChildProcess, message: ServerRequest) => child.send(message);

/** Loads every route at a steady rate until `until` settles (or for `seconds`). */
async function load(url: string, routes: readonly Route[], until: Promise<unknown> | number) {
  const stops: (() => void)[] = [];
  const runs = routes.map(
    (route) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: `${url}${route.path}`,
            headers: route.headers,
            connections: 2,
            overallRate: requestsPerSecondPerRoute,
            duration: typeof until === 'number' ? until : 24 * 3600,
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        stops.push(() => instance.stop());
      }),
  );
  if (typeof until !== 'number') void until.then(() => stops.forEach((stop) => stop()));
  return Promise.all(runs);
}

async function measure(label: string, config: DatabaseConfig) {
  const { child, ready } = await startServer(config);
  try {
    const routes: Route[] = [
      { label: '/healthz', path: '/healthz', headers: {} },
      { label: 'signed-in read (areas.byCode)', path: ready.readPath, headers: ready.headers },
    ];
    await load(ready.url, routes, 1);
    const idle = await load(ready.url, routes, 3);
    const finished = once(child, 'message').then(([m]) => m as ServerMessage);
    send(child, { op: 'import', rows });
    const during = await load(ready.url, routes, finished);
    const done = await finished;
    if (done.op !== 'import-done') throw new Error(`unexpected ${done.op}`);
    process.stdout.write(
      `${label}: the import of ${done.added.toLocaleString('en')} rows (${done.status}) took ${(done.ms / 1000).toFixed(1)} s, file generation included\n`,
    );
    return routes.map((route, i) => ({
      label: `${route.label}, ${label}`,
      idleP99: idle[i]?.latency.p99 ?? Number.NaN,
      p50: during[i]?.latency.p50 ?? Number.NaN,
      p99: during[i]?.latency.p99 ?? Number.NaN,
      max: during[i]?.latency.max ?? Number.NaN,
      requests: during[i]?.requests.total ?? 0,
      errors: (during[i]?.errors ?? 0) + (during[i]?.non2xx ?? 0),
    }));
  } finally {
    const stopped = once(child, 'exit');
    send(child, { op: 'stop' });
    await stopped;
  }
}

const results = [...(await measure('PGlite', { kind: 'pglite', dataDir: null }))];
const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl)
  results.push(
    ...(await measure('PostgreSQL', {
      kind: 'postgres',
      url: postgresUrl,
      schema: `bench_import_responsive_${process.pid}`,
      poolSize: 10,
    })),
  );

process.stdout.write(
  `\nResponsiveness during an import of ${rows.toLocaleString('en')} ACLED rows: autocannon, ${requestsPerSecondPerRoute} req/s per route, server in its own process\n` +
    `${'route'.padEnd(44)}${'idle p99'.padStart(10)}${'p50'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}${'ratio'.padStart(7)}${'requests'.padStart(9)}${'errors'.padStart(7)}  target p99 < ${targetMs} ms\n` +
    results
      .map((r) =>
        [
          r.label.padEnd(44),
          `${r.idleP99} ms`.padStart(10),
          `${r.p50}`.padStart(8),
          `${r.p99}`.padStart(8),
          `${r.max}`.padStart(8),
          (r.p99 / Math.max(r.idleP99, 1)).toFixed(1).padStart(7),
          String(r.requests).padStart(9),
          String(r.errors).padStart(7),
          r.p99 < targetMs ? '  met' : '  MISSED',
        ].join(''),
      )
      .join('\n') +
    `\n(ratio = p99 during the import relative to p99 of the same load before it, in this run)\n`,
);
