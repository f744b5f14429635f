import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import {
  deriveForBatch,
  queueImport,
  runImport,
  stagingDepthFor,
  type ImportContext,
  type ImportServices,
} from '@prevention/api';
import { findUserByEmail, hasSeedRun, recordSeedRun, type DatabaseHandle } from '@prevention/db';
import { HxlMapping, inspect, suggestHxlMapping } from '@prevention/exchange';
import {
  generateSyntheticAcled,
  generateSyntheticHxlDisplacement,
  generateSyntheticIndicatorHistory,
  syntheticCountries,
  type AcledSurge,
  type SyntheticRise,
} from '@prevention/exchange/synthetic';
import { addMonths, monthOfDate } from '@prevention/core';
import type { Logger } from 'pino';

const seedName = 'demo-imports';
const seed = 2026;

/** The demo's files, kept in `DATA_DIR/demo-files` for anyone to try the upload with. */
export const demoFiles = {
  acled: 'acled-demo.csv',
  acledWithBadRows: 'acled-demo-with-bad-rows.csv',
  displacement: 'displacement-demo.hxl.csv',
  world: 'indicators-world-demo.csv',
} as const;

/** The demo's focus countries: the synthetic ACLED events and the sub-national units are theirs. */
const focusCountries = syntheticCountries.map((country) => country.code);

/**
 * The demo's story: countries whose situation deteriorates. The focus countries' conflict
 * events surge (their risk rises month by month); two others worsen in their yearly figures.
 */
const surges: readonly AcledSurge[] = [
  { country: 'SDN', from: '2023-04', factor: 4 },
  { country: 'MMR', from: '2021-02', factor: 3 },
  { country: 'HTI', from: '2024-06', factor: 4 },
];
const rises: readonly SyntheticRise[] = [
  { country: 'SDN', from: '2023-04', by: 0.2 },
  { country: 'MMR', from: '2021-02', by: 0.2 },
  { country: 'HTI', from: '2024-06', by: 0.25 },
  { country: 'BFA', from: '2022-01', by: 0.3 },
  { country: 'ECU', from: '2023-06', by: 0.25 },
];
/** Starting fragility of the focus countries, which the demo's events describe as in conflict. */
const baselines: Readonly<Record<string, number>> = {
  SDN: 0.65,
  SSD: 0.75,
  MLI: 0.6,
  HTI: 0.55,
  MMR: 0.5,
};
/** Rounded populations of the focus countries, for per-capita figures of their events. */
const populations: Readonly<Record<string, number>> = {
  SDN: 48_000_000,
  SSD: 11_000_000,
  MLI: 23_000_000,
  HTI: 11_700_000,
  MMR: 54_000_000,
};

/**
 * The demo's conflict events and displacement figures, brought in the way a user brings a file:
 * a deterministic synthetic ACLED export (ten years of the five focus countries, three of them
 * surging) and an HXL displacement table, written to `DATA_DIR/demo-files` and imported through
 * the same path as an upload, as the demo administrator, so a newcomer finds real provenance.
 * Once per database.
 */
export async function loadDemoImports(
  database: DatabaseHandle,
  ctx: Omit<ImportContext, 'db'>,
  dataDir: string,
  log: Logger,
): Promise<void> {
  if (await hasSeedRun(database.db, seedName)) return;
  const admin = await findUserByEmail(database.db, 'admin@demo.example');
  if (!admin) return;
  const actor = {
    userId: admin.id,
    roles: admin.roles,
    scope: admin.scope,
    clearance: admin.clearance,
  };
  const dir = join(dataDir, 'demo-files');
  await mkdir(dir, { recursive: true });
  const acled = join(dir, demoFiles.acled);
  const displacement = join(dir, demoFiles.displacement);
  const lastMonth = monthOfDate(ctx.now());
  const firstMonth = addMonths(lastMonth, -119);
  await writeOnce(
    acled,
    generateSyntheticAcled({
      seed,
      years: { from: Number(firstMonth.slice(0, 4)), to: Number(lastMonth.slice(0, 4)) },
      eventsPerYear: 200,
      surges,
    }),
  );
  await writeOnce(join(dir, demoFiles.acledWithBadRows), withBadRows(acled));
  await writeOnce(
    displacement,
    generateSyntheticHxlDisplacement({ seed, from: '2025-01', to: '2026-10' }),
  );

  const importContext: ImportContext = { ...ctx, db: database.db };
  for (const [path, format] of [
    [acled, 'acled'],
    [displacement, 'hxl'],
  ] as const) {
    const open = () => createReadStream(path) as AsyncIterable<Uint8Array>;
    const found = await inspect(open(), { format });
    const mapping =
      format === 'hxl' ? HxlMapping.parse(suggestHxlMapping(found.columns).mapping) : undefined;
    const { hash, size } = await digest(path);
    const { batch } = await queueImport(importContext, actor, {
      format,
      fileName: path.split('/').at(-1) ?? path,
      contentHash: hash,
      byteSize: size,
      mode: 'all-or-nothing',
      sensitivity: 'public',
      ...(mapping ? { mapping } : {}),
    });
    const done = await runImport(importContext, batch.id, open, {
      stagingDepth: stagingDepthFor(database.kind),
    });
    if (done.status === 'committed') await deriveForBatch(importContext, done.id);
    log.info(
      { file: done.fileName, status: done.status, added: done.added, rows: done.rowsRead },
      `imported the demo file ${done.fileName}`,
    );
  }
  await recordSeedRun(database.db, seedName, seed);
}

