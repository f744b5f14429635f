/**
 * Import and export at scale, each against the database's own bulk path in the same run.
 *
 * 1. Import: BENCH_ROWS (1,000,000 by default) synthetic ACLED rows from a file through the
 *    import path (streamed parse, the pillar's validation of every row, staging in chunks,
 *    one commit), against the database's own COPY of exactly the rows the import stored into
 *    the same table (`COPY … FROM '/dev/blob'` on PGlite; `COPY … FROM` a file on PostgreSQL).
 *    Target: ≥ 0.5 of COPY's rate.
 * 2. Export: the same rows streamed out as ACLED CSV through the export path, against the
 *    database's own `COPY … TO`: rows/s, time to the first byte, and the heap the export used.
 *
 * PGlite runs in its worker thread, as in the server; BENCH_DATABASE_URL adds PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  deriveServerKeys,
  exportRecords,
  queueImport,
  runImport,
  stagingDepthFor,
  type ImportContext,
} from '@prevention/api';
import { newId } from '@prevention/core';
import {
  insertUser,
  migrateToLatest,
  openDatabase,
  syncReferenceData,
  type DatabaseHandle,
} from '@prevention/db';
import { generateSyntheticAcled } from '@prevention/exchange/synthetic';
import { sql } from 'kysely';
import {
  createPGliteDatabase,
  createPostgresDatabase,
  type BenchDatabase,
} from './bench-databases.js';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);

const security = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 60 * 60_000,
  passwordHashing: { memoryCost: 256, timeCost: 1, parallelism: 1 },
  keys: deriveServerKeys('bench-secret-that-is-long-enough-for-hkdf'),
  signInThrottle: { windowMs: 60_000, maxFailuresPerAccount: 5, maxFailuresPerAddress: 50 },
};

interface Target {
  label: string;
  create(): Promise<BenchDatabase>;
  /** The database's own bulk load of a CSV file into `signal`, and its own dump of it. */
  copyIn(database: DatabaseHandle, file: string, columns: string): Promise<void>;
  copyOut(database: DatabaseHandle, file: string, columns: string): Promise<void>;
}

const pglite: Target = {
  label: 'PGlite (worker thread)',
  create: () => createPGliteDatabase('import'),
  copyIn: async (database, file, columns) => {
    const input = new Blob([await readFile(file)]);
    await database.copyEmbedded?.(
      `copy signal (${columns}) from '/dev/blob' with (format csv)`,
      input,
    );
  },
  copyOut: async (database, file, columns) => {
    const blob = await database.copyEmbedded?.(
      `copy (select ${columns} from signal) to '/dev/blob' with (format csv)`,
    );
    if (blob) await writeFile(file, Buffer.from(await blob.arrayBuffer()));
  },
};

function postgres(url: string): Target {
  return {
    label: 'PostgreSQL',
    create: () => createPostgresDatabase(url, 'import'),
    // The server reads and writes the file itself (it runs on this machine, as a superuser).
    copyIn: async (handle, file, columns) => {
      await sql.raw(`copy signal (${columns}) from '${file}' with (format csv)`).execute(handle.db);
    },
    copyOut: async (handle, file, columns) => {
      await sql
        .raw(`copy (select ${columns} from signal) to '${file}' with (format csv)`)
        .execute(handle.db);
    },
  };
}

async function writeSyntheticFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  for await (const chunk of generateSyntheticAcled({ seed: 7, rows }))
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  out.end();
  await finished(out);
}

async function digest(path: string) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

interface Result {
  label: string;
  importSeconds: number;
  imported: number;
  copySeconds: number;
  exportSeconds: number;
  firstByteMs: number;
  exportHeapMb: number;
  /** The whole process, the database's worker thread (PGlite) included. */
  rssMb: number;
  copyOutSeconds: number;
  processExport: ProcessExport;
  /** Peak memory of the same process exporting nothing. */
  processFloorMb: number;
}

