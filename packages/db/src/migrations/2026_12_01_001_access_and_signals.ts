import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration describes the schema as it was on 2026-12-01.
const levels = sql`('public', 'restricted', 'confidential', 'strictly-confidential')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) =>
      col
        .notNull()
        .unique()
        .check(sql`email = lower(email)`),
    )
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('roles', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(roles) = 'array' and jsonb_array_length(roles) > 0`),
    )
    .addColumn('scope', 'jsonb', (col) => col.notNull().check(sql`jsonb_typeof(scope) = 'object'`))
    .addColumn('clearance', 'text', (col) => col.notNull().check(sql`clearance in ${levels}`))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('password_changed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('totp_secret', 'text')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('is_demo', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('user_session')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('stage', 'text', (col) =>
      col.notNull().check(sql`stage in ('second-factor', 'active')`),
    )
    .addColumn('pending_totp_secret', 'text')
    .addColumn('second_factor_verified', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema
    .createIndex('user_session_user_id_idx')
    .on('user_session')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('sign_in_attempt')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('account', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('attempted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) =>
      col.notNull().check(sql`outcome in ('pending', 'succeeded', 'failed', 'throttled')`),
    )
    .execute();
  await db.schema
    .createIndex('sign_in_attempt_account_idx')
    .on('sign_in_attempt')
    .columns(['account', 'attempted_at'])
    .execute();
  await db.schema
    .createIndex('sign_in_attempt_address_idx')
    .on('sign_in_attempt')
    .columns(['address', 'attempted_at'])
    .execute();

  await db.schema
    .createTable('signal')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('pillar', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('area_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('country_code', 'text', (col) => col.notNull().references('area.code'))
    .addColumn('occurred_on', 'date', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('severity', 'smallint', (col) => col.notNull().check(sql`severity between 1 and 5`))
    .addColumn('verification', 'text', (col) =>
      col
        .notNull()
        .check(sql`verification in ('unverified', 'reported', 'corroborated', 'verified')`),
    )
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('sensitivity', 'text', (col) => col.notNull().check(sql`sensitivity in ${levels}`))
    .addColumn('field_sensitivity', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(field_sensitivity) = 'object'`),
    )
    .addColumn('payload', 'jsonb', (col) =>
      col.notNull().check(sql`jsonb_typeof(payload) = 'object'`),
    )
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  // Lists are scoped by country and paged by id (UUIDv7, so by creation time).
  await db.schema
    .createIndex('signal_country_idx')
    .on('signal')
    .columns(['country_code', 'id'])
    .execute();
  await db.schema
    .createIndex('signal_area_idx')
    .on('signal')
    .columns(['area_code', 'id'])
    .execute();

  await db.schema
    .createTable('audit_entry')
    .addColumn('seq', 'bigint', (col) => col.primaryKey().check(sql`seq > 0`))
    .addColumn('id', 'uuid', (col) => col.notNull().unique())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_roles', 'jsonb', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('resource_type', 'text', (col) => col.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('outcome', 'text', (col) =>
      col.notNull().check(sql`outcome in ('success', 'denied', 'failure')`),
    )
    .addColumn('request_id', 'text')
    .addColumn('changes', 'jsonb', (col) => col.notNull())
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull().unique())
    .execute();
  await db.schema
    .createIndex('audit_entry_actor_idx')
    .on('audit_entry')
    .columns(['actor_user_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_entry_resource_idx')
    .on('audit_entry')
    .columns(['resource_type', 'resource_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_entry_occurred_at_idx')
    .on('audit_entry')
    .column('occurred_at')
    .execute();

  // The audit log is append-only for everyone who goes through SQL, the application included.
  await sql`
    create function audit_entry_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit entries are append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end
    $$
  `.execute(db);
  await sql`
    create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only()
  `.execute(db);
  await sql`
    create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only()
  `.execute(db);
}
