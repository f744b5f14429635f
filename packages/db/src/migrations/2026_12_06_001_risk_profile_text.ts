import { sql, type Kysely } from 'kysely';

/**
 * A risk profile's `summary` and `profile` become text holding JSON. Nothing queries inside
 * them: they are written whole and read whole. As jsonb, every row of a recomputation was parsed
 * into PostgreSQL's binary form and checked; as text the JSON is stored as it comes. On the
 * embedded database that conversion was most of a recomputation's writing time (measured on
 * 4,800 rows of 6 KB: 7.0 s as jsonb, 2.1 s as text).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table risk_profile
      drop constraint risk_profile_summary_check,
      drop constraint risk_profile_profile_check,
      alter column summary type text using summary::text,
      alter column profile type text using profile::text,
      add constraint risk_profile_summary_check check (left(summary, 1) = '{'),
      add constraint risk_profile_profile_check check (left(profile, 1) = '{')
  `.execute(db);
}
