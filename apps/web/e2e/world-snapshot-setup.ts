import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type {} from './world-snapshot.js';

/**
 * Vitest global setup: a folder for this run's world snapshot and its copies, made here and
 * deleted with everything in it when the run ends. It costs nothing until a file asks for a
 * world server (see world-snapshot.ts), and a lock in it cannot outlive its run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'prevention-e2e-world-'));
  project.provide('worldSnapshotRunDir', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
