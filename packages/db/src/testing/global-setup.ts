import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../migrate.js';
import { openDatabase } from '../open-database.js';
import { syncReferenceData } from '../reference-data.js';
import type {} from './test-database.js';

/**
 * Vitest global setup for packages with database tests: runs initdb and the migrations once per
 * test run, and leaves a dump that each test file loads in a fraction of the time.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'prevention-pglite-template-'));
  const path = join(dir, 'template.tar');
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await migrateToLatest(handle.db);
    await syncReferenceData(handle.db);
    if (!handle.dumpDataDir) throw new Error('The template database is not PGlite');
    const dump = await handle.dumpDataDir('none');
    await writeFile(path, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  project.provide('pgliteTemplatePath', path);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
