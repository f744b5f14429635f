import { createConnection } from 'node:net';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@prevention/db';
import { createTestSignal, createTestUser, useTestDatabase } from '@prevention/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeBackup } from '../src/backup/backup-manifest.js';
import {
  controlSocketPath,
  openControlChannel,
  requestBackupFromServer,
  type ControlChannel,
} from '../src/backup/control-channel.js';

/** Sends one raw line and returns everything the channel answers. */
function exchange(path: string, line: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = createConnection(path, () => socket.write(line));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => done(answer));
    socket.on('error', fail);
  });
}

describe('the control channel of a running server', () => {
  const test = useTestDatabase('pglite');
  let dataDir: string;
  let channel: ControlChannel | null;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'prevention-control-'));
    // A socket file left by a server that was killed: the next server replaces it.
    await writeFile(controlSocketPath(dataDir), 'stale');
    channel = await openControlChannel(
      dataDir,
      () => takeBackup(test.handle, 'running-server'),
      pino({ level: 'silent' }),
    );
  });
  afterAll(async () => {
    await channel?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('listens on a socket only its owner may use', async () => {
    expect(channel).not.toBeNull();
    const socket = await stat(controlSocketPath(dataDir));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
  });

  it('answers anything but a backup request with a refusal and no data', async () => {
    for (const line of ['{"command":"shell","args":["id"]}\n', 'not json\n']) {
      const answer = await exchange(controlSocketPath(dataDir), line);
      expect(JSON.parse(answer)).toEqual({ ok: false, message: 'Unknown control request.' });
    }
  });

  it('hands out a snapshot that opens as the same database, and audits it', async () => {
    const author = await createTestUser(test.db);
    const signal = await createTestSignal(test.db, author.id);
    const backup = await requestBackupFromServer(dataDir);
    if (!backup) throw new Error('no server answered');
    expect(backup.manifest).toMatchObject({
      takenBy: 'running-server',
      size: backup.archive.length,
    });

    const copy = await openDatabase({
      kind: 'pglite',
      dataDir: null,
      loadDataDir: new Blob([backup.archive]),
    });
    try {
      const ids = await copy.db.selectFrom('signal').select('id').execute();
      expect(ids).toEqual([{ id: signal.id }]);
    } finally {
      await copy.close();
    }
    const audited = await test.db
      .selectFrom('audit_entry')
      .where('action', '=', 'database.backup')
      .select('changes')
      .execute();
    expect(JSON.stringify(audited)).toContain(backup.manifest.sha256);
  });

  it('is gone after close: a backup then finds no server', async () => {
    await channel?.close();
    channel = null;
    await expect(stat(controlSocketPath(dataDir))).rejects.toThrow();
    expect(await requestBackupFromServer(dataDir)).toBeNull();
  });
});
