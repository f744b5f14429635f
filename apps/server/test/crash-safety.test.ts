import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareCrashDrill, runCrashDrill } from './crash-rounds.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prevention-crash-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('crash safety of the embedded database', () => {
  // Each round starts the server twice or three times from the TypeScript sources: about 5 s a
  // start on two busy cores. `pnpm bench` runs the same drill for 100 rounds.
  it('keeps every acknowledged write through SIGKILLs mid-stream, and the audit chain verifies', async () => {
    const dataDir = join(root, 'data');
    const template = new Blob([new Uint8Array(await readFile(inject('pgliteTemplatePath')))]);
    await prepareCrashDrill(dataDir, template);
    const report = await runCrashDrill({
      dataDir,
      rounds: 2,
      verifyAuditEvery: 2,
      killAfterMs: [300, 1200],
      concurrency: 4,
    });
    expect(report.rounds).toHaveLength(2);
    expect(report.startsAfterCrashMs).toHaveLength(2);
    expect(report.acknowledged).toBeGreaterThan(0);
    for (const round of report.rounds) expect(round.acknowledged).toBeGreaterThan(0);
    expect(report.auditVerifications).toBe(2);
  }, 240_000);
});
