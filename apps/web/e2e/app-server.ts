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
/**
 * How long a first start (migrations, then the demo's seeding and imports) may take: about 20 s
 * on a quiet machine, over 60 s while the rest of the suite shares CI's two cores.
 */
const startLimitMs = 180_000;

const webRoot = fileURLToPath(new URL('../dist', import.meta.url));

export interface AppServerOptions {
  /** Whether the server loads the demo's ten-year world history (`DEMO_WORLD_HISTORY`). */
  worldHistory: boolean;
  /**
   * The data directory to start on, which stays the caller's: a copy of the world snapshot, or
   * the snapshot being prepared. By default a new, empty one, deleted when the server stops.
   */
  dataDir?: string;
}

/** How the server's process ended, and everything it wrote. */
export interface StoppedServer {
  exitCode: number | null;
  output: string;
}

export interface AppServer {
  url: string;
  /** Sends SIGTERM and waits for the process to exit, as the end of `npm start` does. */
  stop(): Promise<StoppedServer>;
}

/**
 * The real server, built, in its own process with its own embedded database and the demo data,
 * serving this package's built web app: what `npm start` runs.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'prevention-e2e-')));
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    // A server that did not start in time is stopped: left running, it would outlive the tests.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start:\n${output}`));
    }, startLimitMs);
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
      const exitCode = await exited;
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
      return { exitCode, output };
    },
  };
}
