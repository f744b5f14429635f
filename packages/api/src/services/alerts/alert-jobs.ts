import { AreaCode, CountryCode, Month } from '@prevention/core';
import type { JobQueue, RiskRunRecord } from '@prevention/db';
import { z } from 'zod';
import type { AlertEvaluationRequest, AlertServices } from '../../context.js';
import { evaluateAlerts, type EvaluatedAlert, type EvaluationContext } from './alert-evaluation.js';

/** The name of the queue the evaluations of the early-warning rules run on. */
export const alertEvaluationQueue = 'alerts-evaluate';

const EvaluationJob = z
  .object({
    areaCodes: z.array(AreaCode).max(100_000).optional(),
    countryCode: CountryCode.optional(),
    from: Month.optional(),
  })
  .strict();

export interface AlertJobOptions {
  onJobError: (error: unknown, job: string) => void;
  /** Told of what each evaluation raised or updated (the log; notifications later). */
  onEvaluated?: (alerts: readonly EvaluatedAlert[]) => void;
}

/**
 * Evaluations of the early-warning rules as background jobs: queued after each recomputation
 * of risk profiles (for the areas it touched), after an endorsement, and by an administrator.
 */
export async function startAlertJobs(
  queue: JobQueue,
  ctx: EvaluationContext,
  options: AlertJobOptions,
): Promise<AlertServices> {
  await queue.work(alertEvaluationQueue, async (data) => {
    const request = EvaluationJob.parse(data);
    try {
      options.onEvaluated?.(await evaluateAlerts(ctx, request));
    } catch (error) {
      options.onJobError(error, alertEvaluationQueue);
      throw error;
    }
  });
  return {
    queueEvaluation: (request) =>
      queue.send(
        alertEvaluationQueue,
        EvaluationJob.parse({
          ...(request.areaCodes ? { areaCodes: [...new Set(request.areaCodes)] } : {}),
          ...(request.countryCode ? { countryCode: request.countryCode } : {}),
          ...(request.from ? { from: request.from } : {}),
        }),
      ),
  };
}

/**
 * The evaluation a finished recomputation asks for: every area after a full run, else the
 * areas it recomputed, from the earliest month whose data changed.
 */
export function evaluationAfterRun(
  run: Pick<RiskRunRecord, 'kind' | 'areas'>,
): AlertEvaluationRequest {
  if (run.kind === 'full') return {};
  const from = run.areas.map((area) => area.from).sort()[0];
  return { areaCodes: run.areas.map((area) => area.areaCode), ...(from ? { from } : {}) };
}
