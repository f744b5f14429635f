import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration describes the schema as it was on 2026-12-09.
const levels = sql`('public', 'restricted', 'confidential', 'strictly-confidential')`;
const alertLevels = sql`('watch', 'warning', 'urgent')`;
const month = (column: string) => sql`${sql.ref(column)} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`;

export async function up(db: Kysely<any>): Promise<void> {
  // Every saved version of every warning rule, never changed: an alert names the version that
  // raised it. A global rule and a country's rule of the same id share the version sequence.
  await db.schema
    .createTable('alert_rule')
    .addColumn('id', 'text', (col) => col.notNull().check(sql`id ~ '^[a-z][a-z0-9-]{1,62}$'`))
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version > 0`))
    .addColumn('country_code', 'text', (col) => col.references('area.code'))
    .addColumn('enabled', 'boolean', (col) => col.notNull())
    .addColumn('document', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(document) = 'object'`),
    )
    .addColumn('saved_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('saved_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('alert_rule_pk', ['id', 'version'])
    .execute();

  // One row per alert: its current state. `level_rank` orders the inbox (watch < warning < urgent).
  await db.schema
    .createTable('alert')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('rule_id', 'text', (col) => col.notNull())
    .addColumn('rule_version', 'integer', (col) => col.notNull())
    .addColumn('area_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('country_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('level', 'text', (col) => col.notNull().check(sql`level in ${alertLevels}`))
    .addColumn('level_rank', 'smallint', (col) =>
      col
        .notNull()
        .generatedAlwaysAs(
          sql`case level when 'watch' then 0 when 'warning' then 1 when 'urgent' then 2 end`,
        )
        .stored(),
    )
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('open', 'acknowledged', 'responded', 'closed')`),
    )
    .addColumn('first_period', 'text', (col) => col.notNull().check(month('first_period')))
    .addColumn('period', 'text', (col) => col.notNull().check(month('period')))
    .addColumn('firings', 'integer', (col) => col.notNull().check(sql`firings >= 1`))
    .addColumn('evidence', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(evidence) = 'object'`),
    )
    .addColumn('sensitivity', 'text', (col) => col.notNull().check(sql`sensitivity in ${levels}`))
    .addColumn('raised_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addColumn('acknowledge_by', 'timestamptz', (col) => col.notNull())
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('responded_at', 'timestamptz')
    .addColumn('responded_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('response', 'jsonb', (col) => col.check(sql`jsonb_typeof(response) = 'object'`))
    .addColumn('response_note', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('outcome', 'text', (col) =>
      col.check(sql`outcome in ('addressed', 'no-longer-relevant', 'false-alarm')`),
    )
    .addColumn('closing_note', 'text')
    .addColumn('snoozed_until', 'date')
    .addColumn('snoozed_at_level', 'text', (col) =>
      col.check(sql`snoozed_at_level in ${alertLevels}`),
    )
    .addForeignKeyConstraint('alert_rule_version_fk', ['rule_id', 'rule_version'], 'alert_rule', [
      'id',
      'version',
    ])
    .addCheckConstraint('alert_periods', sql`first_period <= period`)
    .addCheckConstraint(
      'alert_closed_has_outcome',
      sql`(status = 'closed') = (closed_at is not null and outcome is not null)`,
    )
    .execute();
  // One not-closed alert per rule and area, whatever the evaluations racing to raise it.
  await db.schema
    .createIndex('alert_one_open_idx')
    .on('alert')
    .columns(['rule_id', 'area_code'])
    .unique()
    .where(sql.ref('status'), '<>', 'closed')
    .execute();
  // The inbox: a country's alerts of some statuses, by level and then oldest first.
  await db.schema
    .createIndex('alert_inbox_idx')
    .on('alert')
    .columns(['country_code', 'status', 'level_rank desc', 'raised_at', 'id'])
    .execute();
  // An area's alerts of a rule, newest first: the latest one for reconciliation, and the history.
  await db.schema
    .createIndex('alert_rule_area_idx')
    .on('alert')
    .columns(['rule_id', 'area_code', 'raised_at desc'])
    .execute();
  await db.schema
    .createIndex('alert_area_idx')
    .on('alert')
    .columns(['area_code', 'raised_at desc'])
    .execute();

  // What happened to an alert, step by step, never changed: the evaluations (no actor) and people.
  await db.schema
    .createTable('alert_event')
    .addColumn('alert_id', 'uuid', (col) => col.notNull().references('alert.id'))
    .addColumn('seq', 'integer', (col) => col.notNull().check(sql`seq > 0`))
    .addColumn('action', 'text', (col) =>
      col
        .notNull()
        .check(sql`action in ('raise', 'update', 'acknowledge', 'respond', 'close', 'snooze')`),
    )
    .addColumn('level', 'text', (col) => col.notNull().check(sql`level in ${alertLevels}`))
    .addColumn('actor_id', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('period', 'text', (col) => col.check(month('period')))
    .addPrimaryKeyConstraint('alert_event_pk', ['alert_id', 'seq'])
    .execute();

  // The histories rules read: an area's signals by date (observations by period already have
  // `observation_country_idx`, risk profiles their primary key).
  await db.schema
    .createIndex('signal_area_occurred_idx')
    .on('signal')
    .columns(['area_code', 'occurred_on'])
    .execute();
}
