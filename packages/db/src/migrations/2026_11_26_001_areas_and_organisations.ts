import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration describes the schema as it was on 2026-11-26.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('area')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('country', 'subnational')`),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('parent_code', 'text', (col) => col.references('area.code'))
    .addColumn('admin_level', 'integer', (col) =>
      col.notNull().check(sql`admin_level between 0 and 5`),
    )
    .addColumn('alpha2', 'text')
    .addColumn('m49', 'text')
    .addColumn('un_status', 'text', (col) => col.check(sql`un_status in ('member', 'observer')`))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('region_name', 'text', (col) => col.notNull())
    .addColumn('sub_region_code', 'text', (col) => col.notNull())
    .addColumn('sub_region_name', 'text', (col) => col.notNull())
    .addColumn('intermediate_region_code', 'text')
    .addColumn('intermediate_region_name', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'area_country_has_no_parent',
      sql`(kind = 'country') = (parent_code is null)`,
    )
    .execute();
  await db.schema.createIndex('area_parent_code_idx').on('area').column('parent_code').execute();

  await db.schema
    .createTable('organisation')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('acronym', 'text')
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`kind in ('un-entity', 'government', 'regional-organisation', 'international-financial-institution', 'civil-society', 'academia', 'private-sector')`,
        ),
    )
    .addColumn('country_code', 'text', (col) => col.references('area.code'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('organisation_name_idx')
    .on('organisation')
    .column('name')
    .unique()
    .execute();

  await db.schema
    .createTable('seed_run')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('seed', 'integer', (col) => col.notNull())
    .addColumn('applied_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
