import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** Whether a deterministic data set of this name has been loaded. */
export async function hasSeedRun(db: Kysely<Database>, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('seed_run')
    .select('name')
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records that a data set has been loaded; false when it already was. */
export async function recordSeedRun(
  db: Kysely<Database>,
  name: string,
  seed: number,
): Promise<boolean> {
  const inserted = await db
    .insertInto('seed_run')
    .values({ name, seed })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('name')
    .executeTakeFirst();
  return inserted !== undefined;
}
