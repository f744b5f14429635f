// The JavaScript a browser loads to open the capture route, gzipped, as a ratio to two
// baselines from the same build: the whole app's JavaScript and the 150 KB budget.
// Run with `pnpm bench` (all benchmarks) or `npm run bench` in apps/web.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { CaptureBudgetReport } from '../vite-plugins/capture-budget.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'prevention-web-bench-'));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

try {
  const started = performance.now();
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(
    await readFile(join(outDir, 'capture-budget.json'), 'utf8'),
  ) as CaptureBudgetReport;

  const rows: [string, string, string][] = [
    ['capture route JS, gzipped', kb(report.captureBytes), `${report.captureChunks.length} chunks`],
    [
      'whole app JS, gzipped (baseline)',
      kb(report.wholeAppBytes),
      `ratio ${(report.captureBytes / report.wholeAppBytes).toFixed(2)}`,
    ],
    [
      'budget (baseline)',
      kb(report.budgetBytes),
      `ratio ${(report.captureBytes / report.budgetBytes).toFixed(2)}`,
    ],
  ];
  const lines = [
    `web: capture route size (build took ${seconds.toFixed(1)} s)`,
    ...rows.map(([what, size, note]) => `  ${what.padEnd(34)} ${size.padStart(9)}   ${note}`),
    ...report.captureChunks.map(
      (chunk) => `    ${chunk.fileName.padEnd(40)} ${kb(chunk.gzipBytes).padStart(9)}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await rm(outDir, { recursive: true, force: true });
}
