import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import databaseTemplate from '@prevention/db/testing/global-setup';
import type { TestProject } from 'vitest/node';
import { runCli } from './cli-process.js';
import type {} from './seeded-demo.js';

/**
 * Vitest global setup: the migrated PGlite template of @prevention/db/testing, and one data
 * directory seeded with the demo by the command line, made once per run beside it. Seeding costs
 * about 12 s alone and several times that while the suite shares two cores; the files that only
 * need a seeded database copy this one (the ones that test seeding still seed).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'prevention-server-seeded-'));
  const dataDir = join(dir, 'data');
  const [removeTemplate] = await Promise.all([databaseTemplate(project), seedDemo(dataDir)]);
  project.provide('seededDemoDataDir', dataDir);
  return async () => {
    await removeTemplate();
    await rm(dir, { recursive: true, force: true });
  };
}

async function seedDemo(dataDir: string): Promise<void> {
  const seed = runCli(['seed'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const code = await seed.exited;
  if (code !== 0)
    throw new Error(`prevention seed exited with ${code} in the global setup:\n${seed.stderr()}`);
}
