import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@prevention/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from './cli-process.js';
import {
  crashDrillEnv,
  prepareCrashDrill,
  startServer,
  storedIds,
  writeSignal,
} from './crash-rounds.js';

let root: string;
let template: Blob;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prevention-backup-'));
  template = new Blob([new Uint8Array(await readFile(inject('pgliteTemplatePath')))]);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Signals and `signal.create` audit entries in a stopped data directory, read directly. */
async function countStored(dataDir: string): Promise<{ signals: number; audited: number }> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const signals = await database.db
      .selectFrom('signal')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const audited = await database.db
      .selectFrom('audit_entry')
      .where('action', '=', 'signal.create')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { signals: Number(signals.n), audited: Number(audited.n) };
  } finally {
    await database.close();
  }
}

async function cli(args: string[], env: Record<string, string>) {
  const run = runCli(args, { LOG_LEVEL: 'warn', ...env });
  return { code: await run.exited, stdout: run.stdout(), stderr: run.stderr() };
}

const processTimeout = { timeout: 240_000 };

describe('prevention backup and restore', processTimeout, () => {
  it('backs up a running server consistently mid-stream, refuses to restore under it, and restores after it stops', async () => {
    const dataDir = join(root, 'live');
    const env = crashDrillEnv(dataDir);
    await prepareCrashDrill(dataDir, template);
    const server = await startServer(dataDir);
    const socket = await stat(join(dataDir, 'control.sock'));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);

    const before: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const id = await writeSignal(server, index);
      if (id) before.push(id);
    }
    expect(before).toHaveLength(5);
    // Writes keep streaming while the snapshot is taken: the backup must still be consistent.
    let streaming = true;
    const during: string[] = [];
    const writers = Array.from({ length: 3 }, async (_, writer) => {
      for (let index = 0; streaming; index += 1) {
        const id = await writeSignal(server, 1000 * (writer + 1) + index);
        if (id) during.push(id);
      }
    });
    const backupDir = join(root, 'backups', 'live-1');
    const backup = await cli(['backup', backupDir], env);
    streaming = false;
    await Promise.all(writers);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('snapshot taken by the running server');
    expect((await readdir(backupDir)).sort()).toEqual(['database.tar.gz', 'manifest.json']);
    expect((await stat(join(backupDir, 'database.tar.gz'))).mode & 0o777).toBe(0o600);
    const manifest = JSON.parse(await readFile(join(backupDir, 'manifest.json'), 'utf8')) as {
      latestMigration: string;
      sha256: string;
    };
    expect(manifest.latestMigration).toMatch(/^\d{4}_\d{2}_\d{2}_\d{3}_/);
    // No partial directory is left beside the backup.
    expect(await readdir(join(root, 'backups'))).toEqual(['live-1']);

    const refused = await cli(['restore', backupDir], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was restored');
    expect(refused.stderr).toContain(`in use by process ${server.cli.child.pid}`);
    expect((await storedIds(server)).size).toBe(before.length + during.length);

    server.cli.child.kill('SIGTERM');
    expect(await server.cli.exited).toBe(0);
    expect(existsSync(join(dataDir, 'control.sock'))).toBe(false);
    const live = await countStored(dataDir);
    expect(live.signals).toBe(before.length + during.length);

    const restored = await cli(['restore', backupDir], env);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const aside = (await readdir(dataDir)).find((name) =>
      name.startsWith('pglite.before-restore-'),
    );
    expect(aside).toBeDefined();
    expect(restored.stdout).toContain(`kept in ${join(dataDir, aside ?? '')}`);
    // The replaced database is intact where the command says it is: moved into a data directory
    // of its own, it opens with every write the server acknowledged.
    const asideDataDir = join(root, 'aside');
    await mkdir(asideDataDir);
    await rename(join(dataDir, aside ?? ''), join(asideDataDir, 'pglite'));
    expect(await countStored(asideDataDir)).toEqual(live);

    // Everything written before the backup is there; each signal has its audit entry (nothing
    // torn mid-transaction), and the chain verifies with the restore recorded in it.
    const back = await countStored(dataDir);
    expect(back.signals).toBeGreaterThanOrEqual(before.length);
    expect(back.signals).toBeLessThanOrEqual(before.length + during.length);
    expect(back.audited).toBe(back.signals);
    const verified = await cli(['verify-audit'], env);
    expect(verified.code).toBe(0);
    const again = await startServer(dataDir);
    const ids = await storedIds(again);
    for (const id of before) expect(ids.has(id)).toBe(true);
    again.cli.child.kill('SIGTERM');
    expect(await again.cli.exited).toBe(0);
  });

  it('backs up a stopped data directory, and refuses bad input without losing anything', async () => {
    const dataDir = join(root, 'stopped');
    const env = crashDrillEnv(dataDir);
    await prepareCrashDrill(dataDir, template);
    const backupDir = join(root, 'backups', 'stopped-1');
    const backup = await cli(['backup', backupDir], env);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('snapshot taken by this command');

    const occupied = await cli(['backup', backupDir], env);
    expect(occupied.code).toBe(1);
    expect(occupied.stderr).toContain('already exists and is not an empty directory');

    const nothing = await cli(['backup', join(root, 'backups', 'none')], {
      ...env,
      DATA_DIR: join(root, 'no-database'),
    });
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('There is no embedded database to back up');
    expect(existsSync(join(root, 'no-database', 'pglite'))).toBe(false);

    const missing = await cli(['restore', join(root, 'backups', 'does-not-exist')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('is not a backup: it has no readable manifest.json');

    // One byte changed in the archive: the checksum catches it before anything is touched.
    const damaged = join(root, 'backups', 'damaged');
    await mkdir(damaged);
    const archive = new Uint8Array(await readFile(join(backupDir, 'database.tar.gz')));
    archive[archive.length >> 1] = (archive[archive.length >> 1] ?? 0) ^ 0xff;
    await writeFile(join(damaged, 'database.tar.gz'), archive);
    await writeFile(
      join(damaged, 'manifest.json'),
      await readFile(join(backupDir, 'manifest.json')),
    );
    const corrupt = await cli(['restore', damaged], env);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toContain('does not match its manifest');

    // An archive that matches its manifest but is no database: opened, refused, cleaned up.
    const forged = join(root, 'backups', 'forged');
    await mkdir(forged);
    const junk = new TextEncoder().encode('not a tar archive at all');
    await writeFile(join(forged, 'database.tar.gz'), junk);
    const manifest = JSON.parse(await readFile(join(backupDir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    await writeFile(
      join(forged, 'manifest.json'),
      JSON.stringify({
        ...manifest,
        size: junk.byteLength,
        sha256: createHash('sha256').update(junk).digest('hex'),
      }),
    );
    const unreadable = await cli(['restore', forged], env);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain('could not be opened as a database');
    expect(unreadable.stderr).toContain('nothing was restored');
    expect(unreadable.stderr).not.toMatch(/\bat .+:\d+/);

    // After every refusal the data directory holds its one database, untouched.
    expect((await readdir(dataDir)).sort()).toEqual(['pglite']);
    expect((await countStored(dataDir)).signals).toBe(0);
    const verified = await cli(['verify-audit'], env);
    expect(verified.code).toBe(0);
  });

  it('sends PostgreSQL users to pg_dump and pg_restore, and wants exactly one directory', async () => {
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none', DATA_DIR: join(root, 'pg') };
    const backup = await cli(['backup', join(root, 'pg-backup')], env);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain('pg_dump');
    const restore = await cli(['restore', join(root, 'pg-backup')], env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('pg_restore');
    expect(existsSync(join(root, 'pg-backup'))).toBe(false);
    expect((await cli(['backup'], {})).code).toBe(2);
    expect((await cli(['restore', 'a', 'b'], {})).code).toBe(2);
  });
});
