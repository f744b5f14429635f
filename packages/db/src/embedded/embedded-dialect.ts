import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { EmbeddedDatabase } from './embedded-database.js';

/**
 * A Kysely dialect for the embedded database in its worker thread. PGlite is one PostgreSQL
 * session: statements outside transactions are sent at once and run in order of arrival, and a
 * transaction keeps the session to itself until it ends (the worker holds the others back), so a
 * query from a concurrent request never runs inside somebody else's transaction.
 */
export class EmbeddedDialect implements Dialect {
  readonly #database: EmbeddedDatabase;

  constructor(database: EmbeddedDatabase) {
    this.#database = database;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new EmbeddedDriver(this.#database);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

class EmbeddedDriver implements Driver {
  readonly #database: EmbeddedDatabase;

  constructor(database: EmbeddedDatabase) {
    this.#database = database;
  }

  async init(): Promise<void> {
    // The database answered before the dialect was made (EmbeddedDatabase.start).
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new EmbeddedConnection(this.#database, this.#database.newConnection());
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof EmbeddedConnection) await connection.release();
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    const access = settings.accessMode ? ` ${settings.accessMode}` : '';
    await embedded(connection).control('begin', `begin${isolation}${access}`);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await embedded(connection).control('end', 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await embedded(connection).control('end', 'rollback');
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${savepointName(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(
      CompiledQuery.raw(`rollback to savepoint ${savepointName(name)}`),
    );
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${savepointName(name)}`));
  }

  async destroy(): Promise<void> {
    // The owner of the embedded database closes it (after a checkpoint); see openDatabase.
  }
}

class EmbeddedConnection implements DatabaseConnection {
  readonly #database: EmbeddedDatabase;
  readonly #id: number;
  #inTransaction = false;

  constructor(database: EmbeddedDatabase, id: number) {
    this.#database = database;
    this.#id = id;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return this.#rows<R>('query', compiledQuery.sql, compiledQuery.parameters);
  }

  async control(op: 'begin' | 'end', sql: string): Promise<void> {
    // Set before the answer arrives: a release after a failed begin must still free the session.
    this.#inTransaction = op === 'begin';
    await this.#rows(op, sql, []);
  }

  async release(): Promise<void> {
    if (!this.#inTransaction) return;
    this.#inTransaction = false;
    await this.#database.request({ op: 'release', connection: this.#id });
  }

  // PGlite has no server-side cursors to stream from; the rows are read at once and handed out
  // in chunks, which keeps `stream()` usable on both dialects.
  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize = 1000,
  ): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiledQuery);
    for (let i = 0; i < rows.length; i += chunkSize) {
      yield { rows: rows.slice(i, i + chunkSize) };
    }
  }

  async #rows<R>(
    op: 'query' | 'begin' | 'end',
    sql: string,
    params: readonly unknown[],
  ): Promise<QueryResult<R>> {
    const result = await this.#database.request({ op, connection: this.#id, sql, params });
    if (result.kind !== 'rows') throw new Error(`Unexpected answer to a statement: ${result.kind}`);
    const changesRows = /^(insert|update|delete|merge)\b/i.test(sql.trimStart());
    return {
      rows: result.rows as R[],
      ...(changesRows && result.affectedRows !== null
        ? { numAffectedRows: BigInt(result.affectedRows) }
        : {}),
    };
  }
}

function embedded(connection: DatabaseConnection): EmbeddedConnection {
  if (!(connection instanceof EmbeddedConnection)) {
    throw new Error('A connection of another dialect was given to the embedded driver');
  }
  return connection;
}

/** Savepoint names are identifiers written in our code; anything else is refused, not quoted. */
function savepointName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name))
    throw new Error(`Invalid savepoint name ${name}`);
  return name;
}
