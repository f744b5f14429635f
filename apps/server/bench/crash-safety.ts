/**
 * The crash-safety drill for CRASH_ROUNDS rounds (default 100): the real server process on an
 * embedded data directory, signal writes over HTTP from 4 writers, SIGKILL after 0.2–2 s of
 * writing, a restart on the same directory, and a check that every acknowledged write is there;
 * `prevention verify-audit` after a clean stop every 10 rounds and at the end. Prints rounds
 * passed, acknowledged writes checked, and the mean start after a SIGKILL as a ratio to the mean
 * start after a clean stop, both measured in this run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareCrashDrill, runCrashDrill } from '../test/crash-rounds.js';

const rounds = Number(process.env.CRASH_ROUNDS ?? 100);
const mean = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

const root = await mkdtemp(join(tmpdir(), 'prevention-crash-bench-'));
try {
  const dataDir = join(root, 'data');
  await prepareCrashDrill(dataDir);
  const began = Date.now();
  const report = await runCrashDrill({
    dataDir,
    rounds,
    verifyAuditEvery: 10,
    killAfterMs: [200, 2000],
    concurrency: 4,
    onRound: (round) => {
      process.stdout.write(
        `round ${round.round}/${rounds}: ${round.acknowledged} acknowledged, ${round.checked} ` +
          `checked, restart ${Math.round(round.restartAfterCrashMs)} ms\n`,
      );
    },
  });
  const afterCrash = mean(report.startsAfterCrashMs);
  const clean = mean(report.cleanStartsMs);
  process.stdout.write(
    `\ncrash safety (PGlite): ${report.rounds.length}/${rounds} rounds passed, ` +
      `${report.acknowledged} acknowledged writes checked after every restart, none lost; ` +
      `audit chain verified ${report.auditVerifications} times\n` +
      `start after SIGKILL ${Math.round(afterCrash)} ms vs clean start ${Math.round(clean)} ms ` +
      `(mean of ${report.startsAfterCrashMs.length} and ${report.cleanStartsMs.length}): ` +
      `ratio ${(afterCrash / clean).toFixed(2)}; ${Math.round((Date.now() - began) / 1000)} s in all\n`,
  );
} catch (error) {
  process.stderr.write(`crash safety FAILED: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await rm(root, { recursive: true, force: true });
}
