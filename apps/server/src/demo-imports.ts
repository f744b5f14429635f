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
} from '@prevention/api';
import { findUserByEmail, hasSeedRun, recordSeedRun, type DatabaseHandle } from '@prevention/db';
import { HxlMapping, inspect, suggestHxlMapping } from '@prevention/exchange';
import {
  generateSyntheticAcled,
  generateSyntheticHxlDisplacement,
} from '@prevention/exchange/synthetic';
import type { Logger } from 'pino';

const seedName = 'demo-imports';
const seed = 2026;

/** The demo's files, kept in `DATA_DIR/demo-files` for anyone to try the upload with. */
export const demoFiles = {
  acled: 'acled-demo.csv',
  acledWithBadRows: 'acled-demo-with-bad-rows.csv',
  displacement: 'displacement-demo.hxl.csv',
} as const;

/**
 * The demo's conflict events and displacement figures, brought in the way a user brings a file:
 * a deterministic synthetic ACLED export (three years of the five demo countries) and an HXL
 * displacement table, written to `DATA_DIR/demo-files` and imported through the same path as an
 * upload, as the demo administrator, so a newcomer finds real provenance. Once per database.
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
  await writeOnce(
    acled,
    generateSyntheticAcled({ seed, years: { from: 2024, to: 2026 }, eventsPerYear: 600 }),
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
