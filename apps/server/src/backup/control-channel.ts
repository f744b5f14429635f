import { chmod, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { BackupManifest, sha256Hex, type Backup } from './backup-manifest.js';

/**
 * The running server's local control channel: a Unix domain socket inside the data directory,
 * readable and writable by its owner only, through which `prevention backup` asks the server that
 * holds the embedded database for a snapshot. It is not a network port; nothing else is served.
 *
 * Wire format: the client sends one JSON line (`{"command":"backup"}`); the server answers with
 * one JSON line (`{"ok":true,"manifest":…}` or `{"ok":false,"message":…}`), then, when ok, the
 * archive's `manifest.size` bytes.
 */
export const controlSocketPath = (dataDir: string): string =>
  join(resolve(dataDir), 'control.sock');

const ControlRequest = z.object({ command: z.literal('backup') });
const ControlReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), manifest: BackupManifest }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

const maxRequestBytes = 1024;

export interface ControlChannel {
  close(): Promise<void>;
}

/**
 * Listens on the control socket; null (with a warning) when the socket cannot be made, e.g. a
 * data directory path longer than a socket path may be. The caller holds the data directory's
 * lock, so a socket file already there was left by a server that died: it is replaced.
 */
export async function openControlChannel(
  dataDir: string,
  backup: () => Promise<Backup>,
  log: Logger,
): Promise<ControlChannel | null> {
  const path = controlSocketPath(dataDir);
  await unlink(path).catch(() => undefined);
  // One snapshot at a time: each holds the whole archive in memory.
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((socket) => {
    queue = queue.then(() => answer(socket, backup, log));
  });
  // The umask applies when the socket file is created, before anyone could connect; the chmod
  // after it is a second guard for file systems that ignore it.
  const previousUmask = process.umask(0o177);
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(path, () => {
        server.off('error', fail);
        done();
      });
    });
  } catch (error) {
    log.warn(
      { path, error: (error as Error).message },
      'no control channel: `prevention backup` cannot reach this server while it runs',
    );
    return null;
  } finally {
    process.umask(previousUmask);
  }
  await chmod(path, 0o600);
  log.info({ path }, 'control channel for `prevention backup` is listening');
  return { close: () => closeServer(server, path) };
}

async function closeServer(server: Server, path: string): Promise<void> {
  await new Promise<void>((done) => server.close(() => done()));
  await unlink(path).catch(() => undefined);
}

async function answer(socket: Socket, backup: () => Promise<Backup>, log: Logger): Promise<void> {
  socket.on('error', () => undefined);
  try {
    const request = ControlRequest.safeParse(
      parseJson(await readHead(socket, maxRequestBytes).then(({ line }) => line)),
    );
    if (!request.success) {
      socket.end(`${JSON.stringify({ ok: false, message: 'Unknown control request.' })}\n`);
      return;
    }
    const { manifest, archive } = await backup();
    socket.write(`${JSON.stringify({ ok: true, manifest })}\n`);
    await new Promise<void>((done) => socket.end(archive, () => done()));
    log.info({ size: manifest.size, sha256: manifest.sha256 }, 'handed out a backup snapshot');
  } catch (error) {
    log.error({ error: (error as Error).message }, 'a control request failed');
    socket.end(
      `${JSON.stringify({ ok: false, message: 'The server could not take a snapshot.' })}\n`,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads bytes up to the first newline; what follows it is returned as `rest`. */
function readHead(socket: Socket, limit: number): Promise<{ line: string; rest: Buffer }> {
  return new Promise((done, fail) => {
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const newline = received.indexOf(0x0a);
      if (newline >= 0) {
        cleanUp();
        socket.pause();
        done({
          line: received.subarray(0, newline).toString('utf8'),
          rest: received.subarray(newline + 1),
        });
      } else if (received.length > limit) {
        cleanUp();
        fail(new Error('control line too long'));
      }
    };
    const onEnd = () => {
      cleanUp();
      fail(new Error('the connection closed before a full line'));
    };
    const cleanUp = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onEnd);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onEnd);
  });
}

export class ControlChannelError extends Error {
  override readonly name = 'ControlChannelError';
}

/**
 * Asks the server holding `dataDir` for a snapshot. Null when no server listens there (no socket,
 * or one left by a server that died); the archive is checked against the manifest's size and hash.
 */
export async function requestBackupFromServer(dataDir: string): Promise<Backup | null> {
  const socket = await connect(controlSocketPath(dataDir));
  if (!socket) return null;
  try {
    socket.setTimeout(10 * 60_000, () =>
      socket.destroy(new Error('the server did not answer in 10 minutes')),
    );
    socket.write(`${JSON.stringify({ command: 'backup' })}\n`);
    const { line, rest } = await readHead(socket, 64 * 1024);
    const reply = ControlReply.safeParse(parseJson(line));
    if (!reply.success)
      throw new ControlChannelError('The server sent an answer this command does not understand.');
    if (!reply.data.ok) throw new ControlChannelError(reply.data.message);
    const { manifest } = reply.data;
    const chunks: Buffer[] = [rest];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.resume();
    await new Promise<void>((done, fail) => {
      socket.once('end', done);
      socket.once('error', fail);
    });
    const archive = new Uint8Array(Buffer.concat(chunks));
    if (archive.byteLength !== manifest.size || sha256Hex(archive) !== manifest.sha256) {
      throw new ControlChannelError('The snapshot from the server arrived incomplete or damaged.');
    }
    return { manifest, archive };
  } finally {
    socket.destroy();
  }
}

function connect(path: string): Promise<Socket | null> {
  return new Promise((done, fail) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.off('error', onError);
      done(socket);
    });
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') done(null);
      else fail(error);
    };
    socket.once('error', onError);
  });
}
