import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  deriveForBatch,
  exportFormatsOf,
  exportRecords,
  queueImport,
  runImport,
  stagingDepthFor,
  type ExportRequest,
  type ImportContext,
} from '@prevention/api';
import { isAppError, Sensitivity, type Actor } from '@prevention/core';
import {
  findCommittedBatchByHash,
  findHxlMapping,
  findImportRowErrors,
  findUserByEmail,
  findUsers,
  type DatabaseHandle,
  type ImportBatchRecord,
} from '@prevention/db';
import {
  ExchangeError,
  fileFormats,
  HxlMapping,
  hxlShapeKey,
  inspectFile,
  suggestHxlMapping,
  type FileFormat,
} from '@prevention/exchange';
import { CommandError } from './admin-commands.js';
import type { Config } from './env.js';
import { securitySettings } from './security-settings.js';

export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

const importOptions = {
  format: { type: 'string' },
  inspect: { type: 'boolean' },
  mode: { type: 'string' },
  sensitivity: { type: 'string' },
  mapping: { type: 'string' },
  as: { type: 'string' },
  again: { type: 'boolean' },
  'code-property': { type: 'string' },
} as const;

const exportOptions = {
  format: { type: 'string' },
  kind: { type: 'string' },
  area: { type: 'string' },
  pillar: { type: 'string' },
  indicator: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  as: { type: 'string' },
} as const;

function parse<T extends typeof importOptions | typeof exportOptions>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CommandError(error instanceof Error ? error.message : String(error));
  }
}

function formatOption(value: string | undefined): FileFormat | undefined {
  if (value === undefined) return undefined;
  if (!(fileFormats as readonly string[]).includes(value))
    throw new CommandError(`--format must be one of ${fileFormats.join(', ')}, not "${value}".`);
  return value as FileFormat;
}

/** What `inspectFile` found, as the inspection JSON the command prints. */
function inspectionOf(found: Awaited<ReturnType<typeof inspectFile>>) {
  return found.kind === 'table' ? found.inspection : found.info;
}

const fileChunks = (path: string) => () => createReadStream(path) as AsyncIterable<Uint8Array>;

/** `prevention import --inspect FILE`: what the file holds, as JSON, without a database. */
export async function inspectCommand(args: string[], io: CommandOutput): Promise<number> {
  const { values, positionals } = parse(args, importOptions);
  const file = onlyFile(positionals);
  const format = formatOption(values.format);
  try {
    await stat(file);
    const found = await inspectFile(fileChunks(file)(), {
      ...(format ? { format } : {}),
      ...(values['code-property'] ? { codeProperty: values['code-property'] } : {}),
    });
    io.out(`${JSON.stringify(inspectionOf(found), null, 2)}\n`);
    return 0;
  } catch (error) {
    io.err(`${fileProblem(file, error)}\n`);
    return 1;
  }
}

/**
 * `prevention import [--format F] FILE`: the same import path as an upload, run in this
 * process. Exit 0 when the batch committed (or the same bytes were committed before), 1 with
 * every bad row on standard error when nothing was committed.
 */
