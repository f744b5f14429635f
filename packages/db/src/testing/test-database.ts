import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Database } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import { openDatabase, type DatabaseHandle } from '../open-database.js';
import { syncReferenceData } from '../reference-data.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a migrated PGlite database with reference data, loaded by every test file. */
    pgliteTemplatePath: string;
  }
}

export type DatabaseKind = 'pglite' | 'postgres';

let noticePrinted = false;

/**
 * The databases every database test runs on: PGlite always, and PostgreSQL when
 * `TEST_DATABASE_URL` is set. Without it, the PostgreSQL runs are left out with a notice — except
 * in CI, where they stay in and fail, because a missing database must never pass silently.
 */
export function databaseKinds(): DatabaseKind[] {
  if (process.env.TEST_DATABASE_URL || process.env.CI) return ['pglite', 'postgres'];
  if (!noticePrinted) {
    noticePrinted = true;
    console.warn(
      '[notice] TEST_DATABASE_URL is not set: database tests run on PGlite only, not on PostgreSQL.',
    );
  }
  return ['pglite'];
}

export interface TestDatabase {
  readonly db: Kysely<Database>;
  readonly handle: DatabaseHandle;
  /** The PostgreSQL schema the test owns; undefined on PGlite, which owns the whole database. */
  readonly schema: string | undefined;
}

export interface TestDatabaseOptions {
  /** Start from an empty database: no migrations, no reference data. */
  empty?: boolean;
}

/**
 * A migrated database with reference data for the tests of one `describe` block: a clone of the
 * run's PGlite template, or a fresh schema on the PostgreSQL server that is dropped afterwards.
 */
export function useTestDatabase(
  kind: DatabaseKind,
  options: TestDatabaseOptions = {},
): TestDatabase {
  let handle: DatabaseHandle | undefined;
  let schema: string | undefined;
  let dropSchema: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (kind === 'pglite') {
      handle = options.empty
        ? await openDatabase({ kind: 'pglite', dataDir: null })
        : await openPGliteClone();
    } else {
      ({ handle, schema, dropSchema } = await openPostgresSchema(options));
    }
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    await dropSchema?.();
  });

  return {
    get db() {
      if (!handle)
        throw new Error('The test database is not open yet (use it inside a test or hook)');
      return handle.db;
    },
    get handle() {
      if (!handle)
        throw new Error('The test database is not open yet (use it inside a test or hook)');
      return handle;
    },
    get schema() {
      return schema;
    },
  };
}

async function openPGliteClone(): Promise<DatabaseHandle> {
  const templatePath = inject('pgliteTemplatePath');
  if (!templatePath) {
    throw new Error(
      "No PGlite template: add '@prevention/db/testing/global-setup' to test.globalSetup in this package's vitest config.",
    );
  }
  const dump = new Blob([new Uint8Array(await readFile(templatePath))]);
  return openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: dump });
}

async function openPostgresSchema(
  options: TestDatabaseOptions,
): Promise<{ handle: DatabaseHandle; schema: string; dropSchema: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set. In CI every database test must also run on PostgreSQL.',
    );
  }
  const schema = `test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(url, (client) => client.query(`create schema ${schema}`));
  const handle = await openDatabase({ kind: 'postgres', url, schema, poolSize: 5 });
  if (!options.empty) {
    await migrateToLatest(handle.db, { schema });
    await syncReferenceData(handle.db);
  }
  return {
    handle,
    schema,
    dropSchema: async () => {
      await withAdminClient(url, (client) =>
        client.query(`drop schema if exists ${schema}, ${schema}_jobs cascade`),
      );
    },
  };
}

async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
