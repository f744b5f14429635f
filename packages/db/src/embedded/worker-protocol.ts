/**
 * The messages between the server's thread and the worker thread that owns the embedded
 * database. Plain data only: everything crosses by structured clone.
 */

/** What the worker is started with. */
export interface EmbeddedWorkerData {
  /** PGlite's own directory (`DATA_DIR/pglite`); null keeps the database in memory. */
  readonly pgliteDir: string | null;
  /** A tar archive made by `dumpDataDir` to start from instead of running initdb. */
  readonly loadDataDir: ArrayBuffer | null;
  /** PGlite's code, compiled once per process and shared by every worker (see pglite-code.ts). */
  readonly code: PGliteCode;
}

export interface PGliteCode {
  readonly pglite: WebAssembly.Module;
  readonly initdb: WebAssembly.Module;
  /** The files PGlite unpacks into its file system at start (`pglite.data`). */
  readonly fsBundle: ArrayBuffer;
}

/**
 * A statement from one Kysely connection. `begin` makes that connection the holder of the single
 * session until its `end` (commit or rollback): the worker runs nobody else's statements in
 * between, so a query from a concurrent request never lands inside someone else's transaction.
 */
export type EmbeddedRequest =
  | {
      readonly id: number;
      readonly op: 'query' | 'begin' | 'end';
      readonly connection: number;
      readonly sql: string;
      readonly params: readonly unknown[];
    }
  /**
   * Several statements without parameters, run as one simple query (PGlite's `exec`), as a
   * library that brings its own schema script sends them; the rows are the last statement's.
   */
  | {
      readonly id: number;
      readonly op: 'script';
      readonly connection: number;
      readonly sql: string;
    }
  /**
   * A `COPY … FROM '/dev/blob'` with these bytes as the file, or a `COPY … TO '/dev/blob'`
   * whose file comes back: PGlite's own bulk path, which the import benchmark compares with.
   */
  | {
      readonly id: number;
      readonly op: 'copy';
      readonly connection: number;
      readonly sql: string;
      readonly input: ArrayBuffer | null;
    }
  /** The connection is given back; a transaction it left open is rolled back. */
  | { readonly id: number; readonly op: 'release'; readonly connection: number }
  | { readonly id: number; readonly op: 'dump'; readonly compression: 'none' | 'gzip' }
  /** Checkpoint (on disk) and close; the worker then exits. */
  | { readonly id: number; readonly op: 'close' };

export type EmbeddedResponse =
  | { readonly id: number; readonly ok: true; readonly result: EmbeddedResult }
  | { readonly id: number; readonly ok: false; readonly error: EmbeddedErrorFields };

export type EmbeddedResult =
  | { readonly kind: 'rows'; readonly rows: unknown[]; readonly affectedRows: number | null }
  | { readonly kind: 'archive'; readonly archive: ArrayBuffer }
  | {
      readonly kind: 'copied';
      readonly output: ArrayBuffer | null;
      readonly affectedRows: number | null;
    }
  | { readonly kind: 'done' };

/** The first message a worker sends: ready, or why it could not open the database. */
export type EmbeddedStartup =
  | { readonly startup: 'ready' }
  | { readonly startup: 'failed'; readonly error: EmbeddedErrorFields };

/**
 * A PostgreSQL error as PGlite reports it. Structured clone keeps only an Error's message and
 * stack, so the fields a caller may branch on (the SQLSTATE code, the constraint) travel by name.
 */
export interface EmbeddedErrorFields {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly severity?: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
}

const errorFieldNames = [
  'code',
  'severity',
  'detail',
  'hint',
  'schema',
  'table',
  'column',
  'constraint',
] as const;

export function errorFields(error: unknown): EmbeddedErrorFields {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields: { -readonly [K in keyof EmbeddedErrorFields]: EmbeddedErrorFields[K] } = {
    name: error.name,
    message: error.message,
  };
  const source = error as Error & Partial<Record<(typeof errorFieldNames)[number], unknown>>;
  for (const name of errorFieldNames) {
    const value = source[name];
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

/** The error a caller sees: PostgreSQL's message and fields, thrown on the server's thread. */
export class EmbeddedDatabaseError extends Error {
  readonly code: string | undefined;
  readonly severity: string | undefined;
  readonly detail: string | undefined;
  readonly hint: string | undefined;
  readonly schema: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly constraint: string | undefined;

  constructor(fields: EmbeddedErrorFields) {
    super(fields.message);
    this.name = fields.name === 'error' || fields.name === 'Error' ? 'DatabaseError' : fields.name;
    this.code = fields.code;
    this.severity = fields.severity;
    this.detail = fields.detail;
    this.hint = fields.hint;
    this.schema = fields.schema;
    this.table = fields.table;
    this.column = fields.column;
    this.constraint = fields.constraint;
  }
}
