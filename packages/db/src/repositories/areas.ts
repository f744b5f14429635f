import type { Area, Country } from '@prevention/core';
import type { Kysely } from 'kysely';
import type { AreaRow, Database, NewAreaRow } from '../database.js';

export interface AreaFilter {
  kind?: Area['kind'];
  /** An M49 region code such as `002` (Africa). */
  regionCode?: string;
  parentCode?: string;
}

export async function findAreas(db: Kysely<Database>, filter: AreaFilter = {}): Promise<Area[]> {
  let query = db.selectFrom('area').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.regionCode) query = query.where('region_code', '=', filter.regionCode);
  if (filter.parentCode) query = query.where('parent_code', '=', filter.parentCode);
  const rows = await query
    .orderBy('region_code')
    .orderBy('sub_region_code')
    .orderBy('name')
    .execute();
  return rows.map(toArea);
}

export async function findAreaByCode(
  db: Kysely<Database>,
  code: string,
): Promise<Area | undefined> {
  const row = await db.selectFrom('area').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toArea(row) : undefined;
}

/**
 * Every area's code with the country it lies in (itself, for a country): what an import resolves
 * codes against, loaded once per file.
 */
export async function findAreaCodes(
  db: Kysely<Database>,
): Promise<{ code: string; countryCode: string }[]> {
  const rows = await db.selectFrom('area').select(['code', 'kind', 'parent_code']).execute();
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const countryOf = (code: string): string | undefined => {
    let area = byCode.get(code);
    for (let depth = 0; area && area.kind !== 'country' && depth < 10; depth += 1)
      area = area.parent_code ? byCode.get(area.parent_code) : undefined;
    return area?.kind === 'country' ? area.code : undefined;
  };
  return rows.flatMap((row) => {
    const countryCode = countryOf(row.code);
    return countryCode ? [{ code: row.code, countryCode }] : [];
  });
}

/** Inserts areas, or brings existing ones up to date; returns how many rows were written. */
export async function upsertAreas(
  db: Kysely<Database>,
  areas: readonly NewAreaRow[],
): Promise<number> {
  if (areas.length === 0) return 0;
  const result = await db
    .insertInto('area')
    .values(areas.map((area) => ({ ...area, updated_at: new Date() })))
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        name: eb.ref('excluded.name'),
        parent_code: eb.ref('excluded.parent_code'),
        admin_level: eb.ref('excluded.admin_level'),
        alpha2: eb.ref('excluded.alpha2'),
        m49: eb.ref('excluded.m49'),
        un_status: eb.ref('excluded.un_status'),
        region_code: eb.ref('excluded.region_code'),
        region_name: eb.ref('excluded.region_name'),
        sub_region_code: eb.ref('excluded.sub_region_code'),
        sub_region_name: eb.ref('excluded.sub_region_name'),
        intermediate_region_code: eb.ref('excluded.intermediate_region_code'),
        intermediate_region_name: eb.ref('excluded.intermediate_region_name'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

export function countryToAreaRow(country: Country): NewAreaRow {
  return {
    code: country.code,
    kind: 'country',
    name: country.name,
    parent_code: null,
    admin_level: 0,
    alpha2: country.alpha2,
    m49: country.m49,
    un_status: country.status,
    region_code: country.region.code,
    region_name: country.region.name,
    sub_region_code: country.subRegion.code,
    sub_region_name: country.subRegion.name,
    intermediate_region_code: country.intermediateRegion?.code ?? null,
    intermediate_region_name: country.intermediateRegion?.name ?? null,
  };
}

function toArea(row: AreaRow): Area {
  return {
    code: row.code,
    kind: row.kind,
    name: row.name,
    parentCode: row.parent_code,
    adminLevel: row.admin_level,
    region: { code: row.region_code, name: row.region_name },
    subRegion: { code: row.sub_region_code, name: row.sub_region_name },
    intermediateRegion:
      row.intermediate_region_code && row.intermediate_region_name
        ? { code: row.intermediate_region_code, name: row.intermediate_region_name }
        : null,
  };
}
