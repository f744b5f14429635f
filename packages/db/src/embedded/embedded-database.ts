import { Worker } from 'node:worker_threads';
import { pgliteCode } from './pglite-code.js';
import {
  EmbeddedDatabaseError,
  type EmbeddedRequest,
  type EmbeddedResponse,
  type EmbeddedResult,
  type EmbeddedStartup,
  type EmbeddedWorkerData,
} from './worker-protocol.js';

/** A request as the caller writes it; the id is ours to give. */
type Request = EmbeddedRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'id'>
    : never
  : never;

interface Pending {
  resolve(result: EmbeddedResult): void;
  reject(error: Error): void;
}

/**
 * The server thread's side of the embedded database: a worker thread that owns PGlite, spoken to
 * by messages. Every request is answered in order of arrival (see pglite-worker.ts for how a
 * transaction keeps the session to itself).
 */
export class EmbeddedDatabase {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #nextConnection = 1;
  #stopped: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (response: EmbeddedResponse) => this.#settle(response));
    worker.on('error', (error) => this.#stop(error));
    worker.on('exit', (code) =>
      this.#stop(new Error(`The embedded database stopped (worker exit code ${code})`)),
    );
  }

  /** Starts the worker and waits until the database inside it answers. */
  static async start(data: Omit<EmbeddedWorkerData, 'code'>): Promise<EmbeddedDatabase> {
    const worker = spawnWorker({ ...data, code: await pgliteCode() });
    const startup = await new Promise<EmbeddedStartup>((resolve, reject) => {
      const onExit = (code: number) =>
        reject(new Error(`The embedded database did not start (worker exit code ${code})`));
      worker.once('error', reject);
      worker.once('exit', onExit);
      worker.once('message', (message: EmbeddedStartup) => {
        worker.off('error', reject);
        worker.off('exit', onExit);
        resolve(message);
      });
    });
    if (startup.startup === 'failed') {
      await worker.terminate();
      throw new EmbeddedDatabaseError(startup.error);
    }
    return new EmbeddedDatabase(worker);
  }

  /** Whether the worker is gone (closed, or stopped by an error). */
  get stopped(): boolean {
    return this.#stopped !== undefined;
  }

  /** A new connection id: each Kysely connection gets its own, so a transaction is told apart. */
  newConnection(): number {
    return this.#nextConnection++;
  }

  request(request: Request): Promise<EmbeddedResult> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    return new Promise<EmbeddedResult>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const message = { ...request, id } as EmbeddedRequest;
      this.#worker.postMessage(message);
    });
  }

  /** Waits for what is queued (and a running transaction), checkpoints, closes, ends the worker. */
  async close(): Promise<void> {
    if (this.#stopped) return;
    try {
      await this.request({ op: 'close' });
    } finally {
      this.#stop(new Error('The embedded database is closed'));
      await this.#worker.terminate();
    }
  }

  #settle(response: EmbeddedResponse): void {
    const pending = this.#pending.get(response.id);
    if (!pending) return;
    this.#pending.delete(response.id);
    if (response.ok) pending.resolve(response.result);
    else pending.reject(new EmbeddedDatabaseError(response.error));
  }

  #stop(reason: Error): void {
    this.#stopped ??= reason;
    for (const pending of this.#pending.values()) pending.reject(this.#stopped);
    this.#pending.clear();
  }
}

/** Built code runs the compiled worker; from sources (tests, `tsx`), a bootstrap loads it with tsx. */
function spawnWorker(data: EmbeddedWorkerData): Worker {
  const options = { workerData: data, transferList: data.loadDataDir ? [data.loadDataDir] : [] };
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./pglite-worker.js', import.meta.url), options);
  }
  const entry = new URL('./pglite-worker.ts', import.meta.url).href;
  return new Worker(new URL('./pglite-worker-from-source.mjs', import.meta.url), {
    ...options,
    argv: [entry],
  });
}
