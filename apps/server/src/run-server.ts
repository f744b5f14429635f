import pino from 'pino';
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
  try {
    log.info({ database: database.description, mode: config.APP_MODE }, 'opening the database');
    await migrate(database, log);
    if (config.APP_MODE === 'demo') await seedDemoData(database, securitySettings(config), log);
    else await checkProductionDatabase(database, log);
    server = await createServer({ config, database, version: serverVersion });
    const url = await server.start();
    log.info({ url, mode: config.APP_MODE }, `Integrated Prevention Platform is ready at ${url}`);
    const housekeeping = startHousekeeping(database, log);
    const running = server;
    let stopping: Promise<void> | undefined;
    return {
      url,
      shutdown: (reason) => {
        stopping ??= (async () => {
          log.info({ reason }, 'shutting down: finishing requests in flight');
          housekeeping.stop();
          try {
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
    await server?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}
