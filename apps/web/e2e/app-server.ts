import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const serverCli = join(
  dirname(require.resolve('@prevention/server/package.json')),
  'dist',
  'cli.js',
);
const webRoot = fileURLToPath(new URL('../dist', import.meta.url));

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real server, built, in its own process with its own embedded database and the demo data,
 * serving this package's built web app: what `npm start` runs.
 */
export async function startAppServer(
  options: { worldHistory: boolean } = { worldHistory: true },
): Promise<AppServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'prevention-e2e-'));
  const child = spawn(process.execPath, [serverCli, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      WEB_ROOT: webRoot,
      LOG_LEVEL: 'info',
      DEMO_WORLD_HISTORY: String(options.worldHistory),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    // A server that did not start in time is stopped: left running, it would outlive the tests.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start:\n${output}`));
    }, 60_000);
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const entry = line.startsWith('{') ? (JSON.parse(line) as { url?: string }) : {};
        if (entry.url) {
          clearTimeout(timer);
          resolve(entry.url);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
