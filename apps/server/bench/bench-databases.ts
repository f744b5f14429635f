/**
 * Fresh databases for a benchmark: an embedded one in a temporary data directory, or a new
 * database on the PostgreSQL server that BENCH_DATABASE_URL names; each dropped afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '@prevention/db';
import pg from 'pg';

export interface BenchDatabase {
  config: DatabaseConfig;
  /** The settings a `prevention` process needs to open the same database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** An embedded database in a new temporary data directory. */
export async function createPGliteDatabase(name: string): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), `prevention-bench-${name}-`));
  return {
    config: { kind: 'pglite', dataDir: dir },
    env: { DATA_DIR: dir },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A new database `bench_<name>_<pid>` on the server `url` points at, and a temporary data
 * directory for what a server keeps beside it (uploads).
 */
export async function createPostgresDatabase(url: string, name: string): Promise<BenchDatabase> {
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const database = `bench_${name}_${process.pid}`;
  await admin(`create database ${database}`);
  const target = new URL(url);
  target.pathname = `/${database}`;
  const dir = await mkdtemp(join(tmpdir(), `prevention-bench-${name}-`));
  return {
    config: { kind: 'postgres', url: target.toString() },
    env: { DATABASE_URL: target.toString(), DATA_DIR: dir },
    drop: async () => {
      await admin(`drop database if exists ${database} with (force)`);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
