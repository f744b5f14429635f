import { countries } from '@prevention/core';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { countryToAreaRow, upsertAreas } from './repositories/areas.js';

/**
 * Brings reference data (the UN member and observer states with their M49 regions) in line with
 * the version shipped in `@prevention/core`. Runs at every start after the migrations; it is an
 * upsert, so a new release that renames a country updates it in place.
 */
export async function syncReferenceData(db: Kysely<Database>): Promise<{ countries: number }> {
  const written = await upsertAreas(db, countries.map(countryToAreaRow));
  return { countries: written };
}
