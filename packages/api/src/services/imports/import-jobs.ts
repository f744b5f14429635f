import {
  failInterruptedBatches,
  findImportBatch,
  findTouchedAreaMonths,
  findUnpurgedBatches,
  purgeImportBatchRows,
  type JobQueue,
} from '@prevention/db';
import { deriveForBatch, deriveTouched, type AreaMonth } from '../derivation.js';
import { mergeTouched, type TouchedArea } from '../risk/recompute.js';
import { z } from 'zod';
import type { ImportServices } from '../../context.js';
import { runImport, type ImportContext } from './run-import.js';
import type { UploadStore } from './upload-store.js';

const ImportJob = z.object({ batchId: z.uuid(), uploadId: z.uuid() });
const PurgeJob = z.object({ batchId: z.uuid() });

export interface ImportJobOptions {
  /**
   * Batches created before this moment and still running are taken as interrupted (their
   * process stopped). The embedded database has one process, so all of them are; on
   * PostgreSQL other servers may be importing, so only old ones are.
   */
  interruptedBefore?: Date;
  /** Told when a job fails unexpectedly (a database error), for the log. */
  onJobError: (error: unknown, job: string) => void;
  /**
   * Told of the areas whose observations changed (a batch committed or rolled back, and what
   * was derived from it), from their earliest changed month: the risk profiles to recompute.
   */
  observationsChanged?: (areas: readonly TouchedArea[]) => Promise<void>;
  /** Staging statements in flight (`stagingDepthFor` the database). */
  stagingDepth?: number;
}

/** Each touched area once, from its earliest month. */
function touchedAreas(touched: readonly AreaMonth[]): TouchedArea[] {
  return mergeTouched(
    touched.map((t) => ({ areaCode: t.areaCode, countryCode: t.countryCode, from: t.month })),
  );
}

/**
 * Imports as background jobs: a batch queued by `imports.start` runs in a worker of the job
 * queue, never on a request; its upload is deleted when it ends; a batch that did not commit
 * has its invisible rows deleted by a second job, a chunk at a time. At start, batches that a
 * stopped process left running are failed, and their rows queued for deletion.
 */
export async function startImportJobs(
  queue: JobQueue,
  ctx: ImportContext,
  uploads: UploadStore,
  options: ImportJobOptions,
): Promise<ImportServices> {
  await failInterruptedBatches(ctx.db, ctx.now(), options.interruptedBefore);
  for (const batchId of await findUnpurgedBatches(ctx.db))
    await queue.send('import-purge', { batchId });

  await queue.work('import', async (data) => {
    const { batchId, uploadId } = ImportJob.parse(data);
    let done;
    try {
      done = await runImport(ctx, batchId, uploads.open(uploadId), {
        ...(options.stagingDepth ? { stagingDepth: options.stagingDepth } : {}),
      });
    } catch (error) {
      options.onJobError(error, 'import');
      await queue.send('import-purge', { batchId });
      throw error;
    } finally {
      await uploads.remove(uploadId);
    }
    if (done.status === 'committed') {
      await deriveForBatch(ctx, batchId);
      const touched = await findTouchedAreaMonths(ctx.db, batchId, done.target);
      await options.observationsChanged?.(touchedAreas(touched));
    } else await queue.send('import-purge', { batchId });
  });
  await queue.work('import-purge', async (data) => {
    const { batchId } = PurgeJob.parse(data);
    const batch = await findImportBatch(ctx.db, batchId);
    // A rolled-back batch had been visible: what was derived from it is derived again, from
    // the months it touched (read before its rows go).
    const touched =
      batch?.status === 'rolled-back'
        ? await findTouchedAreaMonths(ctx.db, batchId, batch.target)
        : [];
    while ((await purgeImportBatchRows(ctx.db, batchId)) > 0);
    if (batch && touched.length > 0) {
      await deriveTouched({ ...ctx, systemUserId: batch.createdBy }, touched);
      await options.observationsChanged?.(touchedAreas(touched));
    }
  });

  return {
    uploads,
    enqueue: async (batchId, uploadId) => {
      await queue.send('import', { batchId, uploadId });
    },
    purgeLater: async (batchId) => {
      await queue.send('import-purge', { batchId });
    },
  };
}
