/**
 * The server the API benchmarks measure: production mode, silent logs, a rate limit high enough
 * not to refuse the load, over a migrated database, with one user signed in over HTTP.
 */
import { hashPassword, owaspArgon2id, startRiskJobs, type RiskJobs } from '@prevention/api';
import { newId } from '@prevention/core';
import {
  insertUser,
  migrateToLatest,
  startJobQueue,
  syncReferenceData,
  type DatabaseHandle,
  type JobQueue,
} from '@prevention/db';
import { sql } from 'kysely';
import { createServer, type TrpcHandling } from '../src/server.js';

export interface BenchServer {
  url: string;
  /** Headers of a signed-in browser-like client: the session cookie and the client header. */
  headers: Record<string, string>;
  /** The read the benchmarks load: `areas.byCode` for Sudan. */
  readPath: string;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** A schema of its own, created for the server and dropped when it stops. */
  schema?: string | undefined;
  /** A built web app to serve; none by default. */
  webRoot?: string;
  /**
   * The risk recomputation jobs on the job queue, as `prevention start` runs them, and with them
   * the HQ views' answer cache; without them every risk read goes to the database.
   */
  riskJobs?: boolean;
}

export async function startBenchServer(
  database: DatabaseHandle,
  trpc: TrpcHandling,
  { schema, webRoot = '/nonexistent', riskJobs = false }: BenchServerOptions = {},
): Promise<BenchServer> {
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(database.db);
  await migrateToLatest(database.db, schema ? { schema } : {});
  await syncReferenceData(database.db);
  let jobs: JobQueue | undefined;
  let risk: RiskJobs | undefined;
  if (riskJobs) {
    jobs = await startJobQueue(database, {
      onError: (error) => process.stderr.write(`the job queue reported: ${String(error)}\n`),
    });
    risk = await startRiskJobs(
      jobs,
      { db: database.db, now: () => new Date() },
      { onJobError: (error) => process.stderr.write(`a risk job failed: ${String(error)}\n`) },
    );
  }
  const server = await createServer({
    config: {
      PORT: 0,
      HOST: '127.0.0.1',
      APP_MODE: 'production',
      LOG_LEVEL: 'silent',
      BODY_LIMIT_BYTES: 1 << 20,
      WEB_ROOT: webRoot,
      TRUST_PROXY: false,
      RATE_LIMIT_PER_MINUTE: 1_000_000,
      APP_SECRET: 'bench-secret-that-is-long-enough-to-derive-keys',
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
    },
    database,
    version: 'bench',
    trpc,
    ...(risk ? { risk } : {}),
  });
  const url = await server.start();
  const cookie = await signedInCookie(database, url);
  const input = encodeURIComponent(JSON.stringify({ code: 'SDN' }));
  return {
    url,
    headers: { cookie, 'x-prevention-client': 'bench' },
    readPath: `/trpc/areas.byCode?input=${input}`,
    stop: async () => {
      await server.stop();
      await risk?.stop();
      await jobs?.stop();
      if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
    },
  };
}

/** A user signed in over HTTP: the read is measured with its session, as a browser makes it. */
async function signedInCookie(database: DatabaseHandle, url: string): Promise<string> {
  const email = `bench-${newId()}@example.org`;
  const password = 'bench password for one user';
  await insertUser(database.db, {
    id: newId(),
    email,
    displayName: 'Benchmark',
    roles: ['hq-planner'],
    scope: { kind: 'global' },
    clearance: 'restricted',
    passwordHash: await hashPassword(password, owaspArgon2id),
    now: new Date(),
  });
  return signInOverHttp(url, email, password);
}

/** Signs in as a browser would; resolves to the session cookie (`name=value`). */
export async function signInOverHttp(
  url: string,
  email: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-prevention-client': 'bench', origin: url },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed with ${response.status}`);
  return cookie;
}
