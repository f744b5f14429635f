import { join } from 'node:path';
import {
  evaluationAfterRun,
  stagingDepthFor,
  startAlertJobs,
  startImportJobs,
  startRiskJobs,
  UploadStore,
  type RiskJobs,
  type TouchedArea,
} from '@prevention/api';
import { findRiskRuns, startJobQueue, type JobQueue } from '@prevention/db';
import pino from 'pino';
import { takeBackup } from './backup/backup-manifest.js';
import { openControlChannel, type ControlChannel } from './backup/control-channel.js';
import type { Config } from './env.js';
import { queueDemoWorldHistory } from './demo-imports.js';
import { startHousekeeping } from './housekeeping.js';
import {
  checkProductionDatabase,
  migrate,
  openConfiguredDatabase,
  seedDemoData,
} from './prepare-database.js';
import { securitySettings } from './security-settings.js';
import { createServer } from './server.js';
import { serverVersion } from './version.js';

export interface RunningServer {
  url: string;
  /** Finishes requests in flight, then checkpoints and closes the database. */
  shutdown(reason: string): Promise<void>;
}

/** What `prevention start` does: open and prepare the database, then serve. */
export async function runServer(config: Config): Promise<RunningServer> {
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openConfiguredDatabase(config);
  let server: Awaited<ReturnType<typeof createServer>> | undefined;
  let control: ControlChannel | null = null;
  let jobs: JobQueue | undefined;
  try {
    log.info({ database: database.description, mode: config.APP_MODE }, 'opening the database');
    await migrate(database, log);
    if (config.APP_MODE === 'demo')
      await seedDemoData(database, securitySettings(config), log, config.DATA_DIR);
    else await checkProductionDatabase(database, log);
    jobs = await startJobQueue(database, {
      onError: (error) => log.warn({ err: error }, 'the job queue reported an error'),
    });
    const security = securitySettings(config);
    const uploads = new UploadStore(join(config.DATA_DIR, 'uploads'), config.IMPORT_MAX_BYTES);
    // The embedded database has this one process; PostgreSQL may have other servers.
    const interrupted =
      database.kind === 'postgres'
        ? { interruptedBefore: new Date(Date.now() - 2 * 60 * 60_000) }
        : {};
    const onJobError = (error: unknown, job: string) =>
      log.error({ err: error, job }, 'a background job failed');
    const alerts = await startAlertJobs(
      jobs,
      { db: database.db, now: () => new Date(), requestId: 'job:alerts-evaluate', security },
      {
        onJobError,
        onEvaluated: (evaluated) => {
          if (evaluated.length > 0)
            log.info(
              { alerts: evaluated.length },
              'the early-warning rules raised or updated alerts',
            );
        },
      },
    );
    const risk = await startRiskJobs(
      jobs,
      { db: database.db, now: () => new Date() },
      {
        ...interrupted,
        onJobError,
        // Every recomputation is followed by an evaluation of the rules over what it touched.
        afterRun: async (run) => {
          await alerts.queueEvaluation(evaluationAfterRun(run));
        },
      },
    );
    // A demo without a finished full recomputation (its first start, or one stopped midway)
    // computes its risk profiles, in the background.
    const runs = await findRiskRuns(database.db, 50);
    const needsFullRun =
      config.APP_MODE === 'demo' && !runs.some((r) => r.kind === 'full' && r.status === 'done');
    const recomputation = recomputationAfterImports(risk);
    // On a demo's first start with the world history, the full run waits for the history's
    // import: run before it, it would compute every country from the seeded data alone, and the
    // import's own recomputation would compute them all again (about 25 s of CPU on two cores).
    const fullRunAfterWorldHistory = needsFullRun && config.DEMO_WORLD_HISTORY;
    if (fullRunAfterWorldHistory) recomputation.fullAtNextImport(true);
    else if (needsFullRun) await risk.recomputeAll(null);
    const imports = await startImportJobs(
      jobs,
      { db: database.db, now: () => new Date(), requestId: 'job:import', security },
      uploads,
      {
        ...interrupted,
        onJobError,
        observationsChanged: recomputation.afterImport,
        stagingDepth: stagingDepthFor(database.kind),
      },
    );
    server = await createServer({
      config,
      database,
      version: serverVersion,
      imports,
      risk,
      alerts,
    });
    // Only the embedded database needs the server's help to be backed up: it holds the files.
    // The channel opens before the ready line, so a backup right after it finds the server.
    if (database.kind === 'pglite') {
      control = await openControlChannel(
        config.DATA_DIR,
        () => takeBackup(database, 'running-server'),
        log,
      );
    }
    const url = await server.start();
    log.info({ url, mode: config.APP_MODE }, `Integrated Prevention Platform is ready at ${url}`);
    const worldQueued =
      config.APP_MODE === 'demo' &&
      config.DEMO_WORLD_HISTORY &&
      (await queueDemoWorldHistory(
        database,
        { db: database.db, now: () => new Date(), requestId: 'seed', security },
        imports,
        config.DATA_DIR,
        log,
      ));
    // A history an earlier start queued (or no demo administrator): nothing to wait for.
    if (fullRunAfterWorldHistory && !worldQueued) {
      recomputation.fullAtNextImport(false);
      await risk.recomputeAll(null);
    }
    const housekeeping = startHousekeeping(database, log, uploads);
    const running = server;
    const runningControl = control;
    const runningJobs = jobs;
    let stopping: Promise<void> | undefined;
    return {
      url,
      shutdown: (reason) => {
        stopping ??= (async () => {
          log.info({ reason }, 'shutting down: finishing requests in flight');
          housekeeping.stop();
          try {
            await runningControl?.close();
            await running.stop();
            // A recomputation stops after its current area; a running import is left to fail
            // at the next start (its rows were never visible).
            await risk.stop();
            await runningJobs.stop(2_000);
          } finally {
            await database.close();
            log.info('stopped; the database is checkpointed and closed');
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await control?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await jobs?.stop(1_000).catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/**
 * What an import's commit (or a rolled-back batch's purge) recomputes: the areas it touched, or,
 * once armed, a full run in their place. A full run that waits for an import costs one
 * computation of every area instead of two.
 */
function recomputationAfterImports(risk: RiskJobs) {
  let fullNext = false;
  return {
    fullAtNextImport(armed: boolean): void {
      fullNext = armed;
    },
    async afterImport(areas: readonly TouchedArea[]): Promise<void> {
      if (!fullNext) return risk.recomputeTouched(areas);
      fullNext = false;
      await risk.recomputeAll(null);
    },
  };
}
