import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration describes the schema as it was on 2026-12-05.

/**
 * Risk models and the profiles computed under them.
 *
 * A model version is immutable once stored: its profiles are kept under it, so a new version
 * (a country's adjustment, or a new release of a shipped model) adds profiles beside the old
 * ones instead of changing history. A profile is stored once for each clearance it may be shown
 * at: `basis` is the index of the strictest sensitivity of the observations it may rest on
 * (0 public … 3 strictly confidential), and a reader sees, per area and month, the stored
 * profile with the highest basis they are cleared for.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('risk_model_version')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('model_id', 'text', (col) => col.notNull())
    .addColumn('version', 'text', (col) => col.notNull())
    .addColumn('country_code', 'text', (col) => col.references('area.code'))
    .addColumn('definition', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(definition) = 'object'`),
    )
    .addColumn('based_on', 'uuid', (col) => col.references('risk_model_version.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`
    create unique index risk_model_version_key_idx on risk_model_version
      (model_id, version, coalesce(country_code, ''))
  `.execute(db);

  await db.schema
    .createTable('risk_profile')
    .addColumn('model_version_id', 'uuid', (col) =>
      col.notNull().references('risk_model_version.id').onDelete('cascade'),
    )
    .addColumn('area_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('country_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('month', 'text', (col) => col.notNull().check(sql`month ~ '^[0-9]{4}-[0-9]{2}$'`))
    .addColumn('basis', 'smallint', (col) => col.notNull().check(sql`basis between 0 and 3`))
    .addColumn('score', 'double precision')
    .addColumn('class', 'text')
    .addColumn('change3', 'double precision')
    .addColumn('change12', 'double precision')
    .addColumn('completeness', 'double precision', (col) => col.notNull())
    .addColumn('reliability', 'double precision', (col) => col.notNull())
    .addColumn('summary', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(summary) = 'object'`),
    )
    .addColumn('profile', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(profile) = 'object'`),
    )
    .addColumn('computed_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('risk_profile_pk', ['model_version_id', 'area_code', 'month', 'basis'])
    .execute();
  // The overview reads one month of every country under one model version.
  await db.schema
    .createIndex('risk_profile_month_idx')
    .on('risk_profile')
    .columns(['model_version_id', 'month', 'country_code'])
    .execute();

  await db.schema
    .createTable('risk_run')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('full', 'incremental')`))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('areas', 'jsonb', (col) => col.notNull().check(sql`jsonb_typeof(areas) = 'array'`))
    .addColumn('areas_total', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('areas_done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('profiles_written', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('requested_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('failure', 'text')
    .execute();
  await db.schema.createIndex('risk_run_created_idx').on('risk_run').column('created_at').execute();
}
