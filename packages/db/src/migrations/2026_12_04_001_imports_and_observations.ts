import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration describes the schema as it was on 2026-12-04.
const levels = sql`('public', 'restricted', 'confidential', 'strictly-confidential')`;

/**
 * Imports and the observation store.
 *
 * An import writes its rows into the final tables in short statements, each row carrying its
 * batch; a row of a batch that is not `committed` is invisible to every read. Committing is one
 * short transaction: the batch becomes `committed` and the rows it replaces get `superseded_by`.
 * So a million-row import never holds the embedded database's one session for long, and no
 * reader ever sees half of one. Rolling a batch back is as short: its status changes and the
 * rows it superseded are visible again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('format', 'text', (col) =>
      col.notNull().check(sql`format in ('acled', 'hxl', 'csv')`),
    )
    .addColumn('target', 'text', (col) =>
      col.notNull().check(sql`target in ('signals', 'observations')`),
    )
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('content_hash', 'text', (col) =>
      col.notNull().check(sql`content_hash ~ '^[0-9a-f]{64}$'`),
    )
    .addColumn('byte_size', 'bigint', (col) => col.notNull().check(sql`byte_size >= 0`))
    .addColumn('mode', 'text', (col) =>
      col.notNull().check(sql`mode in ('all-or-nothing', 'valid-rows')`),
    )
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`status in ('queued', 'reading', 'committed', 'failed', 'cancelled', 'rolled-back')`,
        ),
    )
    .addColumn('sensitivity', 'text', (col) => col.notNull().check(sql`sensitivity in ${levels}`))
    .addColumn('mapping', 'jsonb')
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('cancel_requested', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('bytes_read', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('rows_read', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('rows_invalid', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('added', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('failure', 'text')
    .addColumn('rolled_back_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('rolled_back_at', 'timestamptz')
    /** Set once the rows of a batch that never became (or no longer is) visible are deleted. */
    .addColumn('purged', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createIndex('import_batch_hash_idx')
    .on('import_batch')
    .column('content_hash')
    .execute();
  await db.schema
    .createIndex('import_batch_created_idx')
    .on('import_batch')
    .column('created_at')
    .execute();
  // Every read asks for the batches whose rows it must not see: a handful, found by this index.
  await db.schema
    .createIndex('import_batch_invisible_idx')
    .on('import_batch')
    .column('id')
    .where(sql.ref('status'), '<>', 'committed')
    .execute();

  await db.schema
    .createTable('import_row_error')
    .addColumn('batch_id', 'uuid', (col) =>
      col.notNull().references('import_batch.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('line', 'integer', (col) => col.notNull())
    .addColumn('column_name', 'text')
    .addColumn('message', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('import_row_error_pk', ['batch_id', 'seq'])
    .execute();

  await db.schema
    .createTable('hxl_mapping')
    .addColumn('shape_key', 'text', (col) => col.primaryKey())
    .addColumn('mapping', 'jsonb', (col) => col.notNull())
    .addColumn('saved_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('saved_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .alterTable('signal')
    .addColumn('import_batch_id', 'uuid', (col) => col.references('import_batch.id'))
    .addColumn('source_row', 'integer')
    .addColumn('external_id', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('replaces', 'uuid')
    .addColumn('superseded_by', 'uuid', (col) => col.references('import_batch.id'))
    .execute();
  await db.schema
    .createIndex('signal_external_idx')
    .on('signal')
    .columns(['kind', 'external_id'])
    .where(sql.ref('external_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('signal_batch_idx')
    .on('signal')
    .columns(['import_batch_id', 'external_id'])
    .unique()
    .where(sql.ref('import_batch_id'), 'is not', null)
    .execute();
  // Committing a batch finds the rows it replaces; rolling one back, the rows it superseded.
  await db.schema
    .createIndex('signal_replaces_idx')
    .on('signal')
    .column('import_batch_id')
    .where(sql.ref('replaces'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('signal_superseded_idx')
    .on('signal')
    .column('superseded_by')
    .where(sql.ref('superseded_by'), 'is not', null)
    .execute();

  await db.schema
    .createTable('observation')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('indicator_code', 'text', (col) => col.notNull())
    .addColumn('area_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('country_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('sex', 'text')
    .addColumn('age', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('value', 'double precision', (col) => col.notNull())
    .addColumn('reliability', 'text', (col) =>
      col.notNull().check(sql`reliability in ('high', 'medium', 'low')`),
    )
    .addColumn('sensitivity', 'text', (col) => col.notNull().check(sql`sensitivity in ${levels}`))
    .addColumn('import_batch_id', 'uuid', (col) => col.references('import_batch.id'))
    .addColumn('source_row', 'integer')
    .addColumn('replaces', 'uuid')
    .addColumn('superseded_by', 'uuid', (col) => col.references('import_batch.id'))
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  // The natural key an import replaces by: (indicator, area, period, disaggregation, source).
  await sql`
    create index observation_key_idx on observation
      (indicator_code, area_code, period, coalesce(sex, ''), coalesce(age, ''), source)
  `.execute(db);
  await db.schema
    .createIndex('observation_country_idx')
    .on('observation')
    .columns(['country_code', 'period'])
    .execute();
  await sql`
    create unique index observation_batch_idx on observation
      (import_batch_id, indicator_code, area_code, period, coalesce(sex, ''), coalesce(age, ''), source)
      where import_batch_id is not null
  `.execute(db);
  await db.schema
    .createIndex('observation_replaces_idx')
    .on('observation')
    .column('import_batch_id')
    .where(sql.ref('replaces'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('observation_superseded_idx')
    .on('observation')
    .column('superseded_by')
    .where(sql.ref('superseded_by'), 'is not', null)
    .execute();
}
