import { access, cp, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, inject } from 'vitest';
import { startAppServer, type AppServer } from './app-server.js';
import { launchChromium } from './chromium.js';
import { signInOnceScored, waitForRecomputations } from './scored-world.js';
import { signIn } from './sign-in.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's folder for the server snapshots and their copies (server-snapshots-setup.ts). */
    snapshotRunDir: string;
  }
}

/**
 * What a browser file's server starts on. `demo`: the demo data seeded and its risk profiles
 * computed, as `npm start` leaves an empty data directory without the world history. `world`:
 * the demo with its ten-year world history imported and every country's profiles computed.
 */
export type SnapshotKind = 'demo' | 'world';

/**
 * How long a file may wait for its server: preparing the world snapshot (its import and
 * recomputation) takes minutes on two cores shared with the rest of the suite; the demo's
 * seeding alone passed 60 s there.
 */
export const snapshotServerTimeoutMs: Record<SnapshotKind, number> = {
  demo: 300_000,
  world: 900_000,
};

/** What the server logs when it seeds the demo or queues the world history (demo-imports.ts). */
const redoneOnCopy = ['loaded the demo data set', 'queued the demo world history'];

/**
 * A server on a copy of its own of the `kind` snapshot: tests that change data (a user added, a
 * model adjusted) change only their file's copy. The first file to ask for a kind prepares its
 * snapshot; files in other workers wait for it. Seeding once saves every other file the demo's
 * first start (about 20 s quiet, over a minute on CI's shared cores).
 */
export async function startSnapshotServer(kind: SnapshotKind): Promise<AppServer> {
  const runDir = inject('snapshotRunDir');
  if (!runDir) {
    throw new Error(
      "No run folder for the server snapshots: add './e2e/server-snapshots-setup.ts' to test.globalSetup.",
    );
  }
  const snapshot = await readySnapshot(runDir, kind);
  const dataDir = await mkdtemp(join(runDir, `${kind}-copy-`));
  await cp(snapshot, dataDir, { recursive: true });
  const server = await startAppServer({ worldHistory: kind === 'world', dataDir });
  return {
    url: server.url,
    stop: async () => {
      const stopped = await server.stop();
      await rm(dataDir, { recursive: true, force: true });
      // The copy holds the demo (and the world history): seeded or queued again, the snapshot
      // saved nothing.
      const redone = redoneOnCopy.filter((line) => stopped.output.includes(line));
      if (redone.length > 0)
        throw new Error(
          `On a copy of the ${kind} snapshot the server logged: ${redone.join('; ')}`,
        );
      return stopped;
    },
  };
}

/**
 * The snapshot's folder, once it is ready. One worker takes the lock (an exclusive create) and
 * prepares it; the others wait for its ready or failed marker. The run folder is new for each
 * run, so a lock never outlives its run.
 */
async function readySnapshot(runDir: string, kind: SnapshotKind): Promise<string> {
  const paths = snapshotPaths(runDir, kind);
  const lock = await open(paths.lock, 'wx').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') return null;
    throw error;
  });
  if (!lock) return waitForSnapshot(paths, snapshotServerTimeoutMs[kind]);
  try {
    await lock.writeFile(String(process.pid));
    await lock.close();
    await prepareSnapshot(paths.snapshot, kind);
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

const snapshotPaths = (runDir: string, kind: SnapshotKind) => ({
  kind,
  snapshot: join(runDir, kind),
  lock: join(runDir, `${kind}.lock`),
  ready: join(runDir, `${kind}.ready`),
  failed: join(runDir, `${kind}.failed`),
});

/** Waits for the worker holding the lock, failing at once if it failed or its process died. */
async function waitForSnapshot(
  paths: ReturnType<typeof snapshotPaths>,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs - 60_000;
  while (Date.now() < deadline) {
    if (await exists(paths.ready)) return paths.snapshot;
    if (await exists(paths.failed))
      throw new Error(
        `Another worker failed to prepare the ${paths.kind} snapshot:\n${await readFile(paths.failed, 'utf8')}`,
      );
    const preparer = Number(await readFile(paths.lock, 'utf8'));
    if (preparer && !isRunning(preparer))
      throw new Error(
        `The worker preparing the ${paths.kind} snapshot (process ${preparer}) has died`,
      );
    await sleep(1_000);
  }
  throw new Error(`The ${paths.kind} snapshot was not ready in time`);
}

/**
 * Starts the server on `dir`, waits until its data is loaded and its risk profiles computed, and
 * stops it cleanly: exit code 0 means its database was checkpointed and closed and its lock
 * released, so the folder can be copied and started on.
 */
async function prepareSnapshot(dir: string, kind: SnapshotKind): Promise<void> {
  await mkdir(dir);
  const server = await startAppServer({ worldHistory: kind === 'world', dataDir: dir });
  try {
    await waitForComputedProfiles(server.url, kind);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const { exitCode, output } = await server.stop();
  if (exitCode !== 0)
    throw new Error(`The ${kind} snapshot's server did not stop cleanly (${exitCode}):\n${output}`);
  if (await exists(join(dir, 'server.lock')))
    throw new Error(`The ${kind} snapshot's server left its lock in ${dir}`);
}

/**
 * In a browser of its own, as the administrator, who sees the recomputations: until none is
 * queued or running (for the world, first until every country is scored, as the risk pages'
 * tests wait), checking that the first start computed everything once.
 */
async function waitForComputedProfiles(url: string, kind: SnapshotKind): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: 'en-GB' });
    if (kind === 'world') await signInOnceScored(page, url, 'admin@demo.example');
    else {
      await page.goto(`${url}/risk`);
      await signIn(page, 'admin@demo.example');
    }
    // A first start computes every profile once, in one full run (with the world history,
    // after its import): a copy started on it, which has that run, recomputes nothing.
    expect(await waitForRecomputations(page)).toEqual(['full done']);
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
