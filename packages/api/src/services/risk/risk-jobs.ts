import { failInterruptedRiskRuns, type JobQueue, type RiskRunRecord } from '@prevention/db';
import { z } from 'zod';
import type { RiskServices } from '../../context.js';
import { queueRiskRun, runRiskRun, type RiskContext } from './recompute.js';
import { RiskViewCache } from './risk-view-cache.js';

const RiskJob = z.object({ runId: z.uuid() });

export interface RiskJobs extends RiskServices {
  /** Stops the run in progress after its current area, and waits for it. */
  stop(): Promise<void>;
}

/**
 * Recomputations of risk profiles as background jobs, one run at a time, never on a request. At
 * start, runs a stopped process left queued or running are failed (a later run recomputes).
 */
export async function startRiskJobs(
  queue: JobQueue,
  ctx: RiskContext,
  options: {
    interruptedBefore?: Date;
    onJobError: (error: unknown, job: string) => void;
    /** After a run has recomputed every area it was asked to: the early-warning rules run next. */
    afterRun?: (run: RiskRunRecord) => Promise<void>;
  },
): Promise<RiskJobs> {
  await failInterruptedRiskRuns(ctx.db, ctx.now(), options.interruptedBefore);
  const stopping = new AbortController();
  const views = new RiskViewCache();
  let running: Promise<unknown> = Promise.resolve();
  await queue.work('risk-recompute', async (data) => {
    const { runId } = RiskJob.parse(data);
    const run = runRiskRun(ctx, runId, {
      signal: stopping.signal,
      onAreaWritten: () => views.invalidate(),
    });
    running = run.catch(() => undefined);
    let done: RiskRunRecord;
    try {
      done = await run;
    } catch (error) {
      options.onJobError(error, 'risk-recompute');
      throw error;
    }
    if (done.status === 'done') await options.afterRun?.(done);
  });
  return {
    views,
    recomputeAll: async (requestedBy) => {
      const run = await queueRiskRun(ctx, { kind: 'full' }, requestedBy);
      await queue.send('risk-recompute', { runId: run.id });
      return run;
    },
    recomputeTouched: async (areas) => {
      if (areas.length === 0) return;
      const run = await queueRiskRun(ctx, { kind: 'incremental', areas }, null);
      await queue.send('risk-recompute', { runId: run.id });
    },
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
}
