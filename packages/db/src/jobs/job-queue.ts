import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../open-database.js';

/**
 * Background jobs on pg-boss, over the database the server already has: the embedded one
 * (through its worker thread) or PostgreSQL. pg-boss polls with `SKIP LOCKED`, which PGlite
 * supports, so one queue works on both; its tables live in their own schema.
 */
export interface JobQueue {
  /** Queues a job; resolves to its id. */
  send(queue: JobQueueName, data: object): Promise<string>;
  /**
   * Runs `handler` for each job of `queue`, one at a time. A handler that throws fails the job;
   * pg-boss does not retry it (an import that failed says why, and the user runs it again).
   */
  work(
    queue: JobQueueName,
    handler: (data: unknown, jobId: string) => Promise<void>,
  ): Promise<void>;
  /** Stops taking jobs and waits up to `timeoutMs` for the running ones. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Every queue the platform uses. */
export const jobQueues = ['import', 'import-purge', 'risk-recompute', 'alerts-evaluate'] as const;
export type JobQueueName = (typeof jobQueues)[number];

export interface JobQueueOptions {
  /** How often an idle worker looks for a job (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Where the queue's own errors go (a failed poll, a failed maintenance run): the log. */
  onError: (error: Error) => void;
}

export async function startJobQueue(
  handle: DatabaseHandle,
  options: JobQueueOptions,
): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => handle.executeSql(text, values) },
    schema: handle.jobSchema,
    // Cron schedules are not used; maintenance (expiry, archiving) runs on its own timer.
    schedule: false,
    supervise: true,
    retryLimit: 0,
    // An import of a million rows takes minutes; an hour is the ceiling before pg-boss gives up.
    expireInSeconds: 3600,
  });
  boss.on('error', options.onError);
  await boss.start();
  for (const queue of jobQueues) {
    if (!(await boss.getQueue(queue))) await boss.createQueue(queue);
  }
  const polling = options.pollingIntervalSeconds ?? 1;
  return {
    send: async (queue, data) => {
      const id = await boss.send(queue, data);
      if (!id) throw new Error(`The job queue did not accept a job for ${queue}`);
      return id;
    },
    work: async (queue, handler) => {
      await boss.work(queue, { batchSize: 1, pollingIntervalSeconds: polling }, async ([job]) => {
        if (job) await handler(job.data, job.id);
      });
    },
    stop: (timeoutMs = 10_000) => boss.stop({ graceful: true, timeout: timeoutMs, close: false }),
  };
}
