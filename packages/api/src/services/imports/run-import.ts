import { hash } from 'node:crypto';
import {
  AppError,
  canonicalJson,
  isCountryInScope,
  newId,
  stricterSensitivity,
  type Actor,
  type Observation,
} from '@prevention/core';
import {
  analyzeImportedTable,
  appendAuditEntries,
  commitImportBatch,
  endImportBatch,
  findAreaCodes,
  findImportBatch,
  findUserById,
  recordImportProgress,
  stageBoundaries,
  stageObservations,
  stageSignals,
  startImportBatch,
  type DatabaseClient,
  type ImportBatchRecord,
  type ImportProgress,
  type ImportRowError,
  type StageResult,
  type StagedBoundary,
  type StagedObservation,
  type StagedSignal,
  appendImportRowErrors,
} from '@prevention/db';
import {
  ExchangeError,
  HxlMapping,
  readAcled,
  readBoundaries,
  readHxl,
  readObservationCsv,
  type AcledEvent,
  type BoundaryFeature,
  type Reading,
  type RowError,
} from '@prevention/exchange';
import { z } from 'zod';
import { auditEntry, type AuditContext } from '../audit-trail.js';

/** What an import needs from its host: the database, the clock, and the audit settings. */
export type ImportContext = AuditContext & { db: DatabaseClient };

export interface RunImportOptions {
  /** Rows written per statement: small enough that other requests get in between. */
  chunkRows?: number;
  /** How often progress is saved (and a cancel request noticed). */
  progressEveryMs?: number;
  /** Told of progress as it is saved (the CLI prints it). */
  onProgress?: (progress: ImportProgress) => void;
  /** Staging statements in flight at once; see `stagingDepthFor`. */
  stagingDepth?: number;
}

/**
 * How many staging statements an import keeps in flight on a database. PostgreSQL: two, so that
 * the server writes one chunk while this process hands it the next (with one, it sat idle for a
 * third of an import). PGlite: one — its single session runs statements one after another
 * anyway, and every request behind a second queued chunk waited for both (a signed-in read's p99
 * during an import: 159 ms with one, 252 ms with two).
 */
export function stagingDepthFor(kind: 'pglite' | 'postgres'): number {
  return kind === 'postgres' ? 2 : 1;
}

/** A batch that writes at least this many rows has its table analysed after the commit. */
const analyseAfterRows = 1_000;

type Staged =
  | { target: 'signals'; rows: StagedSignal[] }
  | { target: 'observations'; rows: StagedObservation[] }
  | { target: 'boundaries'; rows: StagedBoundary[] };

type StagedRow = StagedSignal | StagedObservation | StagedBoundary;

const emptyStaged = (target: Staged['target']): Staged => ({ target, rows: [] }) as Staged;

/** What a GeoJSON batch keeps in its `mapping`: the P-code property the importer chose. */
const BoundaryMapping = z.object({ codeProperty: z.string().min(1) });

const duplicateMessages: Record<Staged['target'], (firstLine: number) => string> = {
  signals: (first) => `This event repeats the one on line ${first}.`,
  observations: (first) =>
    `This value repeats the one on line ${first} (same indicator, area, period, sex, age and source).`,
  boundaries: (first) => `This feature outlines the same area as feature ${first - 1}.`,
};

/**
 * Runs one queued batch from its file: reads the rows as they stream, validates each with the
 * owning pillar's schemas, checks each against the importer's countries, stages the valid ones
 * in short statements and, at the end, either commits the batch in one short transaction (with
 * its audit entry) or ends it as failed or cancelled, with nothing visible. Every bad row is
 * stored with its line, column and reason. `open` is called once and must give the file's bytes.
 */
