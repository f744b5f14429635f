import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite's data directory must have exactly one writer: two processes on one directory corrupt
 * it. The first process to start creates a lock file with an exclusive create; a second one is
 * refused with a message naming the holder. A lock left by a process that no longer runs is
 * taken over.
 */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

interface LockContent {
  pid: number;
  hostname: string;
  startedAt: string;
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'server.lock');
  const content: LockContent = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${JSON.stringify(content)}\n`);
      await handle.close();
      return {
        path,
        release: async () => {
          const current = await readLock(path);
          if (current?.pid === content.pid && current.startedAt === content.startedAt) {
            await unlink(path).catch(() => undefined);
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readLock(path);
      if (holder && isRunning(holder)) {
        throw new DataDirInUseError(
          `The data directory ${dataDir} is in use by process ${holder.pid} on ${holder.hostname} ` +
            `(started ${holder.startedAt}). Only one server may use an embedded database at a time: ` +
            `stop that process first, or set DATA_DIR to another directory.`,
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new DataDirInUseError(
    `Could not lock the data directory ${dataDir}; another process is starting on it.`,
  );
}

async function readLock(path: string): Promise<LockContent | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockContent;
  } catch {
    return undefined;
  }
}

function isRunning(holder: LockContent): boolean {
  // A lock written on another machine (a shared volume) cannot be checked: assume it is live.
  if (holder.hostname !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
