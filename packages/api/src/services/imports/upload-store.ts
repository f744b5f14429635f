import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { AppError } from '@prevention/core';
import { z } from 'zod';

/** A file a user has uploaded and not yet imported: kept on disk, with who sent it. */
export const StoredUpload = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  fileName: z.string().min(1).max(255),
  byteSize: z.number().int().nonnegative(),
  /** SHA-256 of the bytes, hex. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  storedAt: z.iso.datetime(),
});
export type StoredUpload = z.infer<typeof StoredUpload>;

/**
 * Uploaded files, one directory on the server's disk. A file is streamed to a temporary name
 * while its hash and size are counted, and renamed into place only when it arrived whole, so a
 * broken upload leaves nothing to import. Only its owner finds an upload again.
 */
export class UploadStore {
  constructor(
    readonly dir: string,
    /** The largest file accepted; the upload stops with 413 when a file grows past it. */
    readonly maxBytes: number,
  ) {}

  async save(
    ownerId: string,
    fileName: string,
    body: AsyncIterable<Uint8Array>,
  ): Promise<StoredUpload> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const id = randomUUID();
    const partial = join(this.dir, `${id}.part`);
    const hash = createHash('sha256');
    let byteSize = 0;
    const out = createWriteStream(partial, { mode: 0o600 });
    try {
      for await (const chunk of body) {
        byteSize += chunk.byteLength;
        if (byteSize > this.maxBytes)
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            `The file is larger than the ${Math.round(this.maxBytes / 2 ** 20)} MiB this server accepts.`,
          );
        hash.update(chunk);
        if (!out.write(chunk))
          await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      out.end();
      await finished(out);
    } catch (error) {
      out.destroy();
      await rm(partial, { force: true });
      throw error;
    }
    const upload: StoredUpload = {
      id,
      ownerId,
      fileName: cleanFileName(fileName),
      byteSize,
      contentHash: hash.digest('hex'),
      storedAt: new Date().toISOString(),
    };
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify(upload), { mode: 0o600 });
    await rename(partial, this.pathOf(id));
    return upload;
  }

  /** The upload with this id, if `ownerId` sent it and it is still here. */
  async find(id: string, ownerId: string): Promise<StoredUpload | undefined> {
    if (!z.uuid().safeParse(id).success) return undefined;
    try {
      const upload = StoredUpload.parse(
        JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')),
      );
      await stat(this.pathOf(id));
      return upload.ownerId === ownerId ? upload : undefined;
    } catch {
      return undefined;
    }
  }

  /** The upload's bytes, read afresh on every call. */
  open(id: string): () => AsyncIterable<Uint8Array> {
    const path = this.pathOf(id);
    return () => createReadStream(path) as AsyncIterable<Uint8Array>;
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
    await rm(join(this.dir, `${id}.json`), { force: true });
  }

  /** Deletes uploads (and broken partial ones) older than `ageMs`; returns how many. */
  async removeOlderThan(ageMs: number, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > ageMs) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}.upload`);
  }
}

/** A file name as a person reads it: no directories, no control characters, at most 255. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'upload.csv').slice(0, 255);
}