const worldSeedName = 'demo-world-history';

/**
 * The demo's ten-year history of every member state's indicators (a plain CSV, see
 * `generateSyntheticIndicatorHistory`), queued once per database as an import job of the demo
 * administrator once the server answers: the Data page shows its progress, and its commit
 * recomputes the risk profiles of every country it touched, as any import's does. Whether it
 * queued it now (not when an earlier start did).
 */
export async function queueDemoWorldHistory(
  database: DatabaseHandle,
  ctx: ImportContext,
  imports: ImportServices,
  dataDir: string,
  log: Logger,
): Promise<boolean> {
  if (await hasSeedRun(database.db, worldSeedName)) return false;
  const admin = await findUserByEmail(database.db, 'admin@demo.example');
  if (!admin) return false;
  const lastMonth = monthOfDate(ctx.now());
  const path = join(dataDir, 'demo-files', demoFiles.world);
  await mkdir(join(dataDir, 'demo-files'), { recursive: true });
  await writeOnce(
    path,
    generateSyntheticIndicatorHistory({
      seed,
      from: addMonths(lastMonth, -119),
      to: lastMonth,
      rises,
      baselines,
      populations,
      eventCountries: focusCountries,
    }),
  );
  const upload = await imports.uploads.save(
    admin.id,
    demoFiles.world,
    createReadStream(path) as AsyncIterable<Uint8Array>,
  );
  const { batch } = await queueImport(
    ctx,
    { userId: admin.id, roles: admin.roles, scope: admin.scope, clearance: admin.clearance },
    {
      format: 'csv',
      fileName: upload.fileName,
      contentHash: upload.contentHash,
      byteSize: upload.byteSize,
      mode: 'all-or-nothing',
      sensitivity: 'public',
    },
  );
  await imports.enqueue(batch.id, upload.id);
  await recordSeedRun(database.db, worldSeedName, seed);
  log.info({ file: demoFiles.world, batch: batch.id }, 'queued the demo world history for import');
  return true;
}

/** Writes a generated file, unless it is already there (from an earlier, interrupted start). */
async function writeOnce(path: string, chunks: AsyncIterable<string>): Promise<void> {
  if (await stat(path).catch(() => undefined)) return;
  const partial = `${path}.part`;
  const out = createWriteStream(partial);
  for await (const chunk of chunks)
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  out.end();
  await finished(out);
  await rename(partial, path);
}

/** The demo export with two rows broken, for trying the bad-row report. */
async function* withBadRows(path: string): AsyncGenerator<string> {
  let line = 0;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    const out: string[] = [];
    for (const text of lines) {
      line += 1;
      // Line 3 gets a date that is no date; line 6 fatalities that are no number (the cell
      // third from the end, counted from the end because quoted notes may hold commas).
      if (line === 3) out.push(text.replace(/^([^,]*),[^,]*,/, '$1,2025-02-30,'));
      else if (line === 6) {
        const cells = text.split(',');
        cells[cells.length - 3] = 'several';
        out.push(cells.join(','));
      } else out.push(text);
    }
    yield `${out.join('\n')}\n`;
  }
  if (rest) yield rest;
}

async function digest(path: string): Promise<{ hash: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { hash: hash.digest('hex'), size };
}
