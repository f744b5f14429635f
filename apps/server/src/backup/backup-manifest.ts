import { createHash } from 'node:crypto';
import { recordAuditEntries, snapshotEmbeddedDatabase, type DatabaseHandle } from '@prevention/db';
import { z } from 'zod';
import { serverVersion } from '../version.js';

/** A backup is a directory holding these two files; restore reads nothing else. */
export const archiveFileName = 'database.tar.gz';
export const manifestFileName = 'manifest.json';

export const BackupManifest = z.object({
  format: z.literal('prevention-embedded-backup/1'),
  createdAt: z.iso.datetime(),
  appVersion: z.string().min(1),
  /** The newest migration applied in the snapshot; restore checks the restored database says so. */
  latestMigration: z.string().min(1).nullable(),
  /** Whether a running server took the snapshot, or the command opened the directory itself. */
  takenBy: z.enum(['running-server', 'backup-command']),
  archive: z.literal(archiveFileName),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export interface Backup {
  manifest: BackupManifest;
  archive: Uint8Array;
}

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/**
 * Snapshots the embedded database and describes it. The audit log records that a full copy of the
 * data left the database (when, its size and hash): the entry is written after the snapshot, so
 * it is in the live database, not in the copy.
 */
export async function takeBackup(
  database: DatabaseHandle,
  takenBy: BackupManifest['takenBy'],
  now: () => Date = () => new Date(),
): Promise<Backup> {
  const { archive, latestMigration } = await snapshotEmbeddedDatabase(database);
  const manifest: BackupManifest = {
    format: 'prevention-embedded-backup/1',
    createdAt: now().toISOString(),
    appVersion: serverVersion,
    latestMigration,
    takenBy,
    archive: archiveFileName,
    size: archive.byteLength,
    sha256: sha256Hex(archive),
  };
  await recordAuditEntries(database.db, [
    {
      occurredAt: now(),
      actorUserId: null,
      actorRoles: [],
      action: 'database.backup',
      resourceType: 'database',
      resourceId: null,
      outcome: 'success',
      requestId: 'cli:backup',
      changes: [
        { field: 'sha256', before: null, after: manifest.sha256 },
        { field: 'size', before: null, after: manifest.size },
      ],
    },
  ]);
  return { manifest, archive };
}