export async function importCommand(
  database: DatabaseHandle,
  config: Config,
  args: string[],
  io: CommandOutput,
): Promise<number> {
  const { values, positionals } = parse(args, importOptions);
  const file = onlyFile(positionals);
  const mode = values.mode ?? 'all-or-nothing';
  if (mode !== 'all-or-nothing' && mode !== 'valid-rows')
    throw new CommandError('--mode must be all-or-nothing or valid-rows.');
  const sensitivity = Sensitivity.safeParse(values.sensitivity ?? 'public');
  if (!sensitivity.success)
    throw new CommandError(`--sensitivity must be one of ${Sensitivity.options.join(', ')}.`);

  const codeProperty = values['code-property'];
  let found;
  try {
    const format = formatOption(values.format);
    found = inspectionOf(
      await inspectFile(fileChunks(file)(), {
        ...(format ? { format } : {}),
        ...(codeProperty ? { codeProperty } : {}),
      }),
    );
  } catch (error) {
    io.err(`${fileProblem(file, error)}\n`);
    return 1;
  }
  const { hash, size } = await digest(file);
  const actor = await actingUser(database, values.as);
  const ctx: ImportContext = {
    db: database.db,
    now: () => new Date(),
    requestId: 'cli:import',
    security: securitySettings(config),
  };

  let mapping: HxlMapping | undefined;
  if (found.format === 'hxl' && 'columns' in found) {
    mapping = await hxlMappingFor(database, found.columns, values.mapping, io);
    if (!mapping) return 1;
  }

  const earlier = await findCommittedBatchByHash(database.db, hash);
  if (earlier && !values.again) {
    io.err(
      `This file was imported before, as batch ${earlier.id} on ${earlier.createdAt}; ` +
        `nothing to do (--again imports it anyway).\n`,
    );
    return 0;
  }
  const queued = await queueImport(ctx, actor, {
    format: found.format,
    fileName: basename(file),
    contentHash: hash,
    byteSize: size,
    mode,
    sensitivity: sensitivity.data,
    ...(mapping ? { mapping } : {}),
    ...(found.format === 'geojson' && codeProperty ? { codeProperty } : {}),
  });

  const started = Date.now();
  const done = await runImport(ctx, queued.batch.id, fileChunks(file), {
    stagingDepth: stagingDepthFor(database.kind),
    progressEveryMs: 1_000,
    onProgress: (p) => {
      const share = size > 0 ? p.bytesRead / size : 1;
      const elapsed = (Date.now() - started) / 1000;
      const left = share > 0 ? (elapsed / share - elapsed).toFixed(0) : '?';
      io.err(
        `  ${(100 * share).toFixed(0)}%  ${p.rowsRead} rows read, ${p.rowsRead - p.rowsInvalid} valid, ` +
          `${p.rowsInvalid} with errors, about ${left} s left\n`,
      );
    },
  });
  if (done.status === 'committed') {
    const derived = await deriveForBatch(ctx, done.id);
    io.err(`  derived ${derived.observations} indicator values in ${derived.areas} areas\n`);
  }
  io.out(`${JSON.stringify(summary(done))}\n`);
  if (done.status === 'committed') {
    if (done.rowsInvalid > 0) await printRowErrors(database, done, io, 'left out');
    return 0;
  }
  io.err(`${done.failure ?? `The import ended ${done.status}.`}\n`);
  await printRowErrors(database, done, io, 'error');
  return 1;
}

