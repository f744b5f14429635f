import {
  AppError,
  hasAnyRole,
  mayView,
  newId,
  type Actor,
  type Sensitivity,
} from '@prevention/core';
import {
  appendAuditEntries,
  findCommittedBatchByHash,
  findImportBatch,
  findImportBatches,
  findImportRowErrors,
  ImportLaterBatchError,
  ImportStateError,
  insertImportBatch,
  requestImportCancel,
  rollBackImportBatch,
  saveHxlMapping,
  type ImportBatchRecord,
  type ImportFormat,
  type ImportMode,
  type ImportTarget,
} from '@prevention/db';
import { hxlShapeKey, inspectFile, type HxlMapping } from '@prevention/exchange';
import type { ImportServices } from '../../context.js';
import { auditEntry } from '../audit-trail.js';
import type { ImportContext } from './run-import.js';

/** A file about to be imported: what the upload (or the CLI) learnt of it while storing it. */
export interface ImportFile {
  format: ImportFormat;
  fileName: string;
  /** SHA-256 of its bytes, hex. */
  contentHash: string;
  byteSize: number;
  mode: ImportMode;
  sensitivity: Sensitivity;
  /** The confirmed HXL mapping (HXL only). */
  mapping?: HxlMapping;
  /** GeoJSON only: the property of the P-codes, when not detected. */
  codeProperty?: string;
}

export interface QueuedImport {
  batch: ImportBatchRecord;
  /** A committed batch that already brought in exactly these bytes, if any. */
  sameContentAs: ImportBatchRecord | null;
}

export interface StartImportRequest {
  uploadId: string;
  format?: ImportFormat;
  mode: ImportMode;
  sensitivity: Sensitivity;
  mapping?: HxlMapping;
  saveMapping: boolean;
  codeProperty?: string;
}

/**
 * Queues the import of a file the caller uploaded and hands it to the background jobs. The
 * file is inspected again (its format, its columns); an HXL mapping to remember is saved only
 * once the batch is accepted, so a refused start changes nothing.
 */
export async function startImport(
  ctx: ImportContext,
  actor: Actor,
  services: ImportServices | undefined,
  request: StartImportRequest,
): Promise<QueuedImport> {
  if (!services)
    throw new AppError('PRECONDITION_FAILED', 'Imports are not available on this server.');
  const upload = await services.uploads.find(request.uploadId, actor.userId);
  if (!upload) throw AppError.notFound('The uploaded file');
  const found = await inspectFile(services.uploads.open(upload.id)(), {
    ...(request.format ? { format: request.format } : {}),
    ...(request.codeProperty ? { codeProperty: request.codeProperty } : {}),
  });
  const queued = await queueImport(ctx, actor, {
    format: found.kind === 'table' ? found.inspection.format : 'geojson',
    fileName: upload.fileName,
    contentHash: upload.contentHash,
    byteSize: upload.byteSize,
    mode: request.mode,
    sensitivity: request.sensitivity,
    ...(request.mapping ? { mapping: request.mapping } : {}),
    ...(request.codeProperty ? { codeProperty: request.codeProperty } : {}),
  });
  if (request.saveMapping && request.mapping && found.kind === 'table')
    await saveHxlMapping(ctx.db, hxlShapeKey(found.inspection.columns), request.mapping, {
      userId: actor.userId,
      now: ctx.now(),
    });
  await services.enqueue(queued.batch.id, upload.id);
  return queued;
}

/** The table each format's records go to. */
const targetOf = {
  acled: 'signals',
  hxl: 'observations',
  csv: 'observations',
  geojson: 'boundaries',
} as const satisfies Record<ImportFormat, ImportTarget>;

/** Administrators see every batch; others, the batches they started. */
const seesEveryBatch = (actor: Actor) => hasAnyRole(actor, ['administrator', 'hq-planner']);

/**
 * Queues a batch for a stored file. The records will carry `sensitivity`, which must not exceed
 * the importer's clearance; an HXL file needs its mapping. A file whose bytes were committed
 * before is queued all the same, and the answer says which batch had them.
 */
