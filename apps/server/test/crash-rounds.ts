/**
 * The crash-safety drill shared by `test/crash-safety.test.ts` (a few rounds) and
 * `bench/crash-safety.ts` (a hundred): the real server process on an embedded data directory,
 * a stream of signal writes over HTTP, SIGKILL at a random moment, a restart on the same
 * directory, and a check that every write the server acknowledged is still there.
 */
import { performance } from 'node:perf_hooks';
import { hashPassword } from '@prevention/api';
import { newId } from '@prevention/core';
import { insertUser, migrateToLatest, openDatabase, syncReferenceData } from '@prevention/db';
import { isReady, runCli, type CliProcess } from './cli-process.js';

const email = 'crash-drill@example.org';
const password = 'the crash drill password';

export const crashDrillEnv = (dataDir: string): Record<string, string> => ({
  DATA_DIR: dataDir,
  APP_MODE: 'production',
  APP_SECRET: 'a-production-secret-for-the-crash-drill-only',
  PORT: '0',
  HOST: '127.0.0.1',
  RATE_LIMIT_PER_MINUTE: '1000000',
});

/**
 * A migrated data directory with one field officer for Sudan. The password hash uses cheap Argon2
 * parameters (the stored hash names them), so that signing in every round costs nothing.
 */
export async function prepareCrashDrill(dataDir: string, template?: Blob): Promise<void> {
  const database = await openDatabase({
    kind: 'pglite',
    dataDir,
    ...(template ? { loadDataDir: template } : {}),
  });
  try {
    await migrateToLatest(database.db);
    await syncReferenceData(database.db);
    await insertUser(database.db, {
      id: newId(),
      email,
      displayName: 'Crash drill',
      roles: ['field-officer'],
      scope: { kind: 'countries', countries: ['SDN'] },
      clearance: 'restricted',
      passwordHash: await hashPassword(password, { memoryCost: 256, timeCost: 1, parallelism: 1 }),
      now: new Date(),
    });
  } finally {
    await database.close();
  }
}

export interface CrashDrillOptions {
  dataDir: string;
  rounds: number;
  /** Run `prevention verify-audit` (after a clean stop) every this many rounds, and at the end. */
  verifyAuditEvery: number;
  /** How long writes stream after the first acknowledgement before the kill: uniformly random
   * between these, in ms. */
  killAfterMs: readonly [number, number];
  /** Writes in flight at once. */
  concurrency: number;
  random?: () => number;
  onRound?: (round: CrashRound) => void;
}

export interface CrashRound {
  round: number;
  /** Writes acknowledged in this round, and all acknowledged so far (all checked present). */
  acknowledged: number;
  checked: number;
  /** Milliseconds from spawning `prevention start` to its ready line, after the kill. */
  restartAfterCrashMs: number;
}

export interface CrashDrillReport {
  rounds: CrashRound[];
  acknowledged: number;
  /** Every start after a SIGKILL, and every start after a clean stop (the baseline). */
  startsAfterCrashMs: number[];
  cleanStartsMs: number[];
  auditVerifications: number;
}

export class CrashDrillFailure extends Error {
  override readonly name = 'CrashDrillFailure';
}

export interface Started {
  cli: CliProcess;
  url: string;
  cookie: string;
  ms: number;
}

export async function startServer(dataDir: string): Promise<Started> {
  const began = performance.now();
  const cli = runCli(['start'], crashDrillEnv(dataDir));
  const ready = await cli.waitForLog(isReady).catch((error: unknown) => {
    throw new CrashDrillFailure(
      `the server did not start on the data directory: ${(error as Error).message}`,
    );
  });
  const ms = performance.now() - began;
  const url = String(ready.url);
  return { cli, url, cookie: await signIn(url), ms };
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-prevention-client': 'crash-drill',
      origin: url,
    },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new CrashDrillFailure(`sign-in failed with HTTP ${response.status}`);
  return cookie;
}

/** One signal write; resolves to its id when the server acknowledged it, undefined otherwise. */
export async function writeSignal(server: Started, index: number): Promise<string | undefined> {
  try {
    const response = await fetch(`${server.url}/trpc/signals.create`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-prevention-client': 'crash-drill',
        origin: server.url,
        cookie: server.cookie,
      },
      body: JSON.stringify({
        pillar: 'peace-security',
        kind: 'conflict-event',
        areaCode: 'SDN',
        occurredOn: '2026-11-01',
        title: `Crash drill write ${index}`,
        severity: 2,
        verification: 'reported',
        source: 'Crash drill',
        sensitivity: 'restricted',
        fieldSensitivity: {},
        payload: { index },
      }),
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { result?: { data?: { id?: unknown } } };
    const id = body.result?.data?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    // The connection died with the server: not acknowledged, so it may or may not be stored.
    return undefined;
  }
}

