/**
 * A CPU profile of the server alone while it answers the signed-in read of the API benchmark:
 * the load comes from autocannon in a child process, so the profile holds no load generator,
 * and profiling starts after a warm-up, so it holds no start-up. Prints the functions with the
 * most self time and the most total time, and writes the .cpuprofile for a viewer. Before the
 * profiled run, an unprofiled one of the same length measures the server's CPU time per request
 * (user + system, from process.cpuUsage): unlike requests per second, it barely depends on what
 * else the machine is running.
 *
 *   tsx --conditions=@prevention/source bench/profile-api.ts
 *
 * BENCH_SECONDS (default 5), BENCH_DATABASE_URL (profile on PostgreSQL instead of PGlite) and
 * BENCH_TRPC (`fast-path`, the default, or `adapter`) choose what is profiled;
 * BENCH_SYSTEM_INFO=1 loads `system.info` instead, a public query that reads no database, to
 * see the HTTP and tRPC layers alone.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Session, type Profiler } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@prevention/db';
import type { TrpcHandling } from '../src/server.js';
import { startBenchServer } from './api-bench-server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const trpc: TrpcHandling = process.env.BENCH_TRPC === 'adapter' ? 'adapter' : 'fast-path';
const postgresUrl = process.env.BENCH_DATABASE_URL;
const systemInfoOnly = process.env.BENCH_SYSTEM_INFO === '1';
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface LoadResult {
  requests: number;
  non2xx: number;
  errors: number;
}

/** Runs autocannon in its own process; resolves to its count of requests answered. */
function load(url: string, headers: Record<string, string>, duration: number): Promise<LoadResult> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const child = spawn(
    process.execPath,
    [autocannonCli, '--json', '-c', '50', '-d', String(duration), ...headerArgs, url],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const result = JSON.parse(output) as {
        requests: { total: number };
        non2xx: number;
        errors: number;
      };
      resolve({ requests: result.requests.total, non2xx: result.non2xx, errors: result.errors });
    });
  });
}

function summarise(profile: Profiler.Profile, top: number): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  const name = (node: Profiler.ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url
      .replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
      .replace(/^.*\/(apps|packages)\//, '$1/');
    return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (const id of samples) {
    const leaf = nodes.get(id);
    if (!leaf) continue;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + 1);
    // A recursive function counts once per sample in its total time.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const node = nodes.get(at);
      if (!node || seen.has(name(node))) continue;
      seen.add(name(node));
      total.set(name(node), (total.get(name(node)) ?? 0) + 1);
    }
  }
  const table = (title: string, counts: Map<string, number>) =>
    `${title}\n` +
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, count]) => `${((100 * count) / samples.length).toFixed(1).padStart(6)}%  ${fn}`)
      .join('\n');
  return `${table('self time', self)}\n\n${table('total time', total)}\n`;
}

const database = postgresUrl
  ? await openDatabase({ kind: 'postgres', url: postgresUrl, schema: `profile_${process.pid}` })
  : await openDatabase({ kind: 'pglite', dataDir: null });
const server = await startBenchServer(
  database,
  trpc,
  postgresUrl ? { schema: `profile_${process.pid}` } : {},
);
const session = new Session();
session.connect();
try {
  const target = `${server.url}${systemInfoOnly ? '/trpc/system.info' : server.readPath}`;
  await load(target, server.headers, 1);
  const before = process.cpuUsage();
  const measured = await load(target, server.headers, seconds);
  const cpu = process.cpuUsage(before);
  const perRequest = (microseconds: number) =>
    Math.round(microseconds / Math.max(1, measured.requests));
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  await load(target, server.headers, seconds);
  const { profile } = await session.post('Profiler.stop');
  const file = join(tmpdir(), `api-${trpc}-${database.kind}-${process.pid}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  process.stdout.write(
    `${trpc}, ${database.kind}, ${systemInfoOnly ? 'system.info' : 'areas.byCode'}: ${measured.requests} requests in ${seconds} s ` +
      `(${measured.errors + measured.non2xx} errors), server CPU ${perRequest(cpu.user + cpu.system)} µs a request ` +
      `(${perRequest(cpu.user)} user, ${perRequest(cpu.system)} system)\n` +
      `CPU profile of the server over another ${seconds} s: ${file}\n\n${summarise(profile, 30)}`,
  );
} finally {
  session.disconnect();
  await server.stop();
  await database.close();
}
