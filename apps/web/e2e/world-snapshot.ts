import { access, cp, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { startAppServer, type AppServer } from './app-server.js';
import { launchChromium } from './chromium.js';
import { signInOnceScored, waitForRecomputations } from './scored-world.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's folder for the world snapshot and its copies (see world-snapshot-setup.ts). */
    worldSnapshotRunDir: string;
  }
}

/**
 * How long a file may wait for a world server: the snapshot's import and recomputation take
 * minutes on two cores shared with the rest of the suite.
 */
export const worldServerTimeoutMs = 900_000;

/** What the server logs when it seeds the demo or queues the world history (demo-imports.ts). */
const redoneOnCopy = ['loaded the demo data set', 'queued the demo world history'];

/**
 * A server with the demo's world history imported and every country's profiles computed, on a
 * copy of its own: tests that change data (a model adjusted) change only their file's copy. The
 * first file to ask prepares the snapshot; files in other workers wait for it.
 */
export async function startWorldServer(): Promise<AppServer> {
  const runDir = inject('worldSnapshotRunDir');
  if (!runDir) {
    throw new Error(
      "No run folder for the world snapshot: add './e2e/world-snapshot-setup.ts' to test.globalSetup.",
    );
  }
  const snapshot = await worldSnapshot(runDir);
  const dataDir = await mkdtemp(join(runDir, 'copy-'));
  await cp(snapshot, dataDir, { recursive: true });
  const server = await startAppServer({ worldHistory: true, dataDir });
  return {
    url: server.url,
    stop: async () => {
      const stopped = await server.stop();
      await rm(dataDir, { recursive: true, force: true });
      // The copy holds the demo and its world history: seeded or queued again, the snapshot
      // saved nothing.
      const redone = redoneOnCopy.filter((line) => stopped.output.includes(line));
      if (redone.length > 0)
        throw new Error(`On a copy of the world snapshot the server logged: ${redone.join('; ')}`);
      return stopped;
    },
  };
}

/**
 * The snapshot's folder, once it is ready. One worker takes the lock (an exclusive create) and
 * prepares it; the others wait for its ready or failed marker. The run folder is new for each
 * run, so a lock never outlives its run.
 */
async function worldSnapshot(runDir: string): Promise<string> {
  const paths = snapshotPaths(runDir);
  const lock = await open(paths.lock, 'wx').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') return null;
    throw error;
  });
  if (!lock) return waitForSnapshot(paths);
  try {
    await lock.writeFile(String(process.pid));
    await lock.close();
    await prepareSnapshot(paths.snapshot);
    await writeFile(paths.ready, '');
    return paths.snapshot;
  } catch (error) {
    await writeFile(
      paths.failed,
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    throw error;
  }
}

const snapshotPaths = (runDir: string) => ({
  snapshot: join(runDir, 'snapshot'),
  lock: join(runDir, 'snapshot.lock'),
  ready: join(runDir, 'snapshot.ready'),
  failed: join(runDir, 'snapshot.failed'),
});

/** Waits for the worker holding the lock, failing at once if it failed or its process died. */
async function waitForSnapshot(paths: ReturnType<typeof snapshotPaths>): Promise<string> {
  const deadline = Date.now() + worldServerTimeoutMs - 60_000;
  while (Date.now() < deadline) {
    if (await exists(paths.ready)) return paths.snapshot;
    if (await exists(paths.failed))
      throw new Error(
        `Another worker failed to prepare the world snapshot:\n${await readFile(paths.failed, 'utf8')}`,
      );
    const preparer = Number(await readFile(paths.lock, 'utf8'));
    if (preparer && !isRunning(preparer))
      throw new Error(`The worker preparing the world snapshot (process ${preparer}) has died`);
    await sleep(1_000);
  }
  throw new Error('The world snapshot was not ready in time');
}

/**
 * Starts the server on `dir` with the world history, waits until the world is imported and
 * recomputed, and stops it cleanly: exit code 0 means its database was checkpointed and closed
 * and its lock released, so the folder can be copied and started on.
 */
async function prepareSnapshot(dir: string): Promise<void> {
  await mkdir(dir);
  const server = await startAppServer({ worldHistory: true, dataDir: dir });
  try {
    await waitForScoredWorld(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const { exitCode, output } = await server.stop();
  if (exitCode !== 0)
    throw new Error(`The world snapshot's server did not stop cleanly (${exitCode}):\n${output}`);
  if (await exists(join(dir, 'server.lock')))
    throw new Error(`The world snapshot's server left its lock in ${dir}`);
}

/**
 * In a browser of its own, as the risk pages' tests wait: signed in on the overview, as the
 * administrator, who also sees the recomputations.
 */
async function waitForScoredWorld(url: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: 'en-GB' });
    await signInOnceScored(page, url, 'admin@demo.example');
    await waitForRecomputations(page);
  } finally {
    await browser.close();
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
