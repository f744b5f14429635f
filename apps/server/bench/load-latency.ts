import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** What one route answered under load. */
export interface LoadLatency {
  requestsPerSecond: number;
  /** Milliseconds. autocannon reports no 95th percentile; its 97.5th is the stricter. */
  p975: number;
  p99: number;
  errors: number;
}

const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/**
 * A route under `connections` concurrent clients for `seconds`, after a one-second warm-up that
 * lets the JIT and the database caches settle before the measured run. The clients are
 * autocannon in a process of its own, as a server's clients are: in the server's process they
 * took turns with it on one thread, and reading a 150 KB answer cost them about as much as the
 * server spent sending it.
 */
export async function loadLatency(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadLatency> {
  const { connections, seconds, headers = {} } = options;
  await autocannonRun(url, connections, 1, headers);
  const result = await autocannonRun(url, connections, seconds, headers);
  return {
    requestsPerSecond: result.requests.average,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

interface AutocannonReport {
  requests: { average: number };
  latency: { p97_5: number; p99: number };
  errors: number;
  non2xx: number;
}

function autocannonRun(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string>,
): Promise<AutocannonReport> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const args = ['--json', '-c', String(connections), '-d', String(seconds), ...headerArgs, url];
  const child = spawn(process.execPath, [autocannonCli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let diagnostics = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (diagnostics += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`autocannon exited with ${code}: ${diagnostics.slice(-500)}`));
        return;
      }
      resolve(JSON.parse(output) as AutocannonReport);
    });
  });
}
