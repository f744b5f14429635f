import pino from 'pino';
import { takeBackup } from './backup/backup-manifest.js';
import { openControlChannel, type ControlChannel } from './backup/control-channel.js';
import type { Config } from './env.js';
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
  try {
    log.info({ database: database.description, mode: config.APP_MODE }, 'opening the database');
    await migrate(database, log);
    if (config.APP_MODE === 'demo') await seedDemoData(database, securitySettings(config), log);
    else await checkProductionDatabase(database, log);
    server = await createServer({ config, database, version: serverVersion });
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
    const housekeeping = startHousekeeping(database, log);
    const running = server;
    const runningControl = control;
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
    await database.close().catch(() => undefined);
    throw error;
  }
}