/** `prevention export …`: the records the user may see, written to standard output. */
export async function exportCommand(
  database: DatabaseHandle,
  config: Config,
  args: string[],
  io: CommandOutput & { write: (chunk: string) => boolean | Promise<void> },
): Promise<number> {
  const { values, positionals } = parse(args, exportOptions);
  if (positionals.length > 0)
    throw new CommandError(`export takes no file: redirect its output (> file.csv).`);
  const kind = values.kind ?? 'signals';
  if (kind !== 'signals' && kind !== 'observations')
    throw new CommandError('--kind must be signals or observations.');
  const format = values.format ?? exportFormatsOf[kind][0];
  if (!exportFormatsOf[kind].includes(format as never))
    throw new CommandError(
      `${kind} are exported as ${exportFormatsOf[kind].join(' or ')}, not "${format}".`,
    );
  for (const month of [values.from, values.to])
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new CommandError(`--from and --to are months such as 2026-03, not "${month}".`);
  const actor = await actingUser(database, values.as);
  const request: ExportRequest = {
    kind,
    format: format as ExportRequest['format'],
    ...(values.area ? { areaCode: values.area.toUpperCase() } : {}),
    ...(values.pillar ? { pillar: values.pillar } : {}),
    ...(values.indicator ? { code: values.indicator } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  };
  const ctx: ImportContext = {
    db: database.db,
    now: () => new Date(),
    requestId: 'cli:export',
    security: securitySettings(config),
  };
  for await (const chunk of exportRecords(ctx, actor, request)) await io.write(chunk);
  return 0;
}

function onlyFile(positionals: string[]): string {
  const [file, ...more] = positionals;
  if (!file || more.length > 0) throw new CommandError('Name exactly one file to import.');
  return file;
}

function fileProblem(file: string, error: unknown): string {
  if (error instanceof ExchangeError) return `${file}: ${error.message}`;
  if (isAppError(error)) return `${file}: ${error.message}`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${file}: no such file.`;
  if (code === 'EISDIR') return `${file}: is a directory, not a file.`;
  if (code === 'EACCES') return `${file}: not readable.`;
  throw error;
}

async function digest(file: string): Promise<{ hash: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { hash: hash.digest('hex'), size };
}

/** `--as EMAIL`, or else the one active administrator, if there is exactly one. */
export async function actingUser(
  database: DatabaseHandle,
  email: string | undefined,
): Promise<Actor> {
  let user;
  if (email) {
    user = await findUserByEmail(database.db, email.toLowerCase());
    if (!user || user.disabled) throw new CommandError(`There is no active user ${email}.`);
  } else {
    const { users } = await findUsers(database.db, { role: 'administrator' }, { limit: 3 });
    const active = users.filter((u) => !u.disabled);
    if (active.length !== 1)
      throw new CommandError('Say whose import or export this is with --as EMAIL.');
    user = active[0];
  }
  if (!user) throw new CommandError('Say whose import or export this is with --as EMAIL.');
  return { userId: user.id, roles: user.roles, scope: user.scope, clearance: user.clearance };
}

/** The mapping from --mapping, else the one saved for this shape, else a complete suggestion. */
async function hxlMappingFor(
  database: DatabaseHandle,
  columns: Parameters<typeof hxlShapeKey>[0],
  mappingFile: string | undefined,
  io: CommandOutput,
): Promise<HxlMapping | undefined> {
  if (mappingFile) {
    const parsed = HxlMapping.safeParse(JSON.parse(await readFile(mappingFile, 'utf8')));
    if (!parsed.success)
      throw new CommandError(
        `${mappingFile} is not an HXL mapping: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    return parsed.data;
  }
  const saved = HxlMapping.safeParse(await findHxlMapping(database.db, hxlShapeKey(columns)));
  if (saved.success) return saved.data;
  const suggestion = suggestHxlMapping(columns);
  if (suggestion.complete) {
    io.err(`Using the suggested mapping: ${JSON.stringify(suggestion.mapping)}\n`);
    return HxlMapping.parse(suggestion.mapping);
  }
  io.err(
    `No mapping for this file's columns. Complete this suggestion and pass it with --mapping FILE:\n` +
      `${JSON.stringify(suggestion, null, 2)}\n`,
  );
  return undefined;
}

function summary(batch: ImportBatchRecord) {
  return {
    batch: batch.id,
    status: batch.status,
    format: batch.format,
    file: batch.fileName,
    rowsRead: batch.rowsRead,
    rowsInvalid: batch.rowsInvalid,
    added: batch.added,
    updated: batch.updated,
    unchanged: batch.unchanged,
  };
}

async function printRowErrors(
  database: DatabaseHandle,
  batch: ImportBatchRecord,
  io: CommandOutput,
  label: string,
): Promise<void> {
  let afterSeq: number | undefined;
  for (;;) {
    const page = await findImportRowErrors(database.db, batch.id, {
      limit: 1_000,
      ...(afterSeq === undefined ? {} : { afterSeq }),
    });
    io.err(
      page.errors
        .map((e) => `${label}: line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}\n`)
        .join(''),
    );
    if (page.nextCursor === null) return;
    afterSeq = page.nextCursor;
  }
}