export async function runImport(
  ctx: ImportContext,
  batchId: string,
  open: () => AsyncIterable<Uint8Array>,
  options: RunImportOptions = {},
): Promise<ImportBatchRecord> {
  const chunkRows = options.chunkRows ?? 500;
  const progressEveryMs = options.progressEveryMs ?? 500;
  const batch = await findImportBatch(ctx.db, batchId);
  if (!batch) throw new AppError('NOT_FOUND', 'There is no import with this id.');
  if (!(await startImportBatch(ctx.db, batchId, ctx.now()))) return batch;

  const creator = await findUserById(ctx.db, batch.createdBy);
  if (!creator || creator.disabled)
    return fail(ctx, batchId, 'The account that started this import is disabled.');
  const actor: Actor = {
    userId: creator.id,
    roles: creator.roles,
    scope: creator.scope,
    clearance: creator.clearance,
  };

  const areas = new Map((await findAreaCodes(ctx.db)).map((a) => [a.code, a.countryCode]));
  const resolveArea = (code: string) => {
    const wanted = code.trim().toUpperCase();
    return areas.has(wanted) ? wanted : undefined;
  };

  const progress: ImportProgress = {
    bytesRead: 0,
    rowsRead: 0,
    rowsInvalid: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
  };
  let errorSeq = 0;
  let pendingErrors: ImportRowError[] = [];
  let staged: Staged = emptyStaged(batch.target);
  let lastSaved = Date.now();
  let cancelled = false;
  const writing = () => batch.mode === 'valid-rows' || progress.rowsInvalid === 0;

  const counted = async function* () {
    for await (const chunk of open()) {
      progress.bytesRead += chunk.byteLength;
      yield chunk;
    }
  };

  const bad = (errors: readonly RowError[]) => {
    progress.rowsInvalid += 1;
    for (const e of errors)
      pendingErrors.push({
        line: e.line,
        column: e.column === '' ? null : e.column,
        message: e.message,
      });
  };

  const flushErrors = async () => {
    if (pendingErrors.length === 0) return;
    const errors = pendingErrors;
    pendingErrors = [];
    await appendImportRowErrors(ctx.db, batchId, errorSeq, errors);
    errorSeq += errors.length;
  };

  /**
   * Staging runs on the database's side while this thread parses the next chunk, with
   * `stagingDepth` chunks in flight; memory holds at most one more than that.
   */
  const writes = new WritesInFlight(options.stagingDepth ?? 1);
  const flushStaged = async () => {
    const chunk = staged;
    staged = emptyStaged(chunk.target);
    if (chunk.rows.length === 0) return;
    if (!writing()) return;
    await writes.push(() => stageChunk(chunk));
  };
  const drainStaged = async () => {
    await flushStaged();
    await writes.drain();
  };

  const stageChunk = async (chunk: Staged) => {
    const by = { id: batchId, createdBy: batch.createdBy, now: ctx.now() };
    const result: StageResult =
      chunk.target === 'signals'
        ? await stageSignals(ctx.db, by, chunk.rows)
        : chunk.target === 'observations'
          ? await stageObservations(ctx.db, by, chunk.rows)
          : await stageBoundaries(ctx.db, by, chunk.rows);
    for (const outcome of result.outcomes) if (outcome) progress[outcome] += 1;
    const repeatedLines = new Set<number>();
    for (const duplicate of result.duplicates) {
      if (repeatedLines.has(duplicate.line)) continue;
      repeatedLines.add(duplicate.line);
      bad([
        {
          line: duplicate.line,
          column: '',
          message: duplicateMessages[chunk.target](duplicate.firstLine),
        },
      ]);
    }
  };

  const saveProgress = async (force = false) => {
    if (!force && Date.now() - lastSaved < progressEveryMs) return;
    lastSaved = Date.now();
    await flushErrors();
    const { cancelRequested } = await recordImportProgress(ctx.db, batchId, progress);
    options.onProgress?.({ ...progress });
    if (cancelRequested) cancelled = true;
  };

  const outOfScope = (countryCode: string | undefined) =>
    countryCode === undefined || !isCountryInScope(actor.scope, countryCode);

  try {
    const signalRow = (line: number, event: AcledEvent): StagedSignal | RowError[] => {
      const { signal } = event;
      const countryCode = areas.get(signal.areaCode) ?? undefined;
      if (!countryCode)
        return [{ line, column: 'iso', message: `There is no area ${signal.areaCode}.` }];
      if (outOfScope(countryCode))
        return [
          {
            line,
            column: 'iso',
            message: `${countryCode} is not one of the countries you work on.`,
          },
        ];
      return {
        id: newId(),
        line,
        externalId: event.externalKey,
        contentHash: sha256(canonicalJson(signal)),
        pillar: signal.pillar,
        kind: signal.kind,
        areaCode: signal.areaCode,
        countryCode,
        occurredOn: signal.occurredOn,
        title: signal.title,
        severity: signal.severity,
        verification: signal.verification,
        source: signal.source,
        sensitivity: stricterSensitivity(signal.sensitivity, batch.sensitivity),
        fieldSensitivity: signal.fieldSensitivity,
        payload: signal.payload,
      };
    };
    const observationRow = (
      line: number,
      observation: Observation,
      column: string,
    ): StagedObservation | RowError[] => {
      const countryCode = areas.get(observation.areaCode);
      if (outOfScope(countryCode))
        return [
          { line, column, message: `${observation.areaCode} is not in the countries you work on.` },
        ];
      return {
        id: newId(),
        line,
        indicatorCode: observation.indicatorCode,
        areaCode: observation.areaCode,
        countryCode: countryCode as string,
        period: observation.period,
        sex: observation.disaggregation?.sex ?? null,
        age: observation.disaggregation?.age ?? null,
        source: observation.source,
        value: observation.value,
        reliability: observation.reliability,
        sensitivity: batch.sensitivity,
      };
    };

    const boundaryRow = (
      line: number,
      boundary: BoundaryFeature,
      column: string,
    ): StagedBoundary | RowError[] => {
      const countryCode = areas.get(boundary.areaCode);
      if (countryCode === boundary.areaCode)
        return [
          {
            line,
            column,
            message: `Feature ${boundary.index}: ${boundary.areaCode} is a country; its sub-national areas have P-codes.`,
          },
        ];
      if (outOfScope(countryCode))
        return [
          {
            line,
            column,
            message: `Feature ${boundary.index}: ${boundary.areaCode} is not in the countries you work on.`,
          },
        ];
      return {
        id: newId(),
        line,
        areaCode: boundary.areaCode,
        countryCode: countryCode as string,
        geometry: JSON.stringify(boundary.geometry),
        points: boundary.points,
        sourcePoints: boundary.sourcePoints,
        nameInSource: boundary.name,
      };
    };

    const take = async (rows: (StagedRow | RowError[])[]) => {
      progress.rowsRead += 1;
      const errors = rows.filter((r): r is RowError[] => Array.isArray(r)).flat();
      if (errors.length > 0) return bad(errors);
      for (const row of rows) if (!Array.isArray(row)) (staged.rows as StagedRow[]).push(row);
      if (staged.rows.length >= chunkRows) await flushStaged();
    };

    if (batch.format === 'acled') {
      const reading = await readAcled(counted());
      for await (const row of reading.rows) {
        if (!row.ok) {
          progress.rowsRead += 1;
          bad(row.errors);
        } else await take([signalRow(row.line, row.value)]);
        await saveProgress();
        if (cancelled) break;
      }
    } else if (batch.format === 'geojson') {
      const chosen = BoundaryMapping.safeParse(batch.mapping);
      const reading = await readBoundaries(counted(), {
        resolveArea,
        ...(chosen.success ? { codeProperty: chosen.data.codeProperty } : {}),
      });
      const codeColumn = (index: number) =>
        `features[${index}].properties.${reading.info.codeProperty ?? ''}`;
      for await (const row of reading.rows) {
        if (!row.ok) {
          progress.rowsRead += 1;
          bad(row.errors);
        } else await take([boundaryRow(row.line, row.value, codeColumn(row.value.index))]);
        await saveProgress();
        if (cancelled) break;
      }
    } else {
      const reading: Reading<Observation | Observation[]> =
        batch.format === 'csv'
          ? await readObservationCsv(counted(), {
              resolveArea,
              // A row without a source keeps the file it came from as one.
              source: `Imported from ${batch.fileName}`,
            })
          : await readHxl(counted(), { mapping: HxlMapping.parse(batch.mapping), resolveArea });
      // The column a scope problem is reported in: plain CSV's header, or HXL's area tag.
      const areaColumn = batch.format === 'csv' ? 'area' : (mappingOf(batch)?.area[0] ?? 'area');
      for await (const row of reading.rows) {
        if (!row.ok) {
          progress.rowsRead += 1;
          bad(row.errors);
        } else {
          const values = Array.isArray(row.value) ? row.value : [row.value];
          await take(values.map((o) => observationRow(row.line, o, areaColumn)));
        }
        await saveProgress();
        if (cancelled) break;
      }
    }
    if (!cancelled) await drainStaged();
    else await writes.drain();
    await saveProgress(true);
  } catch (error) {
    // Nothing of this batch may still be writing when it ends.
    await writes.drain().catch(() => undefined);
    await flushErrors().catch(() => undefined);
    if (error instanceof ExchangeError) return fail(ctx, batchId, error.message);
    await fail(
      ctx,
      batchId,
      'The import stopped on an internal error; nothing was imported.',
    ).catch(() => undefined);
    throw error;
  }

  if (cancelled)
    return endImportBatch(ctx.db, batchId, {
      status: 'cancelled',
      failure: 'Cancelled; nothing was imported.',
      now: ctx.now(),
    });
  if (batch.mode === 'all-or-nothing' && progress.rowsInvalid > 0)
    return fail(
      ctx,
      batchId,
      `${progress.rowsInvalid.toLocaleString('en')} of ${progress.rowsRead.toLocaleString('en')} rows have errors; nothing was imported.`,
    );
  const committed = await ctx.db.transaction().execute(async (trx) => {
    const committed = await commitImportBatch(trx, batchId, ctx.now());
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'import.commit',
        resourceType: 'import_batch',
        resourceId: batchId,
        changes: [
          { field: 'fileName', before: null, after: committed.fileName },
          { field: 'contentHash', before: null, after: committed.contentHash },
          { field: 'format', before: null, after: committed.format },
          { field: 'added', before: null, after: committed.added },
          { field: 'updated', before: null, after: committed.updated },
          { field: 'unchanged', before: null, after: committed.unchanged },
          { field: 'rowsInvalid', before: null, after: committed.rowsInvalid },
        ],
      }),
    ]);
    return committed;
  });
  // A large batch changes the table's statistics enough to mislead the planner until analysed.
  if (committed.added + committed.updated >= analyseAfterRows)
    await analyzeImportedTable(ctx.db, committed.target);
  return committed;
}

function mappingOf(batch: ImportBatchRecord): HxlMapping | undefined {
  const parsed = HxlMapping.safeParse(batch.mapping);
  return parsed.success ? parsed.data : undefined;
}

async function fail(ctx: ImportContext, batchId: string, failure: string) {
  return endImportBatch(ctx.db, batchId, { status: 'failed', failure, now: ctx.now() });
}

/**
 * Writes that run while the caller goes on: at most `depth` at once, each started after the
 * oldest has finished once that many are running. A failed write is never left unhandled; its
 * error is thrown by the next `push` or by `drain`, which waits for every write.
 */
class WritesInFlight {
  readonly #running: Promise<void>[] = [];
  #failure: { error: unknown } | undefined;

  constructor(private readonly depth: number) {}

  async push(write: () => Promise<void>): Promise<void> {
    this.#throwFailure();
    if (this.#running.length >= this.depth) await this.#running.shift();
    this.#throwFailure();
    this.#running.push(
      write().catch((error: unknown) => {
        this.#failure ??= { error };
      }),
    );
  }

  async drain(): Promise<void> {
    await Promise.all(this.#running.splice(0));
    this.#throwFailure();
  }

  #throwFailure() {
    if (this.#failure) throw this.#failure.error;
  }
}

function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}
