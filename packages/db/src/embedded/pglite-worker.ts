/**
 * The worker thread that owns the embedded database. PGlite runs synchronously on the thread
 * that calls it, so here it blocks only this thread: the server's thread keeps answering while a
 * long query, an import or a recomputation runs.
 *
 * Statements run one at a time, in the order they arrive, except that while a connection holds
 * a transaction only that connection's statements run; the others wait, in order, until it ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pgliteParsers } from '../type-parsers.js';
import {
  errorFields,
  type EmbeddedRequest,
  type EmbeddedResponse,
  type EmbeddedResult,
  type EmbeddedStartup,
  type EmbeddedWorkerData,
} from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('pglite-worker runs only as a worker thread');
const { pgliteDir, loadDataDir, code } = workerData as EmbeddedWorkerData;

let pglite: PGlite;
try {
  pglite = await PGlite.create({
    ...(pgliteDir === null ? {} : { dataDir: pgliteDir }),
    ...(loadDataDir === null ? {} : { loadDataDir: new Blob([loadDataDir]) }),
    pgliteWasmModule: code.pglite,
    initdbWasmModule: code.initdb,
    fsBundle: new Blob([code.fsBundle]),
    parsers: pgliteParsers,
  });
  await pglite.waitReady;
  port.postMessage({ startup: 'ready' } satisfies EmbeddedStartup);
} catch (error) {
  port.postMessage({ startup: 'failed', error: errorFields(error) } satisfies EmbeddedStartup);
  process.exit(1);
}

const waiting: EmbeddedRequest[] = [];
let holder: number | null = null;
let running = false;

port.on('message', (request: EmbeddedRequest) => {
  waiting.push(request);
  if (!running) void drain();
});

async function drain(): Promise<void> {
  running = true;
  try {
    for (let next = takeRunnable(); next; next = takeRunnable()) {
      const response = await answer(next);
      port?.postMessage(response, transferables(response));
      if (next.op === 'close') {
        port?.close();
        return;
      }
    }
  } finally {
    running = false;
  }
}

function transferables(response: EmbeddedResponse): ArrayBuffer[] {
  if (!response.ok) return [];
  if (response.result.kind === 'archive') return [response.result.archive];
  if (response.result.kind === 'copied' && response.result.output) return [response.result.output];
  return [];
}

/** The first waiting request that may run now: any, or only the holder's during a transaction. */
function takeRunnable(): EmbeddedRequest | undefined {
  const index =
    holder === null
      ? 0
      : waiting.findIndex((request) => 'connection' in request && request.connection === holder);
  return index < 0 ? undefined : waiting.splice(index, 1)[0];
}

async function answer(request: EmbeddedRequest): Promise<EmbeddedResponse> {
  try {
    return { id: request.id, ok: true, result: await run(request) };
  } catch (error) {
    return { id: request.id, ok: false, error: errorFields(error) };
  }
}

async function run(request: EmbeddedRequest): Promise<EmbeddedResult> {
  switch (request.op) {
    case 'begin': {
      const result = await statement(request.sql, request.params);
      holder = request.connection;
      return result;
    }
    case 'end':
      try {
        return await statement(request.sql, request.params);
      } finally {
        // After COMMIT or ROLLBACK the session is out of the transaction, even when it failed.
        if (holder === request.connection) holder = null;
      }
    case 'query':
      return statement(request.sql, request.params);
    case 'script': {
      const results = await pglite.exec(request.sql, { rowMode: 'object' });
      const last = results.at(-1);
      return { kind: 'rows', rows: last?.rows ?? [], affectedRows: last?.affectedRows ?? null };
    }
    case 'copy': {
      const result = await pglite.query(request.sql, [], {
        ...(request.input ? { blob: new Blob([request.input]) } : {}),
      });
      return {
        kind: 'copied',
        output: result.blob ? await result.blob.arrayBuffer() : null,
        affectedRows: result.affectedRows ?? null,
      };
    }
    case 'release':
      if (holder === request.connection) {
        holder = null;
        await pglite.exec('rollback');
      }
      return { kind: 'done' };
    case 'dump': {
      if (pgliteDir !== null) await pglite.exec('checkpoint');
      const archive = await pglite.dumpDataDir(request.compression);
      return { kind: 'archive', archive: await archive.arrayBuffer() };
    }
    case 'close':
      if (!pglite.closed) {
        if (pgliteDir !== null) await pglite.exec('checkpoint');
        await pglite.close();
      }
      return { kind: 'done' };
  }
}

async function statement(sql: string, params: readonly unknown[]): Promise<EmbeddedResult> {
  const result = await pglite.query(sql, [...params], { rowMode: 'object' });
  return { kind: 'rows', rows: result.rows, affectedRows: result.affectedRows ?? null };
}
