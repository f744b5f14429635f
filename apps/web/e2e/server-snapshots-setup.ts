import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type {} from './server-snapshots.js';

/**
 * Vitest global setup: a folder for this run's server snapshots and their copies, made here and
 * deleted with everything in it when the run ends. A snapshot costs nothing until a file asks
 * for a server on it (see server-snapshots.ts), and a lock in it cannot outlive its run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'prevention-e2e-snapshots-'));
  project.provide('snapshotRunDir', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
