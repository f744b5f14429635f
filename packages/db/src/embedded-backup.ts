import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { Database } from './database.js';
import { migrations } from './migrate.js';
import { openDatabase, type DatabaseHandle } from './open-database.js';

/** Where PGlite keeps its files inside the application's data directory. */
export const embeddedDatabaseDir = (dataDir: string): string => join(resolve(dataDir), 'pglite');

/** Whether the data directory holds an embedded database (initdb has run there). */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(join(embeddedDatabaseDir(dataDir), 'PG_VERSION'));
}

/** The name of the newest migration applied, or null when none is (or Kysely's table is absent). */
export async function latestAppliedMigration(db: Kysely<Database>): Promise<string | null> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const applied = (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined);
  return applied.at(-1)?.name ?? null;
}

export interface EmbeddedSnapshot {
  /** PGlite's data directory as a gzipped tar archive. */
  readonly archive: Uint8Array;
  readonly latestMigration: string | null;
}

/**
 * A consistent snapshot of an open embedded database. PGlite dumps its files while no statement
 * runs; a transaction open at that moment is in the archive's WAL uncommitted, so a restore rolls
 * it back exactly as recovery after a crash would.
 */
export async function snapshotEmbeddedDatabase(
  database: DatabaseHandle,
): Promise<EmbeddedSnapshot> {
  if (!database.dumpDataDir) {
    throw new Error('Only the embedded database can be snapshotted; use pg_dump for PostgreSQL');
  }
  const latestMigration = await latestAppliedMigration(database.db);
  const archive = new Uint8Array(await (await database.dumpDataDir('gzip')).arrayBuffer());
  return { archive, latestMigration };
}

export interface RestoreResult {
  /** Where the database that was replaced now lives; null when there was none. */
  readonly previousDir: string | null;
  readonly restoredDir: string;
}

/**
 * Replaces the embedded database of `dataDir` with an archive, holding the data directory's lock
 * throughout so that no server starts half-way (and refusing with DataDirInUseError while one
 * runs). The archive is unpacked into a new directory beside the current one and opened there;
 * `check` runs on it (and may record the restore in it); only then are the directories swapped,
 * the previous one renamed aside, never deleted. A failure before the swap removes only the new
 * directory.
 */
export async function restoreEmbeddedDatabase(
  dataDir: string,
  archive: Blob,
  check: (db: Kysely<Database>) => Promise<void>,
): Promise<RestoreResult> {
  const root = resolve(dataDir);
  const lock = await acquireDataDirLock(root);
  try {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const staging = join(root, `restoring-${stamp}`);
    try {
      const opened = await openDatabase({ kind: 'pglite', dataDir: staging, loadDataDir: archive });
      try {
        await check(opened.db);
      } finally {
        await opened.close();
      }
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }

    const current = embeddedDatabaseDir(root);
    const previousDir = existsSync(current) ? join(root, `pglite.before-restore-${stamp}`) : null;
    if (previousDir) await rename(current, previousDir);
    try {
      await rename(embeddedDatabaseDir(staging), current);
    } catch (error) {
      if (previousDir) await rename(previousDir, current);
      throw error;
    }
    await rm(staging, { recursive: true, force: true });
    return { previousDir, restoredDir: current };
  } finally {
    await lock.release();
  }
}
