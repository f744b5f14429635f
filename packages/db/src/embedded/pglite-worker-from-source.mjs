// Starts pglite-worker.ts from its TypeScript source (tests, `tsx`), through tsx's loader
// registered inside this worker: Node 20 does not pass a parent thread's loader hooks on.
import { tsImport } from 'tsx/esm/api';

const entry = process.argv[2];
if (!entry) throw new Error('pglite-worker-from-source.mjs needs the worker entry as argument');
await tsImport(entry, import.meta.url);
