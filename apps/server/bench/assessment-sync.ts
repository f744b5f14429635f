/**
 * Assessment sync through the real server, against the same rows written directly with Kysely
 * (an assessment row and a revision row per item, one transaction each: what the protocol stores,
 * without receipts, locks, validation, redaction or the audit log) measured in the same run.
 *
 * 1. One client syncs 1,000 queued assessments over HTTP in batches of MAX_SYNC_ITEMS.
 * 2. 200 clients, each signed in with its own session, sync 20 items each, all at once.
 *
 * The server runs as its own process (the `prevention start` command from the sources), as in
 * production, so the load generator does not share its event loop; the baseline writes from this
 * process to a database of the same kind. PGlite is one PostgreSQL session that blocks its
 * process while a query runs: every write queues behind the others, and a client's latency is
 * mostly time spent waiting its turn. BENCH_DATABASE_URL adds the same runs on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '@prevention/api';
import {
  composeAssessmentForm,
  exampleContent,
  MAX_SYNC_ITEMS,
  summariseContent,
  type SyncItem,
} from '@prevention/assessment';
import { newId, type UserAccount } from '@prevention/core';
import {
  insertAssessment,
  insertRevision,
  insertUser,
  migrateToLatest,
  openDatabase,
  syncReferenceData,
  type DatabaseHandle,
} from '@prevention/db';
import { platformPillars } from '@prevention/risk';
import { isReady, runCli } from '../test/cli-process.js';
import { signInOverHttp } from './api-bench-server.js';
import {
  createPGliteDatabase,
  createPostgresDatabase,
  type BenchDatabase,
} from './bench-databases.js';

const form = composeAssessmentForm(platformPillars);
const queued = 1000;
const clients = 200;
const itemsPerClient = 20;
const password = 'bench password for every client';
/** Users are made with cheap Argon2 parameters so that 200 sign-ins do not dominate the setup. */
const cheapHashing = { memoryCost: 256, timeCost: 1, parallelism: 1 };

interface Target {
  label: string;
  /** A fresh, empty database of this kind, and how to drop it. */
  create(name: string): Promise<BenchDatabase>;
}

function items(count: number, tag: string): SyncItem[] {
  return Array.from({ length: count }, (_, index) => {
    let state = index * 7919 + tag.length;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    return {
      clientId: newId(),
      assessmentId: newId(),
      baseRevision: null,
      areaCode: 'SDN',
      period: '2026-11',
      content: exampleContent(form, { title: `${tag} ${index + 1}`, random }),
      savedAt: new Date().toISOString(),
    };
  });
}

/** Migrates a fresh database and adds field officers for Sudan; returns them. */
async function prepare(database: DatabaseHandle, users: number): Promise<UserAccount[]> {
  await migrateToLatest(database.db);
  await syncReferenceData(database.db);
  const passwordHash = await hashPassword(password, cheapHashing);
  const created: UserAccount[] = [];
  for (let i = 0; i < users; i += 1) {
    const user = await insertUser(database.db, {
      id: newId(),
      email: `bench-${i}@example.org`,
      displayName: `Bench client ${i}`,
      roles: ['field-officer'],
      scope: { kind: 'countries', countries: ['SDN'] },
      clearance: 'restricted',
      passwordHash,
      now: new Date(),
    });
    created.push(user);
  }
  return created;
}

