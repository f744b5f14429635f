import { sql, type Kysely } from 'kysely';

/**
 * Sub-national boundaries, imported from GeoJSON (COD-AB, geoBoundaries) as import batches like
 * any other file: a batch's rows are invisible until it commits, a commit supersedes the area's
 * earlier outline, a roll-back brings it back. The geometry is the simplified GeoJSON Polygon or
 * MultiPolygon as text holding JSON: it is written whole and read whole, a country at a time,
 * and nothing queries inside it (no PostGIS on the embedded database).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table import_batch
      drop constraint import_batch_format_check,
      drop constraint import_batch_target_check,
      add constraint import_batch_format_check check (format in ('acled', 'hxl', 'csv', 'geojson')),
      add constraint import_batch_target_check
        check (target in ('signals', 'observations', 'boundaries'))
  `.execute(db);

  await db.schema
    .createTable('area_boundary')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('area_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('country_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('geometry', 'text', (col) => col.notNull().check(sql`left(geometry, 1) = '{'`))
    .addColumn('points', 'integer', (col) => col.notNull().check(sql`points >= 4`))
    .addColumn('source_points', 'integer', (col) => col.notNull())
    .addColumn('name_in_source', 'text')
    .addColumn('import_batch_id', 'uuid', (col) => col.references('import_batch.id'))
    .addColumn('source_row', 'integer')
    .addColumn('replaces', 'uuid')
    .addColumn('superseded_by', 'uuid', (col) => col.references('import_batch.id'))
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  // A country's map reads its areas' current outlines.
  await db.schema
    .createIndex('area_boundary_country_idx')
    .on('area_boundary')
    .columns(['country_code', 'area_code'])
    .where(sql.ref('superseded_by'), 'is', null)
    .execute();
  await db.schema
    .createIndex('area_boundary_batch_idx')
    .on('area_boundary')
    .columns(['import_batch_id', 'area_code'])
    .unique()
    .where(sql.ref('import_batch_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('area_boundary_replaces_idx')
    .on('area_boundary')
    .column('import_batch_id')
    .where(sql.ref('replaces'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('area_boundary_superseded_idx')
    .on('area_boundary')
    .column('superseded_by')
    .where(sql.ref('superseded_by'), 'is not', null)
    .execute();
}
