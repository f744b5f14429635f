import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration describes the schema as it was on 2026-12-02.
const levels = sql`('public', 'restricted', 'confidential', 'strictly-confidential')`;
const statuses = sql`('draft', 'submitted', 'returned', 'endorsed', 'published')`;
const conflictReasons = sql`('stale-base', 'id-reused', 'not-editable')`;

export async function up(db: Kysely<any>): Promise<void> {
  // The current state of each assessment, with what lists filter on derived from its content.
  await db.schema
    .createTable('assessment')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('area_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('country_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('period', 'text', (col) => col.notNull().check(sql`period ~ '^[0-9]{4}-[0-9]{2}$'`))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ${statuses}`))
    .addColumn('revision', 'integer', (col) => col.notNull().check(sql`revision > 0`))
    .addColumn('sensitivity', 'text', (col) => col.notNull().check(sql`sensitivity in ${levels}`))
    .addColumn('content', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(content) = 'object'`),
    )
    .addColumn('pillars', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(pillars) = 'array'`),
    )
    .addColumn('organisations', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(organisations) = 'array'`),
    )
    .addColumn('risk_count', 'integer', (col) => col.notNull().check(sql`risk_count >= 0`))
    .addColumn('highest_risk', 'integer', (col) => col.check(sql`highest_risk between 1 and 25`))
    .addColumn('submitted_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  // Lists are scoped by country and ordered by the last update, newest first, then by id.
  await db.schema
    .createIndex('assessment_country_updated_idx')
    .on('assessment')
    .columns(['country_code', 'updated_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('assessment_updated_idx')
    .on('assessment')
    .columns(['updated_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('assessment_area_idx')
    .on('assessment')
    .columns(['area_code', 'period'])
    .execute();

  // Every save and every lifecycle step, immutable: the history and the diffs read these.
  await db.schema
    .createTable('assessment_revision')
    .addColumn('assessment_id', 'uuid', (col) => col.notNull().references('assessment.id'))
    .addColumn('revision', 'integer', (col) => col.notNull().check(sql`revision > 0`))
    .addColumn('action', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`action in ('create', 'save', 'resolve-conflict', 'submit', 'return', 'endorse', 'publish', 'reopen')`,
        ),
    )
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ${statuses}`))
    .addColumn('sensitivity', 'text', (col) => col.notNull().check(sql`sensitivity in ${levels}`))
    .addColumn('content', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(content) = 'object'`),
    )
    .addColumn('comments', 'jsonb', (col) => col.check(sql`jsonb_typeof(comments) = 'object'`))
    .addColumn('changed_sections', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(changed_sections) = 'array'`),
    )
    .addColumn('client_id', 'uuid')
    .addColumn('author_id', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('saved_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('assessment_revision_pk', ['assessment_id', 'revision'])
    .execute();

  // A version that lost a race (or arrived when the assessment took no edits), kept until an
  // author resolves or discards it; it is never deleted.
  await db.schema
    .createTable('assessment_conflict')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('assessment_id', 'uuid', (col) => col.notNull().references('assessment.id'))
    .addColumn('client_id', 'uuid', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull().check(sql`reason in ${conflictReasons}`))
    .addColumn('base_revision', 'integer', (col) => col.check(sql`base_revision > 0`))
    .addColumn('server_revision', 'integer', (col) => col.notNull().check(sql`server_revision > 0`))
    .addColumn('sensitivity', 'text', (col) => col.notNull().check(sql`sensitivity in ${levels}`))
    .addColumn('content', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(content) = 'object'`),
    )
    .addColumn('author_id', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('state', 'text', (col) =>
      col.notNull().check(sql`state in ('open', 'resolved', 'discarded', 'superseded')`),
    )
    .addColumn('closed_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('closed_at', 'timestamptz')
    /** The revision a resolution created, or the conflict that superseded this one. */
    .addColumn('resolution_revision', 'integer')
    .addColumn('superseded_by', 'uuid', (col) => col.references('assessment_conflict.id'))
    .addCheckConstraint(
      'assessment_conflict_closed',
      sql`(state = 'open') = (closed_at is null) and (state = 'open') = (closed_by is null)`,
    )
    .execute();
  await db.schema
    .createIndex('assessment_conflict_open_idx')
    .on('assessment_conflict')
    .columns(['assessment_id', 'created_at'])
    .where(sql.ref('state'), '=', 'open')
    .execute();

  // One row per client-generated sync item id: the primary key is what makes a replay harmless.
  // The answer is stored so that a replay gets the first answer again, whatever happened since.
  await db.schema
    .createTable('assessment_sync_receipt')
    .addColumn('client_id', 'uuid', (col) => col.primaryKey())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('assessment_id', 'uuid', (col) => col.notNull())
    /** SHA-256 of the canonical JSON of the item as received. */
    .addColumn('item_hash', 'text', (col) => col.notNull())
    .addColumn('answer', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(answer) = 'object'`),
    )
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .execute();
}
