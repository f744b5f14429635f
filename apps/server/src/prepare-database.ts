import {
  generateDemoData,
  loadDemoData,
  migrateToLatest,
  openDatabase,
  syncReferenceData,
  type DatabaseHandle,
} from '@prevention/db';
import type { Logger } from 'pino';
import type { Config } from './env.js';

export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.DATABASE_URL
    ? openDatabase({
        kind: 'postgres',
        url: config.DATABASE_URL,
        poolSize: config.DATABASE_POOL_SIZE,
      })
    : openDatabase({ kind: 'pglite', dataDir: config.DATA_DIR });
}

/** Migrations and reference data: what every start and the `migrate` command do. */
export async function migrate(database: DatabaseHandle, log: Logger): Promise<void> {
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) log.info({ applied }, `applied ${applied.length} migration(s)`);
  const { countries } = await syncReferenceData(database.db);
  log.debug({ countries }, 'reference data up to date');
}

/** The demo data set, loaded once; a later run finds it and leaves it alone. */
export async function seedDemoData(database: DatabaseHandle, log: Logger): Promise<void> {
  const result = await loadDemoData(database.db, generateDemoData());
  if (result.loaded) {
    log.info(
      { areas: result.areas, organisations: result.organisations },
      'loaded the demo data set',
    );
  } else {
    log.info('the demo data set is already loaded');
  }
}
