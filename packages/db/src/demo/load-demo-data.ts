import type { Area } from '@prevention/core';
import type { Kysely } from 'kysely';
import type { Database, NewAreaRow } from '../database.js';
import { upsertAreas } from '../repositories/areas.js';
import { insertOrganisations } from '../repositories/organisations.js';
import type { DemoData } from './generate-demo-data.js';

export type LoadDemoDataResult =
  | { loaded: true; areas: number; organisations: number }
  | { loaded: false; reason: 'already-loaded' };

/**
 * Loads a demo data set once: in one transaction, with a `seed_run` row that makes a second
 * start (or a second `seed`) a no-op. Reference data must already be in place.
 */
export async function loadDemoData(
  db: Kysely<Database>,
  data: DemoData,
): Promise<LoadDemoDataResult> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('seed_run')
      .values({ name: 'demo', seed: data.seed })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('name')
      .executeTakeFirst();
    if (!inserted) return { loaded: false, reason: 'already-loaded' } as const;

    await upsertAreas(trx, data.subnationalAreas.map(subnationalAreaRow));
    await insertOrganisations(trx, data.organisations);
    return {
      loaded: true,
      areas: data.subnationalAreas.length,
      organisations: data.organisations.length,
    } as const;
  });
}

function subnationalAreaRow(area: Area): NewAreaRow {
  return {
    code: area.code,
    kind: area.kind,
    name: area.name,
    parent_code: area.parentCode,
    admin_level: area.adminLevel,
    alpha2: null,
    m49: null,
    un_status: null,
    region_code: area.region.code,
    region_name: area.region.name,
    sub_region_code: area.subRegion.code,
    sub_region_name: area.subRegion.name,
    intermediate_region_code: area.intermediateRegion?.code ?? null,
    intermediate_region_name: area.intermediateRegion?.name ?? null,
  };
}