export async function queueImport(
  ctx: ImportContext,
  actor: Actor,
  file: ImportFile,
): Promise<QueuedImport> {
  if (!mayView(actor, file.sensitivity))
    throw new AppError('FORBIDDEN', 'You cannot import records above your own clearance.');
  if (file.format === 'hxl' && !file.mapping)
    throw new AppError('BAD_REQUEST', 'An HXL file needs a confirmed mapping.');
  if (file.format !== 'hxl' && file.mapping)
    throw new AppError('BAD_REQUEST', 'Only an HXL file takes a mapping.');
  if (file.format !== 'geojson' && file.codeProperty)
    throw new AppError('BAD_REQUEST', 'Only a GeoJSON file takes a P-code property.');
  // Outlines are reference data that every reader of a country's risk sees.
  if (file.format === 'geojson' && file.sensitivity !== 'public')
    throw new AppError(
      'BAD_REQUEST',
      'Boundaries are public reference data: import them as public.',
    );
  const sameContentAs = (await findCommittedBatchByHash(ctx.db, file.contentHash)) ?? null;
  const batch = await insertImportBatch(ctx.db, {
    id: newId(),
    format: file.format,
    target: targetOf[file.format],
    fileName: file.fileName,
    contentHash: file.contentHash,
    byteSize: file.byteSize,
    mode: file.mode,
    sensitivity: file.sensitivity,
    ...(file.mapping ? { mapping: file.mapping } : {}),
    ...(file.codeProperty ? { mapping: { codeProperty: file.codeProperty } } : {}),
    createdBy: actor.userId,
    now: ctx.now(),
  });
  return { batch, sameContentAs };
}

export async function getImport(
  ctx: ImportContext,
  actor: Actor,
  id: string,
): Promise<ImportBatchRecord> {
  const batch = await findImportBatch(ctx.db, id);
  // Another user's batch is, for this caller, not there.
  if (!batch || (!seesEveryBatch(actor) && batch.createdBy !== actor.userId))
    throw AppError.notFound('The import');
  return batch;
}

export async function listImports(
  ctx: ImportContext,
  actor: Actor,
  page: { beforeId?: string; limit: number },
): Promise<{ items: ImportBatchRecord[]; nextCursor: string | null }> {
  const { batches, nextCursor } = await findImportBatches(
    ctx.db,
    seesEveryBatch(actor) ? {} : { createdBy: actor.userId },
    page,
  );
  return { items: batches, nextCursor };
}

export async function listImportErrors(
  ctx: ImportContext,
  actor: Actor,
  id: string,
  page: { afterSeq?: number; limit: number },
) {
  await getImport(ctx, actor, id);
  return findImportRowErrors(ctx.db, id, page);
}

/** Asks a running import to stop; it ends as cancelled with nothing committed. */
export async function cancelImport(
  ctx: ImportContext,
  actor: Actor,
  id: string,
): Promise<ImportBatchRecord> {
  const batch = await getImport(ctx, actor, id);
  const asked = await ctx.db.transaction().execute(async (trx) => {
    if (!(await requestImportCancel(trx, id))) return false;
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'import.cancel',
        resourceType: 'import_batch',
        resourceId: id,
      }),
    ]);
    return true;
  });
  if (!asked) throw new AppError('CONFLICT', `This import has already ended (${batch.status}).`);
  return (await findImportBatch(ctx.db, id)) ?? batch;
}

/**
 * Rolls a committed batch back whole, audited in the same transaction: its records disappear
 * and those it had replaced come back.
 */
export async function rollBackImport(
  ctx: ImportContext,
  actor: Actor,
  id: string,
): Promise<ImportBatchRecord> {
  await getImport(ctx, actor, id);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const batch = await rollBackImportBatch(trx, id, { userId: actor.userId, now: ctx.now() });
      await appendAuditEntries(trx, [
        auditEntry(ctx, actor, {
          action: 'import.rollBack',
          resourceType: 'import_batch',
          resourceId: id,
          changes: [{ field: 'status', before: 'committed', after: 'rolled-back' }],
        }),
      ]);
      return batch;
    });
  } catch (error) {
    if (error instanceof ImportLaterBatchError)
      throw new AppError(
        'CONFLICT',
        `A later import (${error.laterBatchId}) changed ${error.rows} of these records: roll that one back first.`,
      );
    if (error instanceof ImportStateError)
      throw new AppError('CONFLICT', 'Only a committed import can be rolled back.');
    throw error;
  }
}
