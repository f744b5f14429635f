/**
 * A CPU profile of the server alone while it answers the signed-in read of the API benchmark:
 * the load comes from autocannon in a child process, so the profile holds no load generator,
 * and profiling starts after a warm-up, so it holds no start-up. Prints the functions with the
 * most self time and the most total time, and writes the .cpuprofile for a viewer.
 *
 *   tsx --conditions=@prevention/source bench/profile-api.ts
 *
 * BENCH_SECONDS (default 5), BENCH_DATABASE_URL (profile on PostgreSQL instead of PGlite) and
 * BENCH_TRPC (`fast-path`, the default, or `adapter`) choose what is profiled.
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
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

function load(url: string, headers: Record<string, string>, duration: number): Promise<void> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const child = spawn(
    process.execPath,
    [autocannonCli, '-c', '50', '-d', String(duration), ...headerArgs, url],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`autocannon ${code}`))));
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
  postgresUrl ? `profile_${process.pid}` : undefined,
);
const session = new Session();
session.connect();
try {
  const target = `${server.url}${server.readPath}`;
  await load(target, server.headers, 1);
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  await load(target, server.headers, seconds);
  const { profile } = await session.post('Profiler.stop');
  const file = join(tmpdir(), `api-${trpc}-${database.kind}-${process.pid}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  process.stdout.write(
    `CPU profile of the server, ${trpc}, ${database.kind}, ${seconds} s under load: ${file}\n\n${summarise(profile, 30)}`,
  );
} finally {
  session.disconnect();
  await server.stop();
  await database.close();
}