/** Every signal id the drill's user can list, page by page. */
export async function storedIds(server: Started): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const input = { limit: 100, ...(cursor ? { cursor } : {}) };
    const response = await fetch(
      `${server.url}/trpc/signals.list?input=${encodeURIComponent(JSON.stringify(input))}`,
      { headers: { 'x-prevention-client': 'crash-drill', cookie: server.cookie } },
    );
    if (!response.ok)
      throw new CrashDrillFailure(`listing signals failed: HTTP ${response.status}`);
    const body = (await response.json()) as {
      result: { data: { items: { id: string }[]; nextCursor: string | null } };
    };
    for (const item of body.result.data.items) ids.add(item.id);
    cursor = body.result.data.nextCursor;
  } while (cursor);
  return ids;
}

function checkAcknowledged(stored: Set<string>, acknowledged: readonly string[], round: number) {
  const missing = acknowledged.filter((id) => !stored.has(id));
  if (missing.length > 0) {
    throw new CrashDrillFailure(
      `after round ${round}, ${missing.length} of ${acknowledged.length} acknowledged writes are ` +
        `missing (first: ${missing[0]})`,
    );
  }
}

async function stopCleanly(server: Started): Promise<void> {
  server.cli.child.kill('SIGTERM');
  const code = await server.cli.exited;
  if (code !== 0) throw new CrashDrillFailure(`the server stopped with exit code ${code}`);
}

async function verifyAudit(dataDir: string): Promise<void> {
  const cli = runCli(['verify-audit'], crashDrillEnv(dataDir));
  const code = await cli.exited;
  if (code !== 0) {
    throw new CrashDrillFailure(`prevention verify-audit failed (exit ${code}): ${cli.stderr()}`);
  }
}

/** Streams writes, then kills the server with SIGKILL at a random moment mid-stream. */
async function writeUntilKilled(
  server: Started,
  options: CrashDrillOptions,
  acknowledged: string[],
  random: () => number,
): Promise<number> {
  const [least, most] = options.killAfterMs;
  // The clock starts at the first acknowledgement, so that every round kills a stream that is
  // really flowing, however slowly a busy machine warms the new process up.
  // Without any acknowledgement in a minute the server is broken: kill it and fail the round.
  let killAt = performance.now() + 60_000;
  let written = 0;
  let next = acknowledged.length;
  const writer = async () => {
    while (server.cli.child.exitCode === null && server.cli.child.signalCode === null) {
      const id = await writeSignal(server, next++);
      if (id !== undefined) {
        acknowledged.push(id);
        written += 1;
        if (written === 1) killAt = performance.now() + least + random() * (most - least);
      }
    }
  };
  const writers = Array.from({ length: options.concurrency }, writer);
  const killer = (async () => {
    while (performance.now() < killAt) await new Promise((resolve) => setTimeout(resolve, 5));
    server.cli.child.kill('SIGKILL');
    await server.cli.exited;
  })();
  await Promise.all([killer, ...writers]);
  if (written === 0) throw new CrashDrillFailure('the server acknowledged no write in a minute');
  return written;
}

export async function runCrashDrill(options: CrashDrillOptions): Promise<CrashDrillReport> {
  const random = options.random ?? Math.random;
  const acknowledged: string[] = [];
  const report: CrashDrillReport = {
    rounds: [],
    acknowledged: 0,
    startsAfterCrashMs: [],
    cleanStartsMs: [],
    auditVerifications: 0,
  };
  let server = await startServer(options.dataDir);
  report.cleanStartsMs.push(server.ms);
  try {
    for (let round = 1; round <= options.rounds + 1; round += 1) {
      if (round > 1) {
        server = await startServer(options.dataDir);
        report.startsAfterCrashMs.push(server.ms);
        checkAcknowledged(await storedIds(server), acknowledged, round - 1);
        const previous = report.rounds.at(-1);
        if (previous) {
          previous.restartAfterCrashMs = server.ms;
          previous.checked = acknowledged.length;
          options.onRound?.(previous);
        }
      }
      const last = round === options.rounds + 1;
      if (last || round % options.verifyAuditEvery === 0) {
        await stopCleanly(server);
        await verifyAudit(options.dataDir);
        report.auditVerifications += 1;
        if (last) break;
        server = await startServer(options.dataDir);
        report.cleanStartsMs.push(server.ms);
      }
      const written = await writeUntilKilled(server, options, acknowledged, random);
      report.rounds.push({ round, acknowledged: written, checked: 0, restartAfterCrashMs: 0 });
    }
  } finally {
    if (server.cli.child.exitCode === null && server.cli.child.signalCode === null) {
      server.cli.child.kill('SIGKILL');
      await server.cli.exited;
    }
  }
  report.acknowledged = acknowledged.length;
  return report;
}
