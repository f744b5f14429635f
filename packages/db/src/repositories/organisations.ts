import type { Organisation } from '@prevention/core';
import type { Kysely } from 'kysely';
import type { Database, OrganisationRow } from '../database.js';

export async function insertOrganisations(
  db: Kysely<Database>,
  organisations: readonly Organisation[],
): Promise<void> {
  if (organisations.length === 0) return;
  await db
    .insertInto('organisation')
    .values(
      organisations.map((o) => ({
        id: o.id,
        name: o.name,
        acronym: o.acronym,
        kind: o.kind,
        country_code: o.countryCode,
      })),
    )
    .execute();
}

export async function findOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisation').selectAll().orderBy('name').execute();
  return rows.map(toOrganisation);
}

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    countryCode: row.country_code,
  };
}
