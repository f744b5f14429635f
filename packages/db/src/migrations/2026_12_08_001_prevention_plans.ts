import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration describes the schema as it was on 2026-12-08.
const levels = sql`('public', 'restricted', 'confidential', 'strictly-confidential')`;
const statuses = sql`('draft', 'in-review', 'endorsed', 'active', 'closed')`;
const isoDate = (column: string) => sql`${sql.ref(column)} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

export async function up(db: Kysely<any>): Promise<void> {
  // The current state of each country's plan for a cycle: the document, and what lists filter on.
  await db.schema
    .createTable('plan')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('country_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('start_year', 'integer', (col) => col.notNull())
    .addColumn('end_year', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ${statuses}`))
    .addColumn('revision', 'integer', (col) => col.notNull().check(sql`revision > 0`))
    .addColumn('sensitivity', 'text', (col) => col.notNull().check(sql`sensitivity in ${levels}`))
    .addColumn('content', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(content) = 'object'`),
    )
    .addColumn('submitted_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addCheckConstraint('plan_cycle', sql`start_year <= end_year and end_year - start_year < 10`)
    // One plan per country and cycle; overlapping cycles are refused by the service, which
    // locks the country's plans first.
    .addUniqueConstraint('plan_country_cycle_key', ['country_code', 'start_year'])
    .execute();
  await db.schema
    .createIndex('plan_updated_idx')
    .on('plan')
    .columns(['updated_at desc', 'id desc'])
    .execute();

  // Every save and every lifecycle step of a plan, immutable: history and diffs read these.
  await db.schema
    .createTable('plan_revision')
    .addColumn('plan_id', 'uuid', (col) => col.notNull().references('plan.id'))
    .addColumn('revision', 'integer', (col) => col.notNull().check(sql`revision > 0`))
    .addColumn('action', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`action in ('create', 'save', 'submit', 'return', 'endorse', 'activate', 'close')`,
        ),
    )
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ${statuses}`))
    .addColumn('sensitivity', 'text', (col) => col.notNull().check(sql`sensitivity in ${levels}`))
    .addColumn('content', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(content) = 'object'`),
    )
    .addColumn('note', 'text')
    .addColumn('changes', 'integer', (col) => col.notNull().check(sql`changes >= 0`))
    .addColumn('author_id', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('saved_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('plan_revision_pk', ['plan_id', 'revision'])
    .execute();

  // What an action's lead reports on it. The action is an id inside the plan's document.
  await db.schema
    .createTable('plan_progress_report')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('plan_id', 'uuid', (col) => col.notNull().references('plan.id'))
    .addColumn('action_id', 'uuid', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull().check(isoDate('date')))
    .addColumn('author_id', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('status', 'integer', (col) => col.notNull().check(sql`status between 1 and 6`))
    .addColumn('milestones_met_percent', 'double precision', (col) =>
      col.notNull().check(sql`milestones_met_percent between 0 and 100`),
    )
    .addColumn('rating', 'text', (col) =>
      col.notNull().check(sql`rating in ('red', 'amber', 'green')`),
    )
    .addColumn('narrative', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('plan_progress_report_action_idx')
    .on('plan_progress_report')
    .columns(['plan_id', 'action_id', 'date'])
    .execute();

  // The decision log: one row per decision, its follow-ups inside the document; the status is
  // the latest follow-up's (overdue is derived on every read, never stored).
  await db.schema
    .createTable('logged_decision')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    /** Null for a decision across countries (HQ's, a region's): only global readers see it. */
    .addColumn('country_code', 'text', (col) => col.references('area.code'))
    .addColumn('sensitivity', 'text', (col) => col.notNull().check(sql`sensitivity in ${levels}`))
    .addColumn('meeting_date', 'text', (col) => col.notNull().check(isoDate('meeting_date')))
    .addColumn('due_date', 'text', (col) => col.check(isoDate('due_date')))
    .addColumn('owner_id', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('open', 'ongoing', 'completed')`),
    )
    .addColumn('content', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(content) = 'object'`),
    )
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('logged_decision_country_idx')
    .on('logged_decision')
    .columns(['country_code', 'meeting_date desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('logged_decision_owner_idx')
    .on('logged_decision')
    .columns(['owner_id', 'due_date'])
    .where(sql.ref('status'), '<>', 'completed')
    .execute();
}
