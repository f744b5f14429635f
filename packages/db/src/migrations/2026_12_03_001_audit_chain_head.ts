import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration describes the schema as it was on 2026-12-03.
const auditLockKey = 0x61756469; // the advisory lock that appends took before this migration
const genesisHash = '0'.repeat(64);

/**
 * The head of the audit chain in a row of its own, so that an append reads and locks it in the
 * statement that needs it instead of taking an advisory lock and then finding the newest entry.
 * Existing databases start from the chain as it is; an empty chain starts at the genesis hash.
 * No trigger guards the row (one costs PGlite almost a millisecond an append): a head that
 * disagrees with the chain is what `verify-audit` reports, as it reports a changed entry.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_chain_head')
    .addColumn('only_row', 'boolean', (col) =>
      col
        .primaryKey()
        .defaultTo(true)
        .check(sql`only_row`),
    )
    .addColumn('seq', 'bigint', (col) => col.notNull().check(sql`seq >= 0`))
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute();
  // An append by a writer still on the advisory lock cannot slip in between the read and the insert.
  await sql`select pg_advisory_xact_lock(${sql.lit(auditLockKey)})`.execute(db);
  await sql`
    insert into audit_chain_head (seq, hash)
    select coalesce(last.seq, 0), coalesce(last.hash, ${sql.lit(genesisHash)})
    from (select 1) as one
    left join lateral (select seq, hash from audit_entry order by seq desc limit 1) as last on true
  `.execute(db);
}