async function measure(target: Target, file: string, dir: string): Promise<Result> {
  const { config, env, drop } = await target.create();
  const database = await openDatabase(config);
  let closed = false;
  try {
    await migrateToLatest(database.db);
    await syncReferenceData(database.db);
    const user = await insertUser(database.db, {
      id: newId(),
      email: 'bench@example.org',
      displayName: 'Bench',
      roles: ['hq-planner'],
      scope: { kind: 'global' },
      clearance: 'restricted',
      passwordHash: 'x',
      now: new Date(),
    });
    const ctx: ImportContext = {
      db: database.db,
      now: () => new Date(),
      requestId: 'bench',
      security,
    };
    const actor = {
      userId: user.id,
      roles: user.roles,
      scope: user.scope,
      clearance: user.clearance,
    };
    const { batch } = await queueImport(ctx, actor, {
      format: 'acled',
      fileName: 'bench.csv',
      contentHash: await digest(file),
      byteSize: (await stat(file)).size,
      mode: 'all-or-nothing',
      sensitivity: 'public',
    });
    const phase = (what: string) => process.stderr.write(`${target.label}: ${what}\n`);
    phase('importing');
    const started = performance.now();
    const done = await runImport(
      ctx,
      batch.id,
      () => createReadStream(file) as AsyncIterable<Uint8Array>,
      { stagingDepth: stagingDepthFor(database.kind) },
    );
    const importSeconds = (performance.now() - started) / 1000;
    if (done.status !== 'committed')
      throw new Error(`the import ended ${done.status}: ${done.failure}`);

    phase(`imported in ${importSeconds.toFixed(1)} s; exporting`);
    // Export through the platform, before the baseline replaces the rows.
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    let rssPeak = process.memoryUsage().rss;
    const exportStarted = performance.now();
    let firstByteMs = 0;
    let bytes = 0;
    for await (const chunk of exportRecords(ctx, actor, { kind: 'signals', format: 'acled' })) {
      if (bytes === 0) firstByteMs = performance.now() - exportStarted;
      bytes += Buffer.byteLength(chunk);
      const memory = process.memoryUsage();
      heapPeak = Math.max(heapPeak, memory.heapUsed);
      rssPeak = Math.max(rssPeak, memory.rss);
    }
    const exportSeconds = (performance.now() - exportStarted) / 1000;

    // The same rows, as the database holds them, through its own bulk paths.
    const columns = (
      await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_name = 'signal' and table_schema = current_schema() order by ordinal_position`.execute(
        database.db,
      )
    ).rows
      .map((r) => r.column_name)
      .join(', ');
    phase('copying out and in');
    const dump = join(dir, `${target.label.split(' ')[0]}-signal.csv`);
    const outStarted = performance.now();
    await target.copyOut(database, dump, columns);
    const copyOutSeconds = (performance.now() - outStarted) / 1000;
    await sql`delete from signal`.execute(database.db);
    await sql`vacuum signal`.execute(database.db).catch(() => undefined);
    const copyStarted = performance.now();
    await target.copyIn(database, dump, columns);
    const copySeconds = (performance.now() - copyStarted) / 1000;

    // The same export as a user runs it (`prevention export`), in a process of its own, so that
    // its memory is the export's alone; an export that matches nothing gives that process's floor.
    await database.close();
    closed = true;
    phase('exporting from a process of its own');
    const alone = await exportInProcess(env, []);
    const floor = await exportInProcess(env, ['--from', '2999-01']);
    if (alone.bytes !== bytes)
      throw new Error(`the export process wrote ${alone.bytes} bytes, the export here ${bytes}`);
    return {
      label: target.label,
      importSeconds,
      imported: done.added,
      copySeconds,
      exportSeconds,
      firstByteMs,
      exportHeapMb: (heapPeak - heapBefore) / 2 ** 20,
      rssMb: rssPeak / 2 ** 20,
      copyOutSeconds,
      processExport: alone,
      processFloorMb: floor.peakRssMb,
    };
  } finally {
    if (!closed) await database.close();
    await drop();
  }
}

const serverRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The built command, as `npm start` runs it; from the sources through tsx when the server has
 * not been built, whose compiler then counts in the process's memory.
 */
const cliEntry = existsSync(join(serverRoot, 'dist', 'cli.js'))
  ? { nodeArguments: [], script: 'dist/cli.js', label: 'built' }
  : {
      nodeArguments: ['--conditions=@prevention/source', '--import', 'tsx'],
      script: 'src/cli.ts',
      label: 'from the sources through tsx',
    };

interface ProcessExport {
  seconds: number;
  bytes: number;
  peakRssMb: number;
}

/** `prevention export` of the signals as the bench user, counting the bytes it writes. */
async function exportInProcess(
  environment: Record<string, string>,
  filters: string[],
): Promise<ProcessExport> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...cliEntry.nodeArguments,
      '--import',
      './bench/report-peak-memory.mjs',
      cliEntry.script,
      'export',
      '--kind',
      'signals',
      '--as',
      'bench@example.org',
      ...filters,
    ],
    {
      cwd: serverRoot,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let bytes = 0;
  child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  const peak = /peak-rss-kb (\d+)/.exec(stderr);
  if (code !== 0 || !peak) throw new Error(`prevention export failed (${code}): ${stderr}`);
  return {
    seconds: (performance.now() - started) / 1000,
    bytes,
    peakRssMb: Number(peak[1]) / 1024,
  };
}

const dir = await mkdtemp(join(tmpdir(), 'prevention-bench-files-'));
// PostgreSQL's server process reads and writes the baseline's files.
await chmod(dir, 0o777);
try {
  const file = join(dir, 'acled.csv');
  await writeSyntheticFile(file);
  const targets = process.env.BENCH_ONLY_POSTGRES ? [] : [pglite];
  if (process.env.BENCH_DATABASE_URL) targets.push(postgres(process.env.BENCH_DATABASE_URL));
  const results: Result[] = [];
  for (const target of targets) results.push(await measure(target, file, dir));
  const rate = (n: number, seconds: number) =>
    `${Math.round(n / seconds).toLocaleString('en')} rows/s`;
  const lines = results.flatMap((r) => [
    `${r.label}`,
    `  import of ${r.imported.toLocaleString('en')} ACLED rows: ${r.importSeconds.toFixed(1)} s, ${rate(r.imported, r.importSeconds)}; ` +
      `COPY of the same rows ${r.copySeconds.toFixed(1)} s, ${rate(r.imported, r.copySeconds)}; ` +
      `ratio ${(r.copySeconds / r.importSeconds).toFixed(2)} of COPY (target ≥ 0.5)`,
    `  export as ACLED CSV: ${r.exportSeconds.toFixed(1)} s, ${rate(r.imported, r.exportSeconds)}, first byte after ${r.firstByteMs.toFixed(0)} ms, ` +
      `heap +${r.exportHeapMb.toFixed(0)} MB at most, process RSS ${r.rssMb.toFixed(0)} MB at most (PGlite's worker included); COPY TO ${r.copyOutSeconds.toFixed(1)} s, ` +
      `ratio ${(r.copyOutSeconds / r.exportSeconds).toFixed(2)} of COPY`,
    `  the same export by \`prevention export\` (${cliEntry.label}) in a process of its own: ${r.processExport.seconds.toFixed(1)} s with the process's start, ` +
      `peak RSS ${r.processExport.peakRssMb.toFixed(0)} MB (target < 200 MB; the same process exporting nothing: ${r.processFloorMb.toFixed(0)} MB)`,
  ]);
  process.stdout.write(
    `\nImport and export of ${rows.toLocaleString('en')} synthetic ACLED rows, against the database's own COPY in the same run\n` +
      `${lines.join('\n')}\n` +
      `(ratio = the platform's rate ÷ COPY's rate on the same rows and table)\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
