import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import type { Database } from './database.js';
import { EmbeddedDatabase } from './embedded/embedded-database.js';
import { EmbeddedDialect } from './embedded/embedded-dialect.js';
import { parseBigIntAsNumber, parseDate, parseNumeric, pgTypeOid } from './type-parsers.js';

export type DatabaseConfig =
  | {
      kind: 'pglite';
      /** The application's data directory (PGlite keeps its files in `pglite/` inside); null keeps everything in memory. */
      dataDir: string | null;
      /** Start from a dump made with `dumpDataDir` instead of running initdb (tests). */
      loadDataDir?: Blob;
    }
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      /** Run every connection with this schema first on its search path (tests). */
      schema?: string;
    };

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: 'pglite' | 'postgres';
  /**
   * A consistent snapshot of the embedded database as a tar archive (PGlite's `dumpDataDir`),
   * taken between transactions; null on PostgreSQL, whose own tools (`pg_dump`) do this.
   */
  readonly dumpDataDir: ((compression: 'none' | 'gzip') => Promise<Blob>) | null;
  /**
   * Runs SQL that a library brings (the job queue): with values, one statement; without, a
   * script of several. Outside Kysely, so no repository uses it.
   */
  executeSql(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>;
  /**
   * PGlite's bulk path: a `COPY … FROM '/dev/blob'` reading `input`, or a `COPY … TO
   * '/dev/blob'` answering with the file. Null on PostgreSQL, whose COPY reads files itself.
   */
  readonly copyEmbedded: ((sql: string, input?: Blob) => Promise<Blob | null>) | null;
  /** The schema the job queue keeps its tables in (one per test schema on PostgreSQL). */
  readonly jobSchema: string;
  /** Where the data lives, safe to log: never a password. */
  readonly description: string;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  /** Waits for running queries, checkpoints an embedded database, and releases it. */
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return config.kind === 'pglite' ? openPGlite(config) : openPostgres(config);
}

async function openPGlite(
  config: Extract<DatabaseConfig, { kind: 'pglite' }>,
): Promise<DatabaseHandle> {
  const dataDir = config.dataDir === null ? null : resolve(config.dataDir);
  const lock: DataDirLock | null = dataDir === null ? null : await acquireDataDirLock(dataDir);
  let embedded: EmbeddedDatabase;
  try {
    embedded = await EmbeddedDatabase.start({
      pgliteDir: dataDir === null ? null : join(dataDir, 'pglite'),
      loadDataDir: config.loadDataDir ? await config.loadDataDir.arrayBuffer() : null,
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new EmbeddedDialect(embedded) });
  const queueConnection = embedded.newConnection();
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'pglite',
    dumpDataDir: async (compression) => {
      const result = await embedded.request({ op: 'dump', compression });
      if (result.kind !== 'archive') throw new Error('The embedded database sent no archive');
      return new Blob([result.archive], { type: 'application/x-tar' });
    },
    executeSql: async (text, values) => {
      // One connection id for the queue's statements, never the holder of a Kysely transaction.
      const connection = queueConnection;
      const result =
        values && values.length > 0
          ? await embedded.request({ op: 'query', connection, sql: text, params: values })
          : await embedded.request({ op: 'script', connection, sql: text });
      if (result.kind !== 'rows') throw new Error('The embedded database sent no rows');
      return { rows: result.rows };
    },
    copyEmbedded: async (text, input) => {
      const result = await embedded.request({
        op: 'copy',
        connection: queueConnection,
        sql: text,
        input: input ? await input.arrayBuffer() : null,
      });
      if (result.kind !== 'copied') throw new Error('The embedded database did not copy');
      return result.output ? new Blob([result.output]) : null;
    },
    jobSchema: 'pgboss',
    description: dataDir === null ? 'PGlite in memory' : `PGlite in ${join(dataDir, 'pglite')}`,
    ping: async () => {
      if (embedded.stopped) throw new Error('The embedded database is closed');
      await sql`select 1`.execute(db);
    },
    close: () => {
      closing ??= (async () => {
        try {
          // The worker runs the checkpoint after whatever is queued or in a transaction.
          await db.destroy();
          await embedded.close();
        } finally {
          await lock?.release();
        }
      })();
      return closing;
    },
  };
}

async function openPostgres(
  config: Extract<DatabaseConfig, { kind: 'postgres' }>,
): Promise<DatabaseHandle> {
  const url = new URL(config.url);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    ...(config.schema ? { options: `-c search_path=${schemaName(config.schema)}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === pgTypeOid.int8) return parseBigIntAsNumber;
        if (oid === pgTypeOid.numeric) return parseNumeric;
        if (oid === pgTypeOid.date) return parseDate;
        return pg.types.getTypeParser(oid, format ?? 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'postgres',
    dumpDataDir: null,
    copyEmbedded: null,
    executeSql: async (text, values) => {
      const result = await pool.query(text, values && values.length > 0 ? [...values] : undefined);
      // A script answers with one result per statement; its rows are the last one's.
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: (last?.rows ?? []) as unknown[] };
    },
    jobSchema: config.schema ? `${schemaName(config.schema)}_jobs` : 'pgboss',
    description: `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => {
      closing ??= db.destroy();
      return closing;
    },
  };
}

function schemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid schema name ${name}`);
  return name;
}
