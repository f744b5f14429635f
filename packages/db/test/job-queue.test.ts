import { describe, expect, it } from 'vitest';
import { startJobQueue } from '../src/index.js';
import { databaseKinds, useTestDatabase } from '../src/testing/index.js';

describe.each(databaseKinds())('the job queue on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('runs queued jobs one at a time, in the background', async () => {
    const errors: Error[] = [];
    const queue = await startJobQueue(database.handle, {
      pollingIntervalSeconds: 0.5,
      onError: (error) => errors.push(error),
    });
    try {
      const seen: unknown[] = [];
      let running = 0;
      let mostAtOnce = 0;
      const done = new Promise<void>((resolve) => {
        void queue.work('import', async (data) => {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await new Promise((r) => setTimeout(r, 20));
          seen.push(data);
          running -= 1;
          if (seen.length === 3) resolve();
        });
      });
      for (const n of [1, 2, 3]) await queue.send('import', { batchId: `b${n}` });
      await done;
      expect(seen.map((d) => (d as { batchId: string }).batchId).sort()).toEqual([
        'b1',
        'b2',
        'b3',
      ]);
      expect(mostAtOnce).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await queue.stop(2_000);
    }
  });

  it('records a job whose handler throws as failed, and goes on with the next', async () => {
    const queue = await startJobQueue(database.handle, {
      pollingIntervalSeconds: 0.5,
      onError: () => undefined,
    });
    try {
      const done = new Promise<string>((resolve) => {
        void queue.work('import-purge', async (data) => {
          const { n } = data as { n: number };
          if (n === 1) throw new Error('the first one fails');
          resolve(`ran ${n}`);
        });
      });
      await queue.send('import-purge', { n: 1 });
      await queue.send('import-purge', { n: 2 });
      expect(await done).toBe('ran 2');
    } finally {
      await queue.stop(2_000);
    }
  });
});
