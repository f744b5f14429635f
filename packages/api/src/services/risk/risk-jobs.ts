import { failInterruptedRiskRuns, type JobQueue } from '@prevention/db';
import { z } from 'zod';
import type { RiskServices } from '../../context.js';
import { queueRiskRun, runRiskRun, type RiskContext } from './recompute.js';

const RiskJob = z.object({ runId: z.uuid() });

export type RiskJobs = RiskServices;

/**
 * Recomputations of risk profiles as background jobs, one run at a time, never on a request. At
 * start, runs a stopped process left queued or running are failed (a later run recomputes).
 */
export async function startRiskJobs(
  queue: JobQueue,
  ctx: RiskContext,
  options: { interruptedBefore?: Date; onJobError: (error: unknown, job: string) => void },
): Promise<RiskJobs> {
  await failInterruptedRiskRuns(ctx.db, ctx.now(), options.interruptedBefore);
  await queue.work('risk-recompute', async (data) => {
    const { runId } = RiskJob.parse(data);
    try {
      await runRiskRun(ctx, runId);
    } catch (error) {
      options.onJobError(error, 'risk-recompute');
      throw error;
    }
  });
  return {
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
  };
}