/** The baseline: the same rows, written directly, `concurrency` writers at a time. */
async function directInserts(
  database: DatabaseHandle,
  batch: readonly SyncItem[],
  concurrency: number,
): Promise<number> {
  const [author] = await prepare(database, 1);
  if (!author) throw new Error('no author');
  const started = performance.now();
  let next = 0;
  const writer = async () => {
    for (let item = batch[next++]; item; item = batch[next++]) {
      const content = item.content;
      const summary = summariseContent(form, content);
      const at = new Date();
      await database.db.transaction().execute(async (trx) => {
        await insertAssessment(trx, item.assessmentId, {
          areaCode: item.areaCode,
          countryCode: 'SDN',
          period: item.period,
          status: 'draft',
          revision: 1,
          content,
          summary,
          submittedBy: null,
          by: author.id,
          at,
        });
        await insertRevision(trx, {
          assessmentId: item.assessmentId,
          revision: 1,
          action: 'create',
          status: 'draft',
          content,
          comments: null,
          changedSections: [],
          clientId: item.clientId,
          authorId: author.id,
          savedAt: at,
        });
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, writer));
  return (performance.now() - started) / 1000;
}

function signIn(url: string, email: string): Promise<string> {
  return signInOverHttp(url, email, password);
}

/** One sync request; resolves to the number of items not acknowledged (0 when all were). */
async function sync(url: string, cookie: string, batch: readonly SyncItem[]): Promise<number> {
  const response = await fetch(`${url}/trpc/assessments.sync`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-prevention-client': 'bench',
      origin: url,
      cookie,
    },
    body: JSON.stringify({ items: batch }),
  });
  if (!response.ok) return batch.length;
  const body = (await response.json()) as {
    result?: { data?: { answers?: { outcome: string }[] } };
  };
  const answers = body.result?.data?.answers ?? [];
  return batch.length - answers.filter((a) => a.outcome === 'acknowledged').length;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

interface Result {
  label: string;
  queuedSeconds: number;
  queuedBaseline: number;
  queuedErrors: number;
  burstSeconds: number;
  burstBaseline: number;
  burstErrors: number;
  p50: number;
  p95: number;
}

async function measure(target: Target): Promise<Result> {
  const baselineDb = await target.create('baseline');
  const one = await openDatabase(baselineDb.config);
  const queuedBaseline = await directInserts(one, items(queued, 'Baseline'), 1);
  await one.close();
  await baselineDb.drop();
  const burstDb = await target.create('burst_baseline');
  const many = await openDatabase(burstDb.config);
  const burstBaseline = await directInserts(
    many,
    items(clients * itemsPerClient, 'Burst'),
    clients,
  );
  await many.close();
  await burstDb.drop();

  const serverDb = await target.create('server');
  const setup = await openDatabase(serverDb.config);
  const users = await prepare(setup, clients + 1);
  await setup.close();
  const server = runCli(['start'], {
    ...serverDb.env,
    APP_MODE: 'production',
    APP_SECRET: randomBytes(36).toString('base64'),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '1000000',
    WEB_ROOT: '/nonexistent',
  });
  try {
    const { url } = (await server.waitForLog(isReady, 60_000)) as { url: string };
    // One after another: sign-in throttling counts attempts in progress from one address.
    const cookies: string[] = [];
    for (const user of users) cookies.push(await signIn(url, user.email));
    const [first, ...others] = cookies;
    if (!first) throw new Error('no session');

    const outbox = items(queued, 'Queued');
    let queuedErrors = 0;
    const queuedStart = performance.now();
    for (let i = 0; i < outbox.length; i += MAX_SYNC_ITEMS) {
      queuedErrors += await sync(url, first, outbox.slice(i, i + MAX_SYNC_ITEMS));
    }
    const queuedSeconds = (performance.now() - queuedStart) / 1000;

    const batches = others.map((cookie, i) => ({
      cookie,
      batch: items(itemsPerClient, `Client ${i}`),
    }));
    const latencies: number[] = [];
    let burstErrors = 0;
    const burstStart = performance.now();
    await Promise.all(
      batches.map(async ({ cookie, batch }) => {
        const started = performance.now();
        burstErrors += await sync(url, cookie, batch).catch(() => batch.length);
        latencies.push(performance.now() - started);
      }),
    );
    const burstSeconds = (performance.now() - burstStart) / 1000;
    return {
      label: target.label,
      queuedSeconds,
      queuedBaseline,
      queuedErrors,
      burstSeconds,
      burstBaseline,
      burstErrors,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await serverDb.drop();
  }
}

const pglite: Target = { label: 'PGlite', create: () => createPGliteDatabase('sync') };

const postgres = (url: string): Target => ({
  label: 'PostgreSQL',
  create: (name) => createPostgresDatabase(url, `sync_${name}`),
});

const targets = [pglite];
if (process.env.BENCH_DATABASE_URL) targets.push(postgres(process.env.BENCH_DATABASE_URL));
const results: Result[] = [];
for (const target of targets) results.push(await measure(target));

const s = (seconds: number) => `${seconds.toFixed(2)} s`;
const lines = results.flatMap((r) => [
  `${r.label}`,
  `  1 client, ${queued} queued assessments in batches of ${MAX_SYNC_ITEMS}: ${s(r.queuedSeconds)} ` +
    `(target < 5 s; ${r.queuedErrors} not acknowledged); direct Kysely ${s(r.queuedBaseline)}, ` +
    `ratio ${(r.queuedSeconds / r.queuedBaseline).toFixed(2)}`,
  `  ${clients} clients × ${itemsPerClient} items at once: ${r.burstErrors} errors (target 0), ` +
    `p95 ${(r.p95 / 1000).toFixed(2)} s, p50 ${(r.p50 / 1000).toFixed(2)} s, all done in ${s(r.burstSeconds)}; ` +
    `direct Kysely (${clients} writers) ${s(r.burstBaseline)}, ratio ${(r.burstSeconds / r.burstBaseline).toFixed(2)}`,
]);
process.stdout.write(
  `\nAssessment sync through the real server (its own process), against the same rows written directly with Kysely\n` +
    `${lines.join('\n')}\n` +
    `(ratio = time through the sync protocol over HTTP ÷ time of the direct inserts, measured in this run)\n`,
);
