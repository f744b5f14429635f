import { evaluateAlerts, queueRiskRun, runRiskRun, type SecuritySettings } from '@prevention/api';
import type { DatabaseHandle } from '@prevention/db';
import { CommandError } from './admin-commands.js';
import type { CommandOutput } from './exchange-commands.js';

/**
 * `prevention risk recompute`: every area's profiles under every model version, computed in
 * this process (the server need not run), with progress on standard error and a JSON summary
 * of the run on standard output. As after the server's recomputations, the warning rules are
 * then evaluated over what changed, and the summary counts the alerts raised or updated.
 */
export async function riskCommand(
  database: DatabaseHandle,
  security: SecuritySettings,
  args: string[],
  io: CommandOutput,
): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'recompute' || rest.length > 0)
    throw new CommandError('Usage: prevention risk recompute');
  const ctx = { db: database.db, now: () => new Date() };
  const run = await queueRiskRun(ctx, { kind: 'full' }, null);
  const started = Date.now();
  const done = await runRiskRun(ctx, run.id, {
    onProgress: ({ areasDone, areasTotal }) =>
      io.err(`risk profiles: ${areasDone} of ${areasTotal} areas\n`),
  });
  const alerts =
    done.status === 'done'
      ? await evaluateAlerts({ ...ctx, requestId: 'cli:risk-recompute', security })
      : [];
  io.out(
    `${JSON.stringify({
      run: done.id,
      status: done.status,
      areas: done.areasDone,
      profiles: done.profilesWritten,
      alerts: alerts.length,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    })}\n`,
  );
  return done.status === 'done' ? 0 : 1;
}
