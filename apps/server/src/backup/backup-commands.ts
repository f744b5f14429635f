import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  DataDirInUseError,
  embeddedDatabaseDir,
  hasEmbeddedDatabase,
  latestAppliedMigration,
  recordAuditEntries,
  restoreEmbeddedDatabase,
  type DatabaseHandle,
  type RestoreResult,
} from '@prevention/db';
import { CommandError } from '../admin-commands.js';
import type { Config } from '../env.js';
import { openConfiguredDatabase } from '../prepare-database.js';
import {
  archiveFileName,
  BackupManifest,
  manifestFileName,
  sha256Hex,
  takeBackup,
  type Backup,
} from './backup-manifest.js';
import { requestBackupFromServer } from './control-channel.js';

function refusePostgres(config: Config, command: 'backup' | 'restore'): void {
  if (!config.DATABASE_URL) return;
  const tool = command === 'backup' ? 'pg_dump' : 'pg_restore';
  throw new CommandError(
    `\`prevention ${command}\` is for the embedded database, and DATABASE_URL points to a ` +
      `PostgreSQL server: use PostgreSQL's own tools there (pg_dump to back up, pg_restore to ` +
      `restore; here: ${tool}).`,
  );
}

/**
 * `prevention backup DIR`: a consistent snapshot of the embedded database in a new directory DIR
 * (`manifest.json` and `database.tar.gz`). A running server is asked over its control channel;
 * otherwise the command opens the data directory itself. DIR appears only when complete.
 */
export async function backupCommand(config: Config, dir: string): Promise<string> {
  refusePostgres(config, 'backup');
  const target = resolve(dir);
  await refuseExistingTarget(target);
  const backup =
    (await requestBackupFromServer(config.DATA_DIR)) ?? (await backupStoppedDatabase(config));
  await writeBackupDir(target, backup);
  const { manifest } = backup;
  const by = manifest.takenBy === 'running-server' ? 'the running server' : 'this command';
  return (
    `Backed up the embedded database (${manifest.size} bytes, SHA-256 ${manifest.sha256}, ` +
    `latest migration ${manifest.latestMigration ?? 'none'}; snapshot taken by ${by}) to ${target}.\n`
  );
}

async function refuseExistingTarget(target: string): Promise<void> {
  if (!existsSync(target)) return;
  const entries = await readdir(target).catch(() => null);
  if (entries === null || entries.length > 0) {
    throw new CommandError(
      `${target} already exists and is not an empty directory: name a new directory for the backup.`,
    );
  }
}

async function backupStoppedDatabase(config: Config): Promise<Backup> {
  if (!hasEmbeddedDatabase(config.DATA_DIR)) {
    throw new CommandError(
      `There is no embedded database to back up in ${embeddedDatabaseDir(config.DATA_DIR)}.`,
    );
  }
  let database: DatabaseHandle;
  try {
    database = await openConfiguredDatabase(config);
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      throw new CommandError(
        `${error.message} It did not answer on its control channel (is it still starting, or ` +
          'an older version?): nothing was backed up.',
      );
    }
    throw error;
  }
  try {
    return await takeBackup(database, 'backup-command');
  } finally {
    await database.close();
  }
}

/** Writes the backup beside its target, flushed to disk, then renames it into place. */
async function writeBackupDir(target: string, { manifest, archive }: Backup): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const partial = join(
    dirname(target),
    `.${basename(target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  // The backup holds every record, confidential ones included: only its owner may read it.
  await mkdir(partial, { mode: 0o700 });
  try {
    await writeDurably(join(partial, archiveFileName), archive);
    await writeDurably(
      join(partial, manifestFileName),
      new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    );
    await syncDirectory(partial);
    try {
      await rename(partial, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') {
        throw new CommandError(`${target} appeared while the backup was written: it was kept.`);
      }
      throw error;
    }
    await syncDirectory(dirname(target));
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * `prevention restore DIR`: replaces the embedded database with the backup in DIR, after checking
 * the archive against its manifest and opening it once; refused while a server holds the data
 * directory. The replaced database is renamed aside, never deleted.
 */
export async function restoreCommand(config: Config, dir: string): Promise<string> {
  refusePostgres(config, 'restore');
  const source = resolve(dir);
  const manifest = await readManifest(source);
  const archive = await readArchive(source, manifest);
  const now = new Date();
  let result: RestoreResult;
  try {
    result = await restoreEmbeddedDatabase(config.DATA_DIR, new Blob([archive]), async (db) => {
      const latest = await latestAppliedMigration(db);
      if (latest !== manifest.latestMigration) {
        throw new CommandError(
          `The restored database's latest migration is ${latest ?? 'none'}, but the manifest ` +
            `says ${manifest.latestMigration ?? 'none'}: nothing was restored.`,
        );
      }
      await recordAuditEntries(db, [
        {
          occurredAt: now,
          actorUserId: null,
          actorRoles: [],
          action: 'database.restore',
          resourceType: 'database',
          resourceId: null,
          outcome: 'success',
          requestId: 'cli:restore',
          changes: [
            { field: 'sha256', before: null, after: manifest.sha256 },
            { field: 'backupCreatedAt', before: null, after: manifest.createdAt },
          ],
        },
      ]);
    });
  } catch (error) {
    if (error instanceof CommandError) throw error;
    if (error instanceof DataDirInUseError) {
      throw new CommandError(`Nothing was restored. ${error.message}`);
    }
    throw new CommandError(
      `The archive in ${source} could not be opened as a database (${(error as Error).message}): ` +
        'nothing was restored.',
    );
  }
  const kept = result.previousDir
    ? ` The database it replaced is kept in ${result.previousDir}; delete it when you no longer need it.`
    : '';
  return (
    `Restored the backup of ${manifest.createdAt} (latest migration ` +
    `${manifest.latestMigration ?? 'none'}) into ${result.restoredDir}.${kept}\n`
  );
}

async function readManifest(source: string): Promise<BackupManifest> {
  const path = join(source, manifestFileName);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CommandError(`${source} is not a backup: it has no readable ${manifestFileName}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CommandError(`${path} is not JSON: it is not a backup manifest.`);
  }
  const manifest = BackupManifest.safeParse(parsed);
  if (!manifest.success) {
    const fields = manifest.error.issues.map((issue) => issue.path.join('.') || 'the file');
    throw new CommandError(`${path} is not a valid backup manifest (check ${fields.join(', ')}).`);
  }
  return manifest.data;
}

async function readArchive(source: string, manifest: BackupManifest): Promise<Uint8Array> {
  const path = join(source, manifest.archive);
  let archive: Uint8Array;
  try {
    archive = new Uint8Array(await readFile(path));
  } catch {
    throw new CommandError(`The backup's archive ${path} is missing or unreadable.`);
  }
  if (archive.byteLength !== manifest.size || sha256Hex(archive) !== manifest.sha256) {
    throw new CommandError(
      `The archive ${path} does not match its manifest (size or SHA-256): it is damaged or was ` +
        'changed. Nothing was restored.',
    );
  }
  return archive;
}
