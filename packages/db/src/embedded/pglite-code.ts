import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PGliteCode } from './worker-protocol.js';

let compiled: Promise<PGliteCode> | undefined;

/** Node's global WebAssembly; @types/node declares its types but not the value. */
const { compile } = (
  globalThis as unknown as {
    WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> };
  }
).WebAssembly;

/**
 * PGlite's WebAssembly, compiled once per process. A compiled module crosses to a worker thread
 * without being compiled again, so every embedded database after the first (a test file opens
 * several) starts without the seconds a compile of 9 MB of WebAssembly costs.
 */
export function pgliteCode(): Promise<PGliteCode> {
  compiled ??= load().catch((error: unknown) => {
    compiled = undefined;
    throw error;
  });
  return compiled;
}

async function load(): Promise<PGliteCode> {
  const resolvePackageFile = createRequire(import.meta.url).resolve;
  const file = (name: string) => readFile(resolvePackageFile(`@electric-sql/pglite/${name}`));
  const [pglite, initdb, fsBundle] = await Promise.all([
    file('pglite.wasm').then((bytes) => compile(bytes)),
    file('initdb.wasm').then((bytes) => compile(bytes)),
    file('pglite.data'),
  ]);
  return {
    pglite,
    initdb,
    fsBundle: fsBundle.buffer.slice(fsBundle.byteOffset, fsBundle.byteOffset + fsBundle.byteLength),
  };
}
